import { EditorState, TextSelection, type Plugin, type Transaction } from "prosemirror-state";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createArticle, type Article } from "../../../shared/article";
import { articleToYDoc, yDocToArticle } from "../../../shared/collab/y-article";
import { AssetStore } from "../../../renderer/src/editor/assets";
import { personFrom } from "../../../shared/review/people";
import { emptyReview } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";
import { sharedPlugins } from "../../../renderer/src/collab/binding";
import { sharedHistoryKey, sharedRedo, sharedUndo } from "../../../renderer/src/collab/shared-history";
import { metaOf, metaPlugin, replaceMeta, setMeta } from "../../../renderer/src/editor/meta";
import { reviewOfState, reviewPlugin, SetReviewEntryStep } from "../../../renderer/src/review/review-state";
import { article as articleDoc, p, posOf } from "../editor/builders";

// The binding of a shared story (renderer/src/collab/binding.ts) between two editors, each on its
// own Y.Doc, without a server: the two Y.Docs pass their updates to each other while "connected",
// and keep them while "offline" (then exchange what the other is missing, as a provider does).

/// A headless editor: the state, its plugins' views (what y-prosemirror needs of a view), no DOM.
class HeadlessEditor {
  state: EditorState;
  readonly dom = new EventTarget();
  readonly docView = {};
  readonly _root = null;
  private readonly views: { update?: (view: HeadlessEditor, previous: EditorState) => void; destroy?: () => void }[] = [];

  constructor(state: EditorState) {
    this.state = state;
    for (const plugin of state.plugins) {
      const spec = (plugin as Plugin).spec;
      if (spec.view) this.views.push(spec.view(this as never) as never);
    }
  }

  hasFocus(): boolean {
    return false;
  }

  readonly dispatch = (tr: Transaction): void => {
    const previous = this.state;
    this.state = this.state.apply(tr);
    for (const view of this.views) view.update?.(this, previous);
  };

  run(command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean): boolean {
    return command(this.state, this.dispatch);
  }

  /// Types text just after the first occurrence of `after`, as one keystroke's transaction.
  typeAfter(after: string, text: string): void {
    const pos = posOf(this.state.doc, after, after.length);
    this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, pos)).insertText(text));
  }

  body(): string {
    let body = "";
    this.state.doc.forEach((field) => {
      if (field.type === schema.nodes.body) body = field.textContent;
    });
    return body;
  }

  destroy(): void {
    for (const view of this.views) view.destroy?.();
  }
}

/// Two Y.Docs joined like two clients of one server, with a switch to take them apart.
class Link {
  online = true;
  constructor(
    readonly a: Y.Doc,
    readonly b: Y.Doc,
  ) {
    a.on("update", (update: Uint8Array, origin: unknown) => {
      if (this.online && origin !== this) Y.applyUpdate(b, update, this);
    });
    b.on("update", (update: Uint8Array, origin: unknown) => {
      if (this.online && origin !== this) Y.applyUpdate(a, update, this);
    });
  }

  offline(): void {
    this.online = false;
  }

  /// Back online: each side gets what it is missing of the other's.
  reconnect(): void {
    this.online = true;
    Y.applyUpdate(this.b, Y.encodeStateAsUpdate(this.a, Y.encodeStateVector(this.b)), this);
    Y.applyUpdate(this.a, Y.encodeStateAsUpdate(this.b, Y.encodeStateVector(this.a)), this);
  }
}

