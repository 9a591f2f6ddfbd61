import { imageOrigin, imageTypeNames, maxAssetSize } from "../../../shared/asset-policy";
import { linkHrefProblem } from "../../../shared/urls";
import type { ArticleEditor } from "../editor";
import { insertFigure, updateFigureImage } from "../editor/commands";
import { datelineAttrs, setDateline, todayIso } from "../editor/dateline";
import { canLink, linkAt, removeLink, setLink } from "../editor/links";
import { addRelatedLink, relatedLinks, updateRelatedLink } from "../editor/related";
import { openForm, type FormField, type FormSpec } from "./dialogs";

// The dialogs the editor's commands open: link, related link, figure, dateline date and source.

/// Opens a form for the editor: the editor's selection is kept while the dialog has the focus
/// (the command applies to what was selected), and the editor gets the focus back afterwards.
async function editorForm(editor: ArticleEditor, spec: FormSpec): Promise<void> {
  const keep = (state: { doc: ArticleEditor["doc"]; selection: ArticleEditor["state"]["selection"] }) => {
    if (editor.doc === state.doc && !editor.state.selection.eq(state.selection)) editor.view.dispatch(editor.state.tr.setSelection(state.selection));
  };
  editor.syncSelectionFromDOM();
  const before = { doc: editor.doc, selection: editor.state.selection };
  let after = before;
  const done = () => (after = { doc: editor.doc, selection: editor.state.selection });
  await openForm({
    ...spec,
    submit: async (values) => {
      keep(before);
      const problem = await spec.submit(values);
      done();
      return problem;
    },
    extra: spec.extra && {
      label: spec.extra.label,
      action: () => {
        keep(before);
        spec.extra!.action();
        done();
      },
    },
  });
  keep(after);
  editor.focus();
}

/// Mod-K: add, change or remove the link at the selection.
export async function editLink(editor: ArticleEditor): Promise<void> {
  if (!canLink(editor.state)) return;
  const existing = linkAt(editor.state);
  await editorForm(editor, {
    title: existing ? "Edit link" : "Add link",
    submitLabel: existing ? "Update link" : "Add link",
    fields: [
      { name: "href", label: "Address", type: "url", value: existing?.href ?? "", placeholder: "https://", hint: "http, https or mailto only." },
      { name: "title", label: "Title (optional)", value: existing?.title ?? "" },
    ],
    submit: ({ href, title }) => linkHrefProblem(href) ?? (editor.run(setLink(href, title || null)) ? null : "A link cannot go here."),
    extra: existing ? { label: "Remove link", action: () => editor.run(removeLink) } : undefined,
  });
}

/// Adds a related link (index undefined) or edits the one at `index`.
export async function editRelatedLink(editor: ArticleEditor, index?: number): Promise<void> {
  const current = index === undefined ? null : relatedLinks(editor.state)[index];
  await editorForm(editor, {
    title: current ? "Edit related link" : "Add related link",
    submitLabel: current ? "Update" : "Add",
    fields: [
      { name: "href", label: "Address", type: "url", value: current?.href ?? "", placeholder: "https://", hint: "http or https only." },
      { name: "title", label: "Title", value: current?.title ?? "" },
      { name: "label", label: "Label (optional)", value: current?.label ?? "", placeholder: "e.g. IRAQ" },
    ],
    submit: ({ href, title, label }) => {
      const problem = linkHrefProblem(href, false);
      if (problem) return problem;
      if (!title.trim()) return "Give the related story a title.";
      const link = { href, title, label: label || null };
      editor.run(index === undefined ? addRelatedLink(link) : updateRelatedLink(index, link));
      return null;
    },
  });
}

/// Inserts a figure (image from a file or an https address, alt text, caption, credit), or changes the image of the figure at `pos`.
export async function editFigure(editor: ArticleEditor, pos?: number): Promise<void> {
  const node = pos === undefined ? null : editor.state.doc.nodeAt(pos);
  const figure = node && pos !== undefined ? { node, pos } : null;
  const image = figure?.node.firstChild;
  const src = (image?.attrs.src as string | undefined) ?? "";
  const initialChosen = imageOrigin(src) === "asset" ? src : "";
  const initialUrl = imageOrigin(src) === "https" ? src : "";
  const fields: FormField[] = [
    {
      name: "image",
      label: "Image file",
      type: "choose",
      buttonLabel: "Choose image…",
      value: initialChosen,
      hint: `${imageTypeNames}, up to ${maxAssetSize}; stored in the article.`,
      choose: async () => {
        const picked = await editor.assetStore.choose();
        return picked ? { value: picked.src, label: picked.name } : null;
      },
    },
    { name: "url", label: "…or image address", type: "url", value: initialUrl, placeholder: "https://" },
    { name: "alt", label: "Alt text (what the image shows)", value: (image?.attrs.alt as string | undefined) ?? "" },
  ];
  const has = (name: string) => figure?.node.content.content.some((child) => child.type.name === name) ?? false;
  if (!has("caption")) fields.push({ name: "caption", label: "Caption (optional)" });
  if (!has("credit")) fields.push({ name: "credit", label: "Credit (optional)", placeholder: "e.g. © AFP" });
  await editorForm(editor, {
    title: figure ? "Edit image" : "Insert figure",
    submitLabel: figure ? "Update image" : "Insert figure",
    fields,
    submit: async ({ image: chosen, url, alt, caption, credit }) => {
      let source = src;
      if (chosen && chosen !== initialChosen) source = chosen;
      else if (url.trim() && url.trim() !== initialUrl) {
        if (imageOrigin(url.trim()) !== "https") return "Image addresses must start with https://.";
        source = url.trim();
      }
      if (!source) return "Choose an image file or give an https address.";
      if (!alt.trim()) return "Describe the image in the alt text.";
      if (figure) editor.run(updateFigureImage(figure.pos, source, alt.trim(), { caption: caption?.trim(), credit: credit?.trim() }));
      else if (!editor.run(insertFigure({ src: source, alt: alt.trim(), caption: caption?.trim(), credit: credit?.trim() }))) return "Put the cursor in the story to insert a figure.";
      return null;
    },
  });
}

/// The dateline's date (defaulting to today) and source agency.
export async function editDateline(editor: ArticleEditor): Promise<void> {
  const current = datelineAttrs(editor.state);
  await editorForm(editor, {
    title: "Dateline date and source",
    submitLabel: "Apply",
    fields: [
      { name: "date", label: "Date", type: "date", value: current.date?.slice(0, 10) ?? todayIso() },
      { name: "source", label: "Source agency (optional)", value: current.source ?? "", placeholder: "e.g. AFP" },
    ],
    submit: ({ date, source }) => {
      if (date && Number.isNaN(Date.parse(date))) return "Pick a valid date.";
      editor.run(setDateline({ date: date || null, source: source || null }));
      return null;
    },
  });
}
