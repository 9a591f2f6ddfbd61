import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Backend } from "../../../electron/services/backend";
import { builtWorkerScript, WorkerPool } from "../../../electron/services/heavy-work";
import { articleToJSON } from "../../../shared/article";
import { exportHtml } from "../../../shared/export/html";
import type { OpenedDocument } from "../../../shared/ipc";
import { fileOfSize } from "../../support/hostile-articles";
import { FakeWindows } from "../services/fake-windows";
import { article, ScriptedDialogs, tempFolder } from "../services/helpers";

// Heavy work runs in the app's worker threads (the built out/main/heavy-worker.js), so main keeps
// answering every other window meanwhile: while a 40 MB article is being opened, another window's
// save is done. A task that runs too long is stopped (its worker with it) and refused with a message.

const script = builtWorkerScript(join(__dirname, "..", "..", "..", "out", "main"));
const { dir, cleanup } = tempFolder("copydesk-heavy-");
afterAll(cleanup);

describe.runIf(script !== null)("heavy work in worker threads", () => {
  const pool = new WorkerPool(script!);
  const dialogs = new ScriptedDialogs();
  const windows = new FakeWindows();
  const backend = new Backend({
    userDataDir: join(dir, "user-data"),
    dialogs,
    windows,
    notify: windows.notify,
    appInfo: { name: "Copydesk", version: "0", platform: "linux" },
    heavyWork: pool,
    recoveryTiming: { quietMs: 10, maxDelayMs: 20 },
  });
  windows.attach({ backend });
  afterAll(() => backend.dispose());

  it("main's event loop keeps turning, and another window saves, while a 40 MB article is being opened", async () => {
    const big = join(dir, "big.article");
    writeFileSync(big, fileOfSize(40 * 1024 * 1024));
    const other = { windowId: "w2" };
    const draft = (await backend.handle("document:new", {}, other)) as { ok: true; value: OpenedDocument };

    // The longest main went without running a timer while the article was opened: in-process, that is
    // the whole parse; with the worker, a small part of the open, however busy the machine.
    let last = performance.now();
    let longestStall = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const order: string[] = [];
    dialogs.queue({ kind: "open", path: big });
    const opening = backend.handle("document:open", {}, { windowId: "w1" }).then((result) => {
      order.push("opened the big article");
      return result;
    });
    dialogs.queue({ kind: "save", path: join(dir, "small.article") });
    const saving = backend
      .handle("document:save", { handle: draft.value.handle, article: articleToJSON(article("Small story", "Saved meanwhile.")), revision: 1 }, other)
      .then((result) => {
        order.push("saved the small one");
        return result;
      });
    const [opened, saved] = await Promise.all([opening, saving]);
    const took = performance.now() - started;
    clearInterval(ticker);
    console.log(`opened 40 MB in ${took.toFixed(0)} ms; main's longest stall ${longestStall.toFixed(0)} ms`);
    expect(longestStall).toBeLessThan(took / 3);
    expect(opened.ok ? null : opened.error).toBeNull();
    expect(saved.ok ? null : saved.error).toBeNull();
    expect(order).toEqual(["saved the small one", "opened the big article"]);
  }, 240_000);

  it("stops a task that takes too long and refuses it with a message; imports run in the worker", async () => {
    const impatient = new WorkerPool(script!, 1, 1);
    const page = new TextEncoder().encode(exportHtml(article("Long page", ...Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}.`))));
    await expect(impatient.importArticle(page, "html")).rejects.toThrow("The work took longer than 0 s and was stopped.");
    const imported = await pool.importArticle(page, "html");
    expect(imported.ok ? imported.article.doc.content : imported.errors).toHaveLength(8);
    await impatient.dispose();
  }, 120_000);
});
