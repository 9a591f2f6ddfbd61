import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../../../shared/csp";

// The import-direction rules of STYLE.md are enforced by `npm run lint`: these show that a
// wrong import fails it, so the rule cannot silently stop working.

const root = join(__dirname, "..", "..", "..");
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("layering", () => {
  it.each([
    ["shared/x.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', /shared\/ runs everywhere/],
    ["shared/x.ts", 'import { app } from "electron";\nexport const x = app;\n', /shared\/ runs everywhere/],
    ["shared/x.ts", 'import { Backend } from "../electron/services/backend";\nexport const x = Backend;\n', /shared\/ imports no other layer/],
    ["shared/x.ts", 'import { startApp } from "../renderer/src/app/shell";\nexport const x = startApp;\n', /shared\/ imports no other layer/],
    ["renderer/src/x.ts", 'import { ipcRenderer } from "electron";\nexport const x = ipcRenderer;\n', /renderer\/ talks to the main process only/],
    ["renderer/src/x.ts", 'import { Backend } from "../../electron/services/backend";\nexport const x = Backend;\n', /renderer\/ may import shared\/ only/],
    ["electron/main/x.ts", 'import { startApp } from "../../renderer/src/app/shell";\nexport const x = startApp;\n', /never import renderer/],
    ["electron/services/x.ts", 'import { app } from "electron";\nexport const x = app;\n', /Services and the CLI are plain Node/],
  ])("refuses in %s: %s", async (file, code, message) => {
    const errors = await importErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => message.test(e)), errors.join("\n")).toBe(true);
  });

  it("allows what each layer may import", async () => {
    expect(await importErrors("renderer/src/x.ts", 'import { schema } from "../../shared/schema";\nexport const x = schema;\n')).toEqual([]);
    expect(await importErrors("electron/main/x.ts", 'import { app } from "electron";\nexport const x = app;\n')).toEqual([]);
    expect(await importErrors("shared/x.ts", 'import { Schema } from "prosemirror-model";\nexport const x = Schema;\n')).toEqual([]);
    expect(await importErrors("cli/x.ts", 'import { Backend } from "../electron/services/backend";\nexport const x = Backend;\n')).toEqual([]);
  });

  it("gives the renderer page the same Content-Security-Policy as the main process", () => {
    const html = readFileSync(join(root, "renderer", "index.html"), "utf8");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy);
  });
});
