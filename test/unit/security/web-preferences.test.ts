import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { editorWebPreferences, pdfWebPreferences } from "../../../electron/main/web-preferences";

// The webPreferences main gives its windows, read as main builds them. Electronegativity does not
// see nodeIntegration (and cannot follow a function call), so this test is the proof.

const secure = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: "Auxclick",
};

describe.each([
  ["the editor window", editorWebPreferences("/app/out/preload/index.cjs")],
  ["the PDF printing window", pdfWebPreferences()],
])("%s", (_name, preferences) => {
  it.each(Object.entries(secure))("sets %s to %s", (key, value) => {
    expect(preferences[key as keyof typeof preferences]).toBe(value);
  });

  it("enables no Blink feature and sets no option that weakens the page", () => {
    expect(preferences.enableBlinkFeatures).toBeUndefined();
    expect(preferences.additionalArguments).toBeUndefined();
    expect(preferences.partition).toBeUndefined();
    expect(preferences.plugins).toBeFalsy();
    expect(preferences.enableWebSQL).toBeFalsy();
  });
});

describe("the preload", () => {
  it("is given to the editor only, by the path main names", () => {
    expect(editorWebPreferences("/app/out/preload/index.cjs").preload).toBe("/app/out/preload/index.cjs");
    expect(pdfWebPreferences().preload).toBeUndefined();
    expect(pdfWebPreferences().javascript).toBe(false);
  });
});

describe("every window main opens", () => {
  it("takes its webPreferences from web-preferences.ts, so the values above are the ones in use", () => {
    const main = join(__dirname, "..", "..", "..", "electron", "main");
    const windows = readdirSync(main)
      .filter((file) => file.endsWith(".ts"))
      .flatMap((file) => [...readFileSync(join(main, file), "utf8").matchAll(/new BrowserWindow\(\{[\s\S]*?\}\);/g)].map((match) => ({ file, call: match[0] })));
    expect(windows.map((w) => w.file).sort()).toEqual(["pdf.ts", "window.ts"]);
    for (const { file, call } of windows) expect(call, file).toMatch(/webPreferences: (?:editorWebPreferences|pdfWebPreferences)\(/);
  });
});
