import { baseKeymap } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import type { Node as PMNode } from "prosemirror-model";
import { EditorState, type Plugin, type Transaction } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import "prosemirror-view/style/prosemirror.css";
import { placeholderPlugin } from "./placeholder";

/// What the app shell gives the editor.
export interface EditorOptions {
  doc: PMNode;
  language: string;
  /// Called after every transaction that changed the document.
  onDocChange: (doc: PMNode) => void;
  /// Extra plugins from the app shell (its keyboard shortcuts, for instance), consulted first.
  plugins?: Plugin[];
}

/// The ProseMirror editor of one article.
export class ArticleEditor {
  readonly view: EditorView;

  constructor(place: HTMLElement, private readonly options: EditorOptions) {
    this.view = new EditorView(place, {
      state: this.createState(options.doc),
      attributes: { class: "article-editor", spellcheck: "true", lang: options.language, "aria-label": "Article" },
      dispatchTransaction: (tr: Transaction) => {
        this.view.updateState(this.view.state.apply(tr));
        if (tr.docChanged) this.options.onDocChange(this.view.state.doc);
      },
    });
  }

  /// The current document.
  get doc(): PMNode {
    return this.view.state.doc;
  }

  /// Replaces the document (open, reload), with a fresh undo history.
  setDoc(doc: PMNode): void {
    this.view.updateState(this.createState(doc));
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }

  private createState(doc: PMNode): EditorState {
    return EditorState.create({
      doc,
      plugins: [...(this.options.plugins ?? []), history(), keymap({ "Mod-z": undo, "Mod-Shift-z": redo, "Mod-y": redo }), keymap(baseKeymap), placeholderPlugin()],
    });
  }
}
