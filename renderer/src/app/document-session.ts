import type { Node as PMNode } from "prosemirror-model";
import type { ArticleJSON, ArticleMeta, Asset } from "../../../shared/article";
import type { Review } from "../../../shared/review/review";
import { windowTitle } from "../../../shared/document-title";
import type { ArticlePayload, DocumentSnapshot, OpenedDocument, SavedDocument, SharedPart } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import { VersionHistory } from "../review/version-history";
import { call } from "./api";

/// How often, at most, the window tells main that typing goes on (the first edit after a pause is told at once).
const stateReportIntervalMs = 200;

/// The document this window edits, and the one place its edited state is decided: every change
/// of the article counts one revision, and the article is edited while its revision is not the
/// one last saved. Main learns the revision and edited state as they change (`document:state`)
/// and asks for the article itself when it needs it (`snapshot`).
export class DocumentSession {
  handle: string;
  path: string | null;
  title: string;
  /// Counts the article's changes since it was opened.
  revision = 0;
  /// The revision that is in the file; -1 when nothing of it is (restored, imported, migrated).
  private savedRevision: number;
  readonly meta: ArticleMeta;
  readonly assets: Record<string, Asset>;
  readonly doc: PMNode;
  /// The desk's review as the file holds it (none for an article without one).
  readonly review: Review | undefined;
  /// The article's versions, rebuilt; they go to main with the review (a shared story's are rebuilt when others add some).
  history: VersionHistory;
  /// Images main holds for this document: they are never sent again.
  private readonly mainHas: Set<string>;
  private reported = { revision: -1, edited: false, at: 0 };
  /// A shared story's `shared` part as it is now (its whole Y.Doc state), saved with the article; null for a story of one's own.
  sharedPart: (() => SharedPart) | null = null;
  private reportTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(opened: OpenedDocument) {
    this.handle = opened.handle;
    this.path = opened.path;
    this.title = opened.title;
    this.meta = opened.article.meta;
    this.assets = opened.article.assets;
    this.review = opened.article.review;
    this.savedRevision = opened.edited ? -1 : 0;
    this.doc = schema.nodeFromJSON(opened.article.doc);
    this.history = new VersionHistory(this.doc, this.review);
    this.mainHas = new Set(Object.keys(opened.article.assets));
    this.reported = { revision: 0, edited: opened.edited, at: 0 };
  }

  /// True while the article has changes that are not in its file.
  get edited(): boolean {
    return this.revision !== this.savedRevision;
  }

  /// The window's title.
  get windowTitle(): string {
    return windowTitle(this.title, this.edited);
  }

  /// Counts a change of the article and tells main (at once after a pause, then at most every 200 ms).
  changed(): void {
    this.revision += 1;
    this.report();
  }

  /// Main now holds this image (it was added through `asset:add` or chosen through main).
  mainHolds(key: string): void {
    this.mainHas.add(key);
  }

  /// The article as main receives it: the images main already holds are left out; the review goes along when there is one.
  payload(article: ArticleJSON): ArticlePayload {
    const missing = Object.entries(article.assets).filter(([key]) => !this.mainHas.has(key));
    const payload: ArticlePayload = missing.length ? { meta: article.meta, doc: article.doc, assets: Object.fromEntries(missing) } : { meta: article.meta, doc: article.doc };
    // Versions are stored against the article as it is now, so they are stored again each time.
    const review = this.history.versions.length > 0 ? this.history.review(article.review, schema.nodeFromJSON(article.doc)) : article.review;
    if (review) payload.review = review;
    if (this.sharedPart) payload.shared = this.sharedPart();
    return payload;
  }

  /// What the window answers when main asks for its article.
  snapshot(article: ArticleJSON): DocumentSnapshot {
    return { handle: this.handle, revision: this.revision, edited: this.edited, article: this.payload(article) };
  }

  /// Saves the article as it stands (asking for a file when untitled, or always with `as`); null when the user cancelled.
  /// Edits made while the file is written stay unsaved.
  async save(article: ArticleJSON, as = false): Promise<SavedDocument | null> {
    const revision = this.revision;
    const saved = await call(as ? "document:save-as" : "document:save", { handle: this.handle, article: this.payload(article), revision });
    if (!saved) return null;
    for (const key of Object.keys(article.assets)) this.mainHas.add(key);
    this.path = saved.path;
    this.title = saved.title;
    this.savedRevision = Math.max(this.savedRevision, saved.revision);
    this.report(true);
    return saved;
  }

  /// Tells main the revision and edited state: at once when the edited state changed or after a pause, otherwise soon.
  report(now = false): void {
    const edited = this.edited;
    if (this.reported.revision === this.revision && this.reported.edited === edited) return;
    clearTimeout(this.reportTimer);
    const wait = this.reported.at + stateReportIntervalMs - Date.now();
    if (now || edited !== this.reported.edited || wait <= 0) this.sendReport();
    else this.reportTimer = setTimeout(() => this.sendReport(), wait);
  }

  /// The article as it is now is the file's (a shared story bound to the editor: nothing of it changed).
  unchanged(): void {
    this.savedRevision = this.revision;
    this.report(true);
  }

  /// Stops telling main about this document (another one replaced it in the window).
  dispose(): void {
    clearTimeout(this.reportTimer);
  }

  private sendReport(): void {
    this.reported = { revision: this.revision, edited: this.edited, at: Date.now() };
    void call("document:state", { handle: this.handle, revision: this.revision, edited: this.edited }).catch((e: unknown) =>
      console.error("Could not tell the main process about the article's changes:", e),
    );
  }
}
