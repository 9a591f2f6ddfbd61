// Renders every packaging icon from the one committed source, build/icon-source/copydesk.svg:
// the app icon (build/icon.icns, build/icon.ico, build/icons/<n>x<n>.png for Linux) and the
// `.article` document icon (build/article.icns, build/article.ico and a Linux mimetypes PNG).
// Run with `npm run icons` after changing the source; the outputs are committed.
// `--out <folder>` writes them there instead (the packaging tests compare them with build/).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as png2icons from "png2icons";

const sourcePath = resolve(import.meta.dirname, "..", "build", "icon-source", "copydesk.svg");
const outFlag = process.argv.indexOf("--out");
const buildDir = outFlag === -1 ? resolve(import.meta.dirname, "..", "build") : resolve(process.argv[outFlag + 1] ?? ".");

/** Sizes of the Linux hicolor app icons; the largest also feeds the .icns and .ico encoders. */
const linuxIconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

/** The Linux icon name of the `.article` MIME type, as freedesktop derives it from the type. */
const articleMimeIconName = "application-vnd.copydesk.article+json";

/** Renders an SVG document to a square PNG of the given width. */
function renderPng(svg: string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng());
}

/** The document icon: a page with a folded corner carrying the app mark. */
function articleSvg(markSvg: string): string {
  const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(markSvg)?.[1];
  if (inner === undefined) throw new Error(`${sourcePath} has no <svg> root`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <path d="M200 40 H640 L864 264 V944 Q864 984 824 984 H200 Q160 984 160 944 V80 Q160 40 200 40 Z" fill="#ffffff" stroke="#8d9ab0" stroke-width="24"/>
  <path d="M640 40 V224 Q640 264 680 264 H864" fill="#e6eaf1" stroke="#8d9ab0" stroke-width="24" stroke-linejoin="round"/>
  <g transform="translate(232 352) scale(0.56)">${inner}</g>
</svg>`;
}

/** Writes the .icns and .ico pair for one 1024 px PNG. */
function writeIconPair(png: Buffer, baseName: string): void {
  const icns = png2icons.createICNS(png, png2icons.BICUBIC, 0);
  const ico = png2icons.createICO(png, png2icons.BICUBIC, 0, true, true);
  if (icns === null || ico === null) throw new Error(`png2icons could not encode ${baseName}`);
  writeFileSync(join(buildDir, `${baseName}.icns`), icns);
  writeFileSync(join(buildDir, `${baseName}.ico`), ico);
}

function main(): void {
  const markSvg = readFileSync(sourcePath, "utf8");

  const iconsDir = join(buildDir, "icons");
  rmSync(iconsDir, { recursive: true, force: true });
  mkdirSync(iconsDir, { recursive: true });
  for (const size of linuxIconSizes) writeFileSync(join(iconsDir, `${size}x${size}.png`), renderPng(markSvg, size));
  writeIconPair(renderPng(markSvg, 1024), "icon");

  const documentSvg = articleSvg(markSvg);
  writeIconPair(renderPng(documentSvg, 1024), "article");
  mkdirSync(join(buildDir, "linux"), { recursive: true });
  writeFileSync(join(buildDir, "linux", `${articleMimeIconName}.png`), renderPng(documentSvg, 256));
}

main();
