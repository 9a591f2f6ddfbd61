import type { Node as PMNode, NodeType } from "prosemirror-model";
import { TextSelection, type Command, type EditorState } from "prosemirror-state";
import { setBlockType, toggleMark, wrapIn, lift } from "prosemirror-commands";
import { liftListItem, wrapInList } from "prosemirror-schema-list";
import { pullquoteRoles, schema, type PullquoteRole } from "../../../shared/schema";

// Body block commands, in the style of prosemirror-commands: `(state, dispatch?) => boolean`.

const n = schema.nodes;

/// True when the selection sits in the body.
export function inBody(state: EditorState): boolean {
  const { $from } = state.selection;
  return $from.depth >= 2 && $from.node(1).type === n.body;
}

function onlyInBody(command: Command): Command {
  return (state, dispatch, view) => inBody(state) && command(state, dispatch, view);
}

/// Makes the current block a paragraph.
export const setParagraph: Command = onlyInBody(setBlockType(n.paragraph));
/// Makes the current block a subheading.
export const setSubheading: Command = onlyInBody(setBlockType(n.subheading));
/// Bold.
export const toggleStrong: Command = toggleMark(schema.marks.strong);
/// Italic.
export const toggleEm: Command = toggleMark(schema.marks.em);

/// The nearest ancestor of the selection of that type, with its position.
export function ancestorOf(state: EditorState, type: NodeType): { node: PMNode; pos: number } | null {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type === type) return { node: $from.node(d), pos: $from.before(d) };
  }
  return null;
}

/// Wraps the current paragraphs in a block quote, or lifts them out of one.
export const toggleBlockquote: Command = (state, dispatch) => {
  if (!inBody(state)) return false;
  if (ancestorOf(state, n.blockquote)) return lift(state, dispatch);
  return wrapIn(n.blockquote)(state, dispatch);
};

/// Bullet list on or off.
export const toggleBulletList: Command = toggleList(n.bullet_list);
/// Numbered list on or off.
export const toggleOrderedList: Command = toggleList(n.ordered_list);

function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    if (!inBody(state)) return false;
    const list = ancestorOf(state, n.bullet_list) ?? ancestorOf(state, n.ordered_list);
    if (list?.node.type === type) return liftListItem(n.list_item)(state, dispatch);
    if (list) {
      dispatch?.(state.tr.setNodeMarkup(list.pos, type));
      return true;
    }
    return wrapInList(type)(state, dispatch);
  };
}

/// Turns the current paragraph (or subheading) into a pull quote with that text.
export function insertPullquote(role: PullquoteRole = "supporting"): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    if (!inBody(state) || $from.depth !== 2 || !$from.parent.isTextblock) return false;
    if (dispatch) {
      const text = $from.parent.textContent;
      const quote = n.pullquote.create({ role }, n.pullquote_text.create(null, text ? schema.text(text) : null));
      const start = $from.before();
      const tr = state.tr.replaceWith(start, $from.after(), quote);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, start + 2 + text.length)).scrollIntoView());
    }
    return true;
  };
}

/// Sets the role of the pull quote around the selection.
export function setPullquoteRole(role: PullquoteRole): Command {
  return (state, dispatch) => {
    const quote = ancestorOf(state, n.pullquote);
    if (!quote || quote.node.attrs.role === role) return false;
    dispatch?.(state.tr.setNodeMarkup(quote.pos, undefined, { role }));
    return true;
  };
}

/// In a pull quote, switches to its next role (supporting → inline → showcase); elsewhere, makes one.
export const pullquote: Command = (state, dispatch) => {
  const quote = ancestorOf(state, n.pullquote);
  if (!quote) return insertPullquote("supporting")(state, dispatch);
  const roles = pullquoteRoles;
  const next = roles[(roles.indexOf(quote.node.attrs.role as PullquoteRole) + 1) % roles.length];
  return setPullquoteRole(next)(state, dispatch);
};

