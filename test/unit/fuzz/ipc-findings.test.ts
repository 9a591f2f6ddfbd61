import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { realFileSystem, writeFileDurably, type FileSystemLayer } from "../../../electron/services/durable-write";
import { tempFolder } from "../services/helpers";

// What the IPC fuzz (test/e2e/specs/ipc-fuzz.spec.ts) found, each kept as a test.

const { dir, cleanup } = tempFolder("copydesk-ipc-findings-");
afterAll(cleanup);

describe("what the IPC fuzz found", () => {
  it("a write of a file finishing while another write of it is under way leaves that one's temporary file alone", async () => {
    // Two settings changes at once (settings:set, the export folder after an export, the guide folder):
    // the first to finish removed every temporary file of settings.json, the other's included, which
    // then failed: "Could not save the settings to …: the folder does not exist".
    const path = join(dir, "settings.json");
    writeFileSync(path, "{}\n");
    let firstMayRename: () => void = () => undefined;
    const held = new Promise<void>((ok) => (firstMayRename = ok));
    const slowRename: FileSystemLayer = { ...realFileSystem, rename: async (from, to) => (await held, realFileSystem.rename(from, to)) };
    const first = writeFileDurably(path, '{"theme": "dark"}\n', slowRename);
    // The first write has its temporary file when it waits to rename.
    while (!readdirSync(dir).some((name) => name.endsWith(".tmp"))) await new Promise((ok) => setImmediate(ok));
    await writeFileDurably(path, '{"smartQuotes": false}\n');
    firstMayRename();
    await expect(first).resolves.toMatchObject({ size: 18 });
    expect(readFileSync(path, "utf8")).toBe('{"theme": "dark"}\n');
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
