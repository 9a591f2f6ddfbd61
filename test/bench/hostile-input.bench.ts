import fc from "fast-check";
import { DOMParser as LinkedomParser } from "linkedom";
import { EditorState, TextSelection } from "prosemirror-state";
import { bench, describe } from "vitest";
import { parseHtmlInNode } from "../../electron/services/import-files";
import { AssetStore } from "../../renderer/src/editor/assets";
import { pasteTransaction, preparePaste } from "../../renderer/src/editor/paste-plugin";
import { statePlugins } from "../../renderer/src/editor/setup";
import { createArticle } from "../../shared/article";
import { importHtml } from "../../shared/import/html";
import { hostileHtml } from "../support/hostile-html";
import { hostilePage } from "../support/hostile-page";

// Hostile HTML, what it costs (issue 10's targets: importing a 1 MB hostile page under 1 s, a 50 KB
// hostile paste under 200 ms). The page is test/support/hostile-page.ts's (nesting 10,000 deep,
// thousands of attributes, huge styles, scripts); the paste is one of the fuzz generator's pages,
// fixed by its seed, pasted at the end of the body's paragraph with linkedom parsing it (Chromium's
// own paste is timed by the hostile-paste e2e spec). test/unit/security-input/resource-limits.test.ts
// shows the import finishes; the paste fuzz test (test/unit/fuzz/hostile-paste.test.ts) that each paste is safe.

const page = hostilePage(1024 * 1024);
const pasted = fc.sample(hostileHtml(50 * 1024), { numRuns: 1, seed: 20140107 })[0];
const parse = (html: string) => new LinkedomParser().parseFromString(html, "text/html") as unknown as Document;

/// An empty article with the cursor in the body's paragraph, as a journalist pastes into a new story.
function bodyState(): EditorState {
  const article = createArticle({ id: "3f0e9d7c-1b2a-4c3d-8e9f-0a1b2c3d4e5f", now: new Date("2014-01-07T10:00:00Z") });
  const state = EditorState.create({ doc: article.doc, plugins: statePlugins(article.meta) });
  let inBody = 0;
  state.doc.descendants((node, pos) => {
    if (node.type.name === "paragraph" && inBody === 0) inBody = pos + 1;
    return inBody === 0;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, inBody)));
}

const state = bodyState();
const options = { time: 2000, warmupTime: 500 };

describe("hostile HTML", () => {
  bench(`import ${Math.round(page.length / 1024)} KB hostile HTML (linkedom)`, async () => {
    const result = await importHtml(page, parseHtmlInNode);
    if (!result.ok) throw new Error(result.errors.join("; "));
  }, options);
  bench(`paste ${Math.round(pasted.length / 1024)} KB hostile HTML (preparePaste + pasteTransaction, linkedom)`, async () => {
    const notes: string[] = [];
    const tr = await pasteTransaction(() => state, preparePaste(state, pasted, "", parse, notes), new AssetStore(), notes);
    if (!tr) throw new Error("the paste changed nothing");
  }, options);
});