const editors: HeadlessEditor[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

function story(): Article {
  const article = createArticle({ id: "00000000-0000-4000-8000-000000000016", now: new Date("2026-11-29T10:00:00Z") });
  return { ...article, doc: articleDoc({ headline: "Storm closes the harbour", body: [p("Ferries stayed in port."), p("The harbour master spoke.")] }) };
}

/// An editor on `ydoc`, started from what it holds (as the app opens a shared story), with its images in `store`.
function editorOn(ydoc: Y.Doc, from: Article, store = new AssetStore(from.assets)): HeadlessEditor {
  const state = EditorState.create({ doc: from.doc, plugins: [...sharedPlugins(ydoc, null, () => store), metaPlugin(from.meta), reviewPlugin(from.review ?? emptyReview())] });
  const editor = new HeadlessEditor(state);
  editors.push(editor);
  return editor;
}

/// A reporter's and an editor's windows on one shared story, joined.
function twoWindows() {
  const article = story();
  const [reporterDoc, deskDoc] = [new Y.Doc(), new Y.Doc()];
  articleToYDoc(article, reporterDoc);
  Y.applyUpdate(deskDoc, Y.encodeStateAsUpdate(reporterDoc));
  const link = new Link(reporterDoc, deskDoc);
  const stores = { reporter: new AssetStore(), desk: new AssetStore() };
  return { link, stores, reporter: editorOn(reporterDoc, article, stores.reporter), desk: editorOn(deskDoc, article, stores.desk), reporterDoc, deskDoc };
}

describe("a shared story in two editors", () => {
  it("shows each one's typing in the other", () => {
    const { reporter, desk } = twoWindows();
    reporter.typeAfter("Ferries stayed in port.", " Flights were cancelled.");
    expect(desk.body()).toContain("Ferries stayed in port. Flights were cancelled.");
    desk.typeAfter("The harbour master", ", Jan Visser,");
    expect(reporter.body()).toContain("The harbour master, Jan Visser, spoke.");
    expect(sharedHistoryKey.getState(reporter.state)).toBeDefined();
  });

  it("undoes only one's own changes, and redoes them", () => {
    const { reporter, desk } = twoWindows();
    reporter.typeAfter("Ferries stayed in port.", " Flights were cancelled.");
    desk.typeAfter("The harbour master", ", Jan Visser,");
    expect(reporter.run(sharedUndo)).toBe(true);
    expect(reporter.body()).not.toContain("Flights were cancelled.");
    expect(reporter.body()).toContain("Jan Visser");
    expect(desk.body()).not.toContain("Flights were cancelled.");
    expect(reporter.run(sharedRedo)).toBe(true);
    expect(desk.body()).toContain("Flights were cancelled.");
  });

  it("shares the metadata, and undo takes back only one's own field", () => {
    const { reporter, desk } = twoWindows();
    expect(reporter.run(setMeta("slug", "storm-harbour"))).toBe(true);
    expect(metaOf(desk.state).slug).toBe("storm-harbour");
    expect(desk.run(setMeta("urgency", 2))).toBe(true);
    expect(metaOf(reporter.state).urgency).toBe(2);
    // The desk's undo has nothing of the reporter's to take back.
    reporter.run(sharedUndo);
    expect(metaOf(desk.state).slug).not.toBe("storm-harbour");
    expect(metaOf(desk.state).urgency).toBe(2);
  });

  it("keeps out of undo what the editor keeps out of it (the time a save wrote)", () => {
    const { reporter, desk } = twoWindows();
    reporter.run(replaceMeta({ ...metaOf(reporter.state), updated: "2026-11-29T11:00:00.000Z" }));
    expect(metaOf(desk.state).updated).toBe("2026-11-29T11:00:00.000Z");
    expect(reporter.run(sharedUndo)).toBe(false);
    expect(metaOf(desk.state).updated).toBe("2026-11-29T11:00:00.000Z");
  });

  it("shares the review: a person and a note written in one window are in the other", () => {
    const { reporter, desk } = twoWindows();
    const person = personFrom("Sam Desk", "SD");
    const note = { anchor: "article" as const, quote: "", author: "p-desk", time: "2026-11-29T10:05:00.000Z", body: "Hold for legal.", replies: [], resolved: null };
    desk.dispatch(desk.state.tr.step(new SetReviewEntryStep("people", "p-desk", person, null)).step(new SetReviewEntryStep("notes", "n-1", note, null)));
    expect(reviewOfState(reporter.state).notes["n-1"]?.body).toBe("Hold for legal.");
    expect(reviewOfState(reporter.state).people["p-desk"]?.name).toBe("Sam Desk");
    const reply = { id: "r-1", author: "p-e2e", time: "2026-11-29T10:06:00.000Z", body: "Done." };
    reporter.dispatch(reporter.state.tr.step(new SetReviewEntryStep("notes", "n-1", { ...note, replies: [reply] }, note)));
    expect(reviewOfState(desk.state).notes["n-1"]?.replies).toEqual([reply]);
  });

  it("shares an image added in one window: its bytes reach the other's editor and the shared story", async () => {
    const { reporter, desk, stores, deskDoc } = twoWindows();
    const png = { type: "image/png", data: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==" };
    const src = await stores.reporter.add(png);
    const figure = schema.nodes.figure.create(null, [schema.nodes.image.create({ src, alt: "The harbour" })]);
    const bodyEnd = posOf(reporter.state.doc, "The harbour master spoke.", "The harbour master spoke.".length) + 1;
    reporter.dispatch(reporter.state.tr.insert(bodyEnd, figure));
    const key = src.slice("asset:".length);
    expect(stores.desk.has(key)).toBe(true);
    expect(desk.state.doc.toString()).toContain("image");
    expect(yDocToArticle(deskDoc).article.assets[key]).toEqual(png);
  });

  it("merges both sides' edits to the same paragraph made offline, losing no word", () => {
    const { link, reporter, desk, reporterDoc, deskDoc } = twoWindows();
    link.offline();
    reporter.typeAfter("Ferries stayed", " moored and");
    reporter.typeAfter("in port.", " All of them.");
    desk.typeAfter("Ferries", " and tugs");
    desk.typeAfter("stayed in port.", " Nobody sailed.");
    expect(reporter.body()).not.toContain("tugs");
    link.reconnect();
    expect(reporter.body()).toBe(desk.body());
    for (const words of ["moored and", "All of them.", "and tugs", "Nobody sailed."]) expect(reporter.body()).toContain(words);
    expect(reporterDoc.getXmlFragment("doc").toJSON()).toBe(deskDoc.getXmlFragment("doc").toJSON());
  });
});
