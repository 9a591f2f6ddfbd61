import type { Node as PMNode } from "prosemirror-model";
import { EditorState, NodeSelection, type Command, type Plugin, type Transaction } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import "prosemirror-view/style/prosemirror.css";
import "prosemirror-gapcursor/style/gapcursor.css";
import type { ArticleJSON, ArticleMeta, Asset } from "../../../shared/article";
import { isEmptyReview, type Review } from "../../../shared/review/review";
import type { Identity } from "../../../shared/ipc";
import { reviewOfState } from "../review/review-state";
import { suggestingTransaction } from "../review/suggest-mode";
import { fromSharedDocument, isSharedStory, marksWholeBlocks } from "../collab/shared-history";
import { AssetStore, type AssetHost } from "./assets";
import { docToJSON } from "./doc-json";
import { isRightToLeft, metaOf } from "./meta";
import { syncSelectionFromDOM } from "./selection-sync";
import type { PageOfferHandler } from "./paste-plugin";
import { articlePlugins } from "./setup";
import { nodeViews, type EditorHooks } from "./views";

/// What the app shell gives the editor.
export interface EditorOptions {
  doc: PMNode;
  meta: ArticleMeta;
  assets: Record<string, Asset>;
  /// The desk's review (people, notes…); none when left out.
  review?: Review;
  /// Where new images go (the main process); without it the editor keeps them itself.
  assetHost?: AssetHost;
  hooks: EditorHooks;
  /// The editor's keys (`articleKeymap`, generated from the command table).
  keys: Record<string, Command>;
  smartQuotes: () => boolean;
  openLink: (href: string) => void;
  /// Called after every transaction; `docChanged` when the article (text or metadata) changed.
  onUpdate: (state: EditorState, docChanged: boolean) => void;
  /// Extra plugins from the app shell (its keyboard shortcuts, for instance), consulted first.
  plugins?: Plugin[];
  /// Who is writing: the author of what is suggested in suggest mode.
  author?: () => Identity | null;
  /// Tells the journalist what a paste or drop left out, or why a change was not made.
  notify?: (message: string) => void;
  /// Offers the headline, standfirst and byline of a page pasted whole, with the paste's report.
  offerPage?: PageOfferHandler;
}

/// The ProseMirror editor of one article: its text, metadata and embedded images.
export class ArticleEditor {
  readonly view: EditorView;
  private assets: AssetStore;

  constructor(place: HTMLElement, private readonly options: EditorOptions) {
    this.assets = new AssetStore(options.assets, options.assetHost);
    this.view = new EditorView(place, {
      state: this.createState(options.doc, options.meta, options.review),
      nodeViews: nodeViews(this.assets, options.hooks),
      attributes: (state) => {
        const language = metaOf(state).language || "en";
        return {
          class: "article-editor",
          spellcheck: "false",
          lang: language,
          dir: isRightToLeft(language) ? "rtl" : "ltr",
          "aria-label": "Article",
        };
      },
      dispatchTransaction: (tr: Transaction) => {
        // In suggest mode an edit becomes suggestions by whoever is writing. One the library cannot
        // turn into suggestions is not made at all (never made directly, unseen), and says so.
        let made: Transaction;
        try {
          made = fromSharedDocument(tr) ? tr : suggestingTransaction(this.view.state, tr, this.options.author?.() ?? null);
        } catch (error) {
          this.options.notify?.(`This change cannot be made as a suggestion (${(error as Error).message}). Turn off Suggest Changes to make it directly.`);
          return;
        }
        if (made !== tr && isSharedStory(this.view.state) && marksWholeBlocks(made)) {
          this.options.notify?.(
            "In a shared story, suggested edits are kept on words only, and this one is on a whole block (added, removed, or its kind changed). Turn off Suggest Changes to make it directly, or leave a note.",
          );
          return;
        }
        this.view.updateState(this.view.state.apply(made));
        this.options.onUpdate(this.view.state, made.docChanged);
      },
    });
  }

  /// The current state.
  get state(): EditorState {
    return this.view.state;
  }

  /// The current document.
  get doc(): PMNode {
    return this.view.state.doc;
  }

  /// The current metadata.
  get meta(): ArticleMeta {
    return metaOf(this.view.state);
  }

  /// The embedded images.
  get assetStore(): AssetStore {
    return this.assets;
  }

  /// Runs a command on the editor; false when it does not apply here.
  run(command: Command): boolean {
    return command(this.view.state, this.view.dispatch, this.view);
  }

  /// The article as it stands: metadata, document, the assets the document uses and the review (when it has one).
  article(): ArticleJSON {
    const article: ArticleJSON = { meta: this.meta, doc: docToJSON(this.doc), assets: this.assets.referencedBy(this.doc) };
    const review = reviewOfState(this.view.state);
    if (!isEmptyReview(review)) article.review = review;
    return article;
  }

  /// Replaces the article (open, reload), with a fresh undo history; a shared story's plugins
  /// (`sharing`) bind it to its shared document and bring their own undo.
  setArticle(doc: PMNode, meta: ArticleMeta, assets: Record<string, Asset>, review?: Review, sharing?: Plugin[]): void {
    this.assets = new AssetStore(assets, this.options.assetHost);
    this.view.setProps({ nodeViews: nodeViews(this.assets, this.options.hooks) });
    this.view.updateState(this.createState(doc, meta, review, sharing));
    this.options.onUpdate(this.view.state, false);
  }

  /// Reads the browser's selection into the editor state when it is ahead of it.
  syncSelectionFromDOM(): void {
    syncSelectionFromDOM(this.view);
  }

  /// Gives the editor the keyboard focus (a selected related link takes it itself).
  focus(): void {
    const { selection } = this.view.state;
    const selected = selection instanceof NodeSelection ? (this.view.nodeDOM(selection.from) as HTMLElement | null) : null;
    if (selected?.hasAttribute("tabindex")) selected.focus();
    else this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }

  private createState(doc: PMNode, meta: ArticleMeta, review?: Review, sharing?: Plugin[]): EditorState {
    return EditorState.create({
      doc,
      plugins: [
        ...(this.options.plugins ?? []),
        ...articlePlugins({ meta, review, assets: this.assets, hooks: this.options.hooks, keys: this.options.keys, smartQuotes: this.options.smartQuotes, openLink: this.options.openLink, notify: this.options.notify, offerPage: this.options.offerPage, sharing }),
      ],
    });
  }
}
