import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { EditorState } from "prosemirror-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyDoc, type Article } from "../../../shared/article";
import { fixedWords } from "../../../shared/export/fixed-words";
import { exportHtml } from "../../../shared/export/html";
import { ninjsObject } from "../../../shared/export/ninjs";
import { exportNitf } from "../../../shared/export/nitf";
import { exportText } from "../../../shared/export/text";
import { articleCounts, countedFields, countText, countWords, wordCount } from "../../../shared/word-count";
import { RecoveryStore } from "../../../electron/services/recovery";
import { countsDisplay } from "../../../renderer/src/app/status-bar";
import { countsOf } from "../../../renderer/src/editor/counts";
import { fieldPos } from "../../../renderer/src/editor/fields";
import { statePlugins } from "../../../renderer/src/editor/setup";
import { sampleArticles } from "../../support/arbitrary-article";
import { article, h2, meta, p, quote, related, ul } from "../editor/builders";
import { schema } from "../../../shared/schema";

// One word count (shared/word-count.ts): what a word is, which fields count, and every place
// that shows or writes a count giving the same number for the same article.

describe("what counts as a word", () => {
  it.each([
    ["We'll not be sending forces to Iraq, he said.", 9],
    ["al Qaeda-linked militants", 3],
    ["more than $14 billion, 150,000 troops, 3.5 per cent", 9],
    ["the U.S. and the E.U.", 5],
    ["Jan. 7, 2014 (AFP) —", 4],
    ["x—y … & — - 😀", 2],
    ["  \n\t ", 0],
    ["naïve Zürich café", 3],
    ["नमस्ते दुनिया", 2],
    ["مرحبا بالعالم", 2],
    ["東京で会議", 5],
    ["한국어 텍스트", 2],
  ])("%s: %i", (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it("characters are code points, spaces included", () => {
    expect(countText("Iraq 😀")).toEqual({ words: 1, characters: 6 });
  });
});

describe("which fields count", () => {
  const n = schema.nodes;
  const figure = n.figure.create(null, [n.image.create({ src: "https://images.example.com/a.jpg", alt: "Alt text is not counted" }), n.caption.create(null, schema.text("Caption not counted")), n.credit.create(null, schema.text("© AFP"))]);
  const doc = article({
    kicker: "Middle East",
    headline: "US speeds up arms sales",
    standfirst: ["Missiles and drones"],
    byline: "Text by FRANCE 24",
    dateline: "Washington",
    date: "2014-01-07",
    source: "AFP",
    body: [p("The United States will speed up."), h2("Suffering"), quote([p("We will not.")], "Colonel Warren"), ul("One item", "Two items"), figure],
    tagline: "(FRANCE 24 with AFP)",
    related: [related("Iraqi forces battle militants", "https://example.com/a", "IRAQ")],
  });

  it("every field a reader reads, from kicker to tagline; not figures, the dateline's date and agency, or related links", () => {
    expect(countedFields).toEqual(["kicker", "headline", "standfirst", "byline", "dateline", "body", "tagline"]);
    // 2 kicker + 5 headline + 3 standfirst + 4 byline + 1 place + (6 + 1 + 3 + 2 + 2 + 2) body + 4 tagline
    expect(wordCount(doc)).toBe(35);
  });

  it("a story with only a headline has the headline's words", () => {
    expect(wordCount(article({ headline: "Storm closes the harbour" }))).toBe(4);
    expect(wordCount(emptyDoc())).toBe(0);
  });
});

/// The article typed in as a journalist would: each field, then each body block, as its own edit,
/// so that the status bar's count is the incremental one, never a full recount.
function typedIn(wanted: Article): EditorState {
  let state = EditorState.create({ doc: emptyDoc(), plugins: statePlugins(wanted.meta) });
  wanted.doc.forEach((field, _offset, index) => {
    const start = fieldPos(state.doc, index) + 1;
    const end = start + state.doc.child(index).content.size;
    if (field.type !== schema.nodes.body) {
      state = state.apply(state.tr.replaceWith(start, end, field.content).setNodeMarkup(start - 1, null, field.attrs));
      return;
    }
    state = state.apply(state.tr.replaceWith(start, end, field.firstChild!));
    for (let i = 1; i < field.childCount; i++) {
      const bodyEnd = fieldPos(state.doc, index) + state.doc.child(index).nodeSize - 1;
      state = state.apply(state.tr.insert(bodyEnd, field.child(i)));
    }
  });
  expect(state.doc.eq(wanted.doc)).toBe(true);
  return state;
}

describe("the same count everywhere", () => {
  const articles = sampleArticles(40, 7);
  let dir: string;
  let statusBar: (state: EditorState) => void;
  let shown: () => string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-word-count-"));
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    (globalThis as { document?: unknown }).document = document;
    const container = document.body as unknown as HTMLElement;
    statusBar = countsDisplay(container, { later: (run) => run() });
    shown = () => container.querySelector(".count-words")!.textContent ?? "";
  });
  afterAll(() => {
    delete (globalThis as { document?: unknown }).document;
    rmSync(dir, { recursive: true, force: true });
  });

  it("status bar, recovery list, NITF, ninjs, HTML and plain text agree on generated articles", async () => {
    const store = new RecoveryStore(dir);
    const ids = articles.map((a) => a.meta.id);
    for (const [i, a] of articles.entries()) await store.keep(ids[i], a, { path: null, title: `Article ${i}`, disk: null });
    const recovered = new Map((await store.list()).map((entry) => [entry.id, entry.words]));

    const counted = new Set<number>();
    for (const [i, a] of articles.entries()) {
      const words = wordCount(a.doc);
      counted.add(words);
      const state = typedIn(a);
      statusBar(state);
      const nitf = /<pubdata [^>]*item-length="(\d+)" unit-of-measure="word"/.exec(exportNitf(a))?.[1];
      const ninjs = (ninjsObject(a).bodies as { wordcount: number; charcount: number }[])[0];
      // The text export's last line, "Words: N" in the article's language.
      const text = new RegExp(`\\n${fixedWords(a.meta.language).words}: (\\d+)\\n$`).exec(exportText(a))?.[1];
      const jsonLd = /"wordCount":\s*(\d+)/.exec(exportHtml(a))?.[1];
      const all = {
        statusBarCounter: countsOf(state).words,
        statusBarText: shown(),
        recovery: recovered.get(ids[i]),
        nitf: Number(nitf),
        ninjs: ninjs.wordcount,
        text: Number(text),
        html: Number(jsonLd),
      };
      const expected = { statusBarCounter: words, statusBarText: `${words.toLocaleString("en")} ${words === 1 ? "word" : "words"}`, recovery: words, nitf: words, ninjs: words, text: words, html: words };
      expect([i, all]).toEqual([i, expected]);
      expect([i, countsOf(state).characters, ninjs.charcount]).toEqual([i, articleCounts(a.doc).characters, articleCounts(a.doc).characters]);
    }
    expect(counted.size).toBeGreaterThan(10);
  });

  it("the recovery list counts the reference draft the same as the status bar (no more 13 words here and 19 there)", async () => {
    const draft: Article = { meta: meta(), doc: article({ headline: "Storm closes the harbour", byline: "By our reporter", body: [p("Ferries stayed in port on Monday."), p("")] }), assets: {} };
    const store = new RecoveryStore(join(dir, "draft"));
    await store.keep(draft.meta.id, draft, { path: null, title: "Storm", disk: null });
    expect((await store.list()).map((entry) => entry.words)).toEqual([countsOf(typedIn(draft)).words]);
    expect(countsOf(typedIn(draft)).words).toBe(4 + 3 + 6);
  });
});
