import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { Backend } from "../../../electron/services/backend";
import { articleToJSON } from "../../../shared/article";
import { articleFromFileJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { salvageArticle, textOfJSON } from "../../../shared/article-salvage";
import { countWords } from "../../../shared/word-count";
import type { OpenedDocument } from "../../../shared/ipc";
import { articleArbitrary } from "../../support/arbitrary-article";
import { rounds, timeoutFor } from "../../support/long-tests";
import { FakeWindows } from "../services/fake-windows";
import { article, ScriptedDialogs, tempFolder } from "../services/helpers";

// When the file format refuses what a window sent, no word is lost: the recovery copy keeps every
// word (each refused part as a paragraph of its text), and the window is told what is wrong and how
// to fix it. `salvageArticle` makes that copy: whatever it is given, the result is valid and holds
// every word of the input.

const { dir, cleanup } = tempFolder("copydesk-unsavable-");
afterAll(cleanup);

/// Every word of a document's JSON, in a multiset.
function wordsOf(json: unknown): string[] {
  return textOfJSON(json).split(/\s+/).filter(Boolean).sort();
}

/// A data: URL image inside a figure, as a paste before issue 10 left it in the editor.
const dataImage = (base64: string) => ({
  type: "figure",
  content: [
    { type: "image", attrs: { src: `data:image/png;base64,${base64}`, alt: "Harbour at dawn" } },
    { type: "caption", content: [{ type: "text", text: "Boats waiting to sail" }] },
  ],
});

function withBlocks(blocks: unknown[]): { meta: unknown; doc: { content: { content?: unknown[] }[] } } {
  const json = articleToJSON(article("Harbour reopens", "The first ferry left at six.")) as unknown as { meta: unknown; doc: { content: { content?: unknown[] }[] } };
  json.doc.content[5].content = [...json.doc.content[5].content!, ...blocks];
  return json;
}

describe("salvaging an article the format refuses", () => {
  it("keeps each refused block as a paragraph of its text, and the rest as it was", () => {
    const input = withBlocks([dataImage("iVBORw0KGgo="), { type: "paragraph", content: [{ type: "text", text: "Typed after the paste." }] }]);
    const { article: salvaged, changes } = salvageArticle(input);
    const file = parseArticleFile(serializeArticle(salvaged));
    expect(file.ok).toBe(true);
    expect(changes).toEqual(["the story's block 2 (figure) was kept as text"]);
    const blocks = salvaged.doc.child(5).content.content.map((block) => [block.type.name, block.textContent]);
    expect(blocks).toEqual([
      ["paragraph", "The first ferry left at six."],
      ["paragraph", "Harbour at dawn Boats waiting to sail"],
      ["paragraph", "Typed after the paste."],
    ]);
  });

  it("resets bad metadata fields only, and keeps the article's identity", () => {
    const input = withBlocks([]) as { meta: Record<string, unknown> };
    const id = input.meta.id;
    input.meta.created = "yesterday";
    input.meta.tags = Array.from({ length: 1000 }, (_, i) => `tag${i}`);
    const { article: salvaged, changes } = salvageArticle(input);
    expect(salvaged.meta.id).toBe(id);
    expect(salvaged.meta.tags).toEqual([]);
    expect(changes).toEqual(["the metadata field tags was reset", "the metadata field created was reset"]);
  });

  it(`keeps every word of ${rounds(200, 1000)} generated articles broken in random places`, () => {
    const breakage = fc.constantFrom(
      (doc: Record<string, unknown>) => ((doc.content as { content?: unknown[] }[])[5].content ?? []).push(dataImage("AAAA")),
      (doc: Record<string, unknown>) => ((doc.content as { content?: unknown[] }[])[1].content = [{ type: "text", text: "Marked headline", marks: [{ type: "strong" }] }]),
      (doc: Record<string, unknown>) => ((doc.content as { content?: unknown[] }[])[5].content ?? []).push({ type: "paragraph", content: [{ type: "text", text: "bad link", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }),
      (doc: Record<string, unknown>) => ((doc.content as { content?: unknown[] }[])[7].content ?? []).push({ type: "related_link", attrs: { href: "ftp://x", title: "Old archive", label: null } }),
      (doc: Record<string, unknown>) => ((doc.content as { content?: unknown[] }[])[5].content ?? []).push({ type: "no_such_block", content: [{ type: "text", text: "Strange words" }] }),
    );
    fc.assert(
      fc.property(articleArbitrary, fc.array(breakage, { minLength: 1, maxLength: 3 }), (generated, breaks) => {
        const json = JSON.parse(JSON.stringify(articleToJSON(generated))) as { doc: Record<string, unknown> };
        for (const broken of breaks) broken(json.doc);
        const before = wordsOf(json.doc);
        const { article: salvaged } = salvageArticle(json);
        const reread = parseArticleFile(serializeArticle(salvaged));
        expect(reread.ok ? [] : reread.errors).toEqual([]);
        const after = wordsOf(salvaged.doc.toJSON());
        for (const word of new Set(before)) expect(after.filter((w) => w === word).length).toBeGreaterThanOrEqual(before.filter((w) => w === word).length);
      }),
      { numRuns: rounds(200, 1000), seed: 10_1 },
    );
  }, timeoutFor(rounds(200, 1000), 50));
});

describe("a save the format refuses", () => {
  const userDataDir = join(dir, "user-data");
  const dialogs = new ScriptedDialogs();
  const windows = new FakeWindows();
  const backend = new Backend({ userDataDir, dialogs, windows, notify: windows.notify, appInfo: { name: "Copydesk", version: "0", platform: "linux" } });
  windows.attach({ backend });
  afterAll(() => backend.dispose());

  it("writes the recovery copy with every word and says what is wrong and how to fix it", async () => {
    const context = { windowId: "w1" };
    const opened = (await backend.handle("document:new", {}, context)) as { ok: true; value: OpenedDocument };
    const { handle } = opened.value;
    const sent = withBlocks([dataImage("iVBORw0KGgo="), { type: "paragraph", content: [{ type: "text", text: "Typed after the paste." }] }]);
    dialogs.queue({ kind: "save", path: join(dir, "harbour.article") });
    const result = await backend.handle("document:save", { handle, article: sent, revision: 3 }, context);

    expect(result).toEqual({
      ok: false,
      error: {
        code: "invalid-article",
        message: expect.stringMatching(/^The article could not be saved: part of it is not valid\. No word is lost/),
        details: [
          expect.stringMatching(/^doc\.content\[5\]\.content\[1\]\.content\[0\] \(image\): image src "data:image\/png;base64,iVBORw0KGgo=" is neither https nor an embedded asset: choose the figure's image again \(Figure…\), or remove the figure\.$/),
        ],
      },
    });
    const recoveryId = backend.documents.store.get("w1", handle).recoveryId;
    const copy = JSON.parse(readFileSync(join(userDataDir, "recovery", `${recoveryId}.json`), "utf8")) as { article: unknown };
    const kept = articleFromFileJSON(copy.article);
    expect(kept.ok).toBe(true);
    const words = kept.ok ? textOfJSON(kept.article.doc.toJSON()) : "";
    for (const phrase of ["Harbour reopens", "The first ferry left at six.", "Harbour at dawn", "Boats waiting to sail", "Typed after the paste."]) expect(words).toContain(phrase);
    expect(countWords(words)).toBeGreaterThanOrEqual(countWords("Harbour reopens The first ferry left at six. Harbour at dawn Boats waiting to sail Typed after the paste."));
  });
});
