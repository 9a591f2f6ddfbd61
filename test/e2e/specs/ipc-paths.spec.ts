import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeArticle } from "../../../shared/article-file";
import { channels, type Channel, type IpcResult } from "../../../shared/ipc";
import { article } from "../../unit/services/helpers";
import { expect, test } from "../support/fixtures";

// The renderer never names a path: files come from main's dialogs and its recent-files list, the
// export folder from main's dialog or settings, each named by a token main issued. Here the page
// (standing in for a compromised renderer) names paths of its own on every channel, and each
// request is refused, with nothing read, written or created there.

test("every channel refuses a path the page names, and nothing is read or written there", async ({ copydesk, workDir }) => {
  const { page } = copydesk;
  const elsewhere = join(workDir, "elsewhere");
  mkdirSync(elsewhere);
  const victim = join(elsewhere, "victim.article");
  writeFileSync(victim, serializeArticle(article("Someone else's story")));
  const pageHtml = join(elsewhere, "page.html");
  writeFileSync(pageHtml, "<h1>Imported without asking</h1>");
  const before = readFileSync(victim);
  const outside = join(elsewhere, "exports");

  const current = await copydesk.documentJson();
  // A document of this window's own, to name in the requests that take one.
  const handle = await page.evaluate(async () => {
    const opened = await window.copydesk.invoke("document:new", {});
    return opened.ok ? opened.value.handle : "";
  });
  const payload = { meta: current.meta, doc: current.doc };

  /// Requests that name a path where one might be taken; a channel without an entry gets `{ path }`.
  const attempts: Partial<Record<Channel, unknown[]>> = {
    "document:open": [{ path: victim }, { recent: victim }, { recent: "../../../etc/passwd" }],
    "document:import": [{ path: pageHtml }, { file: pageHtml }],
    "document:save": [{ handle, article: payload, revision: 1, path: victim }, { handle: victim, article: payload, revision: 1 }],
    "document:save-as": [{ handle, article: payload, revision: 1, path: victim }],
    "document:reload": [{ handle, path: victim }, { handle: victim }],
    "document:disk-version": [{ handle, path: victim }, { handle: victim }],
    "review:compare-file": [{ handle, path: victim }, { handle: victim }, { handle, file: victim }],
    "document:close": [{ handle: victim }],
    "document:state": [{ handle: victim, revision: 1, edited: true }],
    "document:snapshot": [{ requestId: victim, snapshot: null }],
    "export:run": [
      { handle, article: payload, formats: ["html"], folder: outside },
      { handle, article: payload, formats: ["html"], folder: elsewhere },
      { handle, article: payload, formats: ["html"], path: outside },
    ],
    "settings:set": [{ exportFolder: outside }, { exportFolder: null, theme: "dark" }, { styleGuideFolder: elsewhere }],
    "style:choose-guide-folder": [{ folder: elsewhere }, { clear: false, path: elsewhere }],
    "template:new": [{ template: victim }, { template: "../../elsewhere/victim.article" }, { path: victim }],
    "template:choose-folder": [{ folder: elsewhere }, { clear: false, path: elsewhere }],
    "recovery:restore": [{ id: victim }, { id: "../../elsewhere/victim" }],
    "recovery:discard": [{ id: victim }, { id: "../elsewhere/victim" }],
    "asset:choose-image": [{ handle, path: join(elsewhere, "photo.png") }],
    "asset:add": [{ handle, data: victim }, { handle, data: "", path: victim }],
    "link:open": [{ href: `file://${victim}` }, { href: victim }],
    "desk:open": [{ folder: elsewhere }, { path: elsewhere }],
    "desk:stories": [{ desk: elsewhere }, { desk: "../elsewhere" }],
    "desk:search": [{ desk: elsewhere, query: "victim" }],
    "desk:open-story": [{ desk: elsewhere, story: "victim.article" }, { desk: victim, story: victim }],
    "desk:close": [{ desk: elsewhere }],
  };

  const tried = new Set<Channel>();
  for (const channel of channels) {
    for (const request of attempts[channel] ?? [{ path: victim }]) {
      const result = (await page.evaluate(([c, r]) => window.copydesk.invoke(c as Channel, r as never), [channel, request] as const)) as IpcResult<unknown>;
      expect(result.ok, `${channel} ${JSON.stringify(request)} was accepted`).toBe(false);
      if (!result.ok) expect(["invalid-request", "unknown-document", "not-found"]).toContain(result.error.code);
      tried.add(channel);
    }
  }
  expect([...tried].sort()).toEqual([...channels].sort());

  expect(readFileSync(victim)).toEqual(before);
  expect(readdirSync(elsewhere).sort()).toEqual(["page.html", "victim.article"]);
  expect(existsSync(outside)).toBe(false);
  expect(await copydesk.target.dialogLog()).toEqual([]);
  const guide = await page.evaluate(() => window.copydesk.invoke("style:guide", {}));
  expect(guide).toEqual({ ok: true, value: { folder: null, files: [], errors: [] } });
  // The window's own article is untouched: no request replaced it.
  expect((await copydesk.documentJson()).meta.id).toBe(current.meta.id);
});