/// Moves to the attribution line of the quote around the selection, adding one when missing.
export const editAttribution: Command = (state, dispatch) => {
  const quote = ancestorOf(state, n.pullquote) ?? ancestorOf(state, n.blockquote);
  if (!quote) return false;
  if (dispatch) {
    const last = quote.node.lastChild!;
    const end = quote.pos + quote.node.nodeSize - 1;
    if (last.type === n.attribution) {
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, end - 1)).scrollIntoView());
    } else {
      const tr = state.tr.insert(end, n.attribution.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, end + 1)).scrollIntoView());
    }
  }
  return true;
};

/// Enter in a pull quote's text or an attribution: to the attribution, then out to a new paragraph.
export const enterInQuoteParts: Command = (state, dispatch) => {
  const { $from } = state.selection;
  const parent = $from.parent.type;
  if (parent === n.pullquote_text) return editAttribution(state, dispatch);
  if (parent !== n.attribution && parent !== n.caption && parent !== n.credit) return false;
  return exitBlock($from.depth - 1)(state, dispatch);
};

function exitBlock(depth: number): Command {
  return (state, dispatch) => {
    const after = state.selection.$from.after(depth);
    if (dispatch) {
      const tr = state.tr.insert(after, n.paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
    }
    return true;
  };
}

/// A figure to insert: the image and its texts.
export interface FigureInput {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
}

/// Builds a figure node; caption and credit only when given.
export function figureNode(input: FigureInput): PMNode {
  const parts = [n.image.create({ src: input.src, alt: input.alt })];
  if (input.caption) parts.push(n.caption.create(null, schema.text(input.caption)));
  if (input.credit) parts.push(n.credit.create(null, schema.text(input.credit)));
  return n.figure.create(null, parts);
}

/// Inserts `block` (a figure, a table) at the current body block (replacing it when empty), with a
/// paragraph after it to type on; the cursor goes to `caret`, an offset from the block's start.
export function insertBodyBlock(make: () => PMNode, caret: (block: PMNode) => number): Command {
  return (state, dispatch) => {
    if (!inBody(state)) return false;
    if (dispatch) {
      const { $from } = state.selection;
      const blockStart = $from.before(2);
      const current = $from.node(2);
      const empty = current.type === n.paragraph && current.content.size === 0;
      const at = empty ? blockStart : blockStart + current.nodeSize;
      const block = make();
      const tr = state.tr.replaceWith(at, empty ? at + current.nodeSize : at, [block, n.paragraph.create()]);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + caret(block))).scrollIntoView());
    }
    return true;
  };
}

/// Inserts a figure at the current body block (replacing it when empty), with a paragraph after it to type on.
export function insertFigure(input: FigureInput): Command {
  return insertBodyBlock(
    () => figureNode(input),
    (figure) => figure.nodeSize + 1,
  );
}

/// Changes the image (source and alt text) of the figure at `pos`, adding the caption or credit it lacks.
export function updateFigureImage(pos: number, src: string, alt: string, add: { caption?: string; credit?: string } = {}): Command {
  return (state, dispatch) => {
    const figure = state.doc.nodeAt(pos);
    if (figure?.type !== n.figure) return false;
    if (dispatch) {
      const tr = state.tr.setNodeMarkup(pos + 1, undefined, { src, alt });
      const has = (type: typeof n.caption) => figure.content.content.some((child) => child.type === type);
      // The credit goes last, then the caption right after the image: inserting at the end first keeps the earlier position valid.
      if (add.credit && !has(n.credit)) tr.insert(pos + figure.nodeSize - 1, n.credit.create(null, state.schema.text(add.credit)));
      if (add.caption && !has(n.caption)) tr.insert(pos + 1 + figure.firstChild!.nodeSize, n.caption.create(null, state.schema.text(add.caption)));
      dispatch(tr);
    }
    return true;
  };
}

/// The figure around the selection (or selected), with its position.
export function figureAt(state: EditorState): { node: PMNode; pos: number } | null {
  const found = ancestorOf(state, n.figure);
  if (found) return found;
  const { $from } = state.selection;
  const after = $from.nodeAfter;
  if (after?.type === n.figure) return { node: after, pos: $from.pos };
  if ($from.parent.type === n.figure) return { node: $from.parent, pos: $from.before() };
  return null;
}
