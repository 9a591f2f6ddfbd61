import type { Node as PMNode } from "prosemirror-model";
import { NodeSelection, Plugin } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView, type NodeView, type NodeViewConstructor } from "prosemirror-view";
import { shownKey } from "../../../shared/commands";
import { ariaKey, platformOf } from "../../../shared/keys";
import { schema } from "../../../shared/schema";
import type { AssetStore } from "./assets";
import { datelineAttrs, datelineSuffix } from "./dateline";
import { fieldPos } from "./fields";
import { metaOf } from "./meta";
import { moveRelatedLink, removeRelatedLink } from "./related";

// What the document shows beyond its text: images, related links with their controls, the
// dateline's date and agency. Their buttons call back into the app, which opens the dialogs.

/// What the editor's controls ask the app to do.
export interface EditorHooks {
  editFigure(pos: number): void;
  editRelatedLink(index: number): void;
  addRelatedLink(): void;
  editDateline(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = el("button", { type: "button", class: "inline-control", ...attrs }, label);
  b.addEventListener("mousedown", (e) => e.preventDefault());
  b.addEventListener("click", (e) => {
    e.preventDefault();
    onClick();
  });
  return b;
}

const ownEvent = (event: Event) => Boolean((event.target as Element | null)?.closest?.("button, [data-own-events]"));

/// A figure's picture, showing embedded images from the article's assets, with an "Image…" button.
function imageView(assets: AssetStore, hooks: EditorHooks): NodeViewConstructor {
  return (node, _view, getPos) => {
    const dom = el("div", { class: "figure-image" });
    const img = el("img");
    const edit = button("Image and alt text…", () => hooks.editFigure(getPos()! - 1), { "aria-label": "Edit image and alt text" });
    const render = (n: PMNode) => {
      img.src = assets.displayUrl(n.attrs.src as string);
      img.alt = (n.attrs.alt as string) || "";
      dom.classList.toggle("missing-alt", !n.attrs.alt);
    };
    render(node);
    dom.append(img, edit);
    const view: NodeView = {
      dom,
      update(next) {
        if (next.type !== schema.nodes.image) return false;
        render(next);
        return true;
      },
      stopEvent: ownEvent,
      ignoreMutation: () => true,
    };
    return view;
  };
}

/// One related link: label, title, address, and its buttons; draggable to reorder.
function relatedLinkView(hooks: EditorHooks): NodeViewConstructor {
  return (node, view, getPos) => {
    const dom = el("li", { class: "related-link", draggable: "true", tabindex: "-1" });
    const index = () => view.state.doc.resolve(getPos()!).index(1);
    const render = (n: PMNode) => {
      const { href, title, label } = n.attrs as { href: string; title: string; label: string | null };
      dom.replaceChildren(
        el("span", { class: "related-label" }, label ?? ""),
        el("a", { href, class: "related-title", tabindex: "-1" }, title),
        el("span", { class: "related-href" }, href),
        el("span", { class: "related-actions" }),
      );
      dom.lastElementChild!.append(
        button("Edit", () => hooks.editRelatedLink(index()), { "aria-label": `Edit related link ${title}` }),
        button("Remove", () => removeRelatedLink(index())(view.state, view.dispatch), {
          "aria-label": `Remove related link ${title}`,
        }),
      );
    };
    render(node);
    dom.addEventListener("dragstart", (e) => {
      e.dataTransfer?.setData("application/x-copydesk-related", String(index()));
      if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
    });
    dom.addEventListener("dragover", (e) => {
      if (e.dataTransfer?.types.includes("application/x-copydesk-related")) e.preventDefault();
    });
    dom.addEventListener("drop", (e) => {
      const from = Number(e.dataTransfer?.getData("application/x-copydesk-related"));
      if (Number.isNaN(from) || !e.dataTransfer?.types.includes("application/x-copydesk-related")) return;
      e.preventDefault();
      moveRelatedLink(from, index())(view.state, view.dispatch);
    });
    // A selected related link holds the keyboard focus itself (the browser cannot keep a caret
    // around it); its keys (arrows, Enter, Delete…) go through the editor's keymap.
    dom.addEventListener("keydown", (event) => {
      if (event.target !== dom || !view.someProp("handleKeyDown", (f) => f(view, event))) return;
      event.preventDefault();
      if (!(view.state.selection instanceof NodeSelection)) view.focus();
    });
    return {
      dom,
      update(next) {
        if (next.type !== schema.nodes.related_link) return false;
        render(next);
        return true;
      },
      selectNode() {
        dom.classList.add("ProseMirror-selectednode");
        dom.focus();
      },
      deselectNode() {
        dom.classList.remove("ProseMirror-selectednode");
      },
      stopEvent: (event) => ownEvent(event) || event.type.startsWith("drag") || event.type === "drop" || event.type.startsWith("key"),
      ignoreMutation: () => true,
    };
  };
}

/// The headline: an h1 inside a wrapper that carries the field's role and name (an h1 may not be a textbox itself).
const headlineView: NodeViewConstructor = () => {
  const dom = el("div", { class: "headline-field" });
  const contentDOM = el("h1", { class: "headline" });
  dom.append(contentDOM);
  return { dom, contentDOM };
};

/// The node views of the article editor.
export function nodeViews(assets: AssetStore, hooks: EditorHooks): Record<string, NodeViewConstructor> {
  return { headline: headlineView, image: imageView(assets, hooks), related_link: relatedLinkView(hooks) };
}

function datelineWidget(text: string, hooks: EditorHooks): (view: EditorView) => HTMLElement {
  return () => {
    const span = el("span", { class: "dateline-suffix", contenteditable: "false", "data-own-events": "" });
    span.append(el("span", { class: "dateline-text" }, text));
    span.append(button(text ? "Change date" : "Date and source…", () => hooks.editDateline(), { "aria-label": "Dateline date and source" }));
    return span;
  };
}

function relatedWidget(hooks: EditorHooks): () => HTMLElement {
  return () => {
    const box = el("div", { class: "related-add", contenteditable: "false", "data-own-events": "" });
    const platform = platformOf(navigator.platform);
    const key = shownKey("related-link", platform);
    box.append(button("+ Add related link", () => hooks.addRelatedLink(), key ? { "aria-keyshortcuts": ariaKey(key, platform) } : {}));
    return box;
  };
}

/// Shows the dateline's date and agency after its place, the "Related" heading and the button adding related links.
export function articleWidgetsPlugin(hooks: EditorHooks): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const dateline = state.doc.child(4);
        const datelineEnd = fieldPos(state.doc, 4) + 1 + dateline.content.size;
        const suffix = datelineSuffix(datelineAttrs(state), metaOf(state).language, dateline.content.size > 0);
        const relatedPos = fieldPos(state.doc, 7);
        return DecorationSet.create(state.doc, [
          Decoration.widget(datelineEnd, datelineWidget(suffix, hooks), { side: 1, key: `dateline:${suffix}`, ignoreSelection: true, stopEvent: () => true }),
          Decoration.widget(relatedPos, () => el("h2", { class: "related-heading", contenteditable: "false" }, "Related"), { side: -1, key: "related-heading" }),
          Decoration.widget(state.doc.content.size, relatedWidget(hooks), { side: 1, key: "related-add", ignoreSelection: true, stopEvent: () => true }),
        ]);
      },
    },
  });
}
