import { Fragment, Slice, type Mark, type Node as PMNode, type Schema } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Step } from "prosemirror-transform";
import { StateOnlyStep } from "../editor/state-step";
import { emptyReview, type NoteThread, type Person, type Review, type Suggestion, type WorkflowEntry } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";

// The desk's review in editor state, beside the document: people, note threads, suggestions and
// versions. A change of one entry is a SetReviewEntryStep, which leaves the document alone but is
// recorded by the undo history with the marks changed in the same transaction, so undoing "add a
// note" takes away its mark and its thread together, and redo brings both back.

/// The parts of the review kept by id.
export type ReviewEntryPart = "people" | "notes" | "suggestions";
type EntryOf<P extends ReviewEntryPart> = { people: Person; notes: NoteThread; suggestions: Suggestion }[P];

/// Sets (or with null, removes) one entry of the review, as an undoable step that leaves the document as it is.
export class SetReviewEntryStep<P extends ReviewEntryPart = ReviewEntryPart> extends StateOnlyStep {
  constructor(
    readonly part: P,
    readonly id: string,
    readonly value: EntryOf<P> | null,
    readonly previous: EntryOf<P> | null,
  ) {
    super();
  }

  invert(): Step {
    return new SetReviewEntryStep(this.part, this.id, this.previous, this.value);
  }

  override toJSON(): Record<string, unknown> {
    return { stepType: "copydeskReview", part: this.part, id: this.id, value: this.value, previous: this.previous };
  }

  static override fromJSON(_schema: Schema, json: { part: ReviewEntryPart; id: string; value: never; previous: never }): SetReviewEntryStep {
    return new SetReviewEntryStep(json.part, json.id, json.value, json.previous);
  }
}
Step.jsonID("copydeskReview", SetReviewEntryStep);

/// Replaces the log of status changes (one entry more, for a change of status), undoably like an entry.
export class SetWorkflowStep extends StateOnlyStep {
  constructor(
    readonly value: WorkflowEntry[],
    readonly previous: WorkflowEntry[],
  ) {
    super();
  }

  invert(): Step {
    return new SetWorkflowStep(this.previous, this.value);
  }

  override toJSON(): Record<string, unknown> {
    return { stepType: "copydeskWorkflow", value: this.value, previous: this.previous };
  }

  static override fromJSON(_schema: Schema, json: { value: WorkflowEntry[]; previous: WorkflowEntry[] }): SetWorkflowStep {
    return new SetWorkflowStep(json.value, json.previous);
  }
}
Step.jsonID("copydeskWorkflow", SetWorkflowStep);

const reviewKey = new PluginKey<Review>("review");

/// The review after a transaction's steps.
function applySteps(review: Review, tr: Transaction): Review {
  let next = review;
  for (const step of tr.steps) {
    if (step instanceof SetWorkflowStep) {
      next = { ...next, workflow: step.value };
      continue;
    }
    if (!(step instanceof SetReviewEntryStep)) continue;
    if (next === review) next = { ...review };
    const { part: name } = step as SetReviewEntryStep;
    const part = { ...(next[name] as Record<string, unknown>) };
    if (step.value === null) delete part[step.id];
    else part[step.id] = step.value;
    (next as unknown as Record<string, unknown>)[name] = part;
  }
  return next;
}

/// Keeps the review; SetReviewEntrySteps change it. A pasted note or suggestion mark whose thread
/// or entry this article does not hold (copied from another article) is left off, so the paste
/// keeps its words.
export function reviewPlugin(initial: Review = emptyReview()): Plugin<Review> {
  return new Plugin<Review>({
    key: reviewKey,
    state: {
      init: () => initial,
      apply: (tr, review) => applySteps(review, tr),
    },
    props: {
      transformPasted: (slice, view) => withKnownReviewMarks(view.state, slice),
    },
  });
}

/// A pasted slice with only the review marks this article holds: a note or suggestion copied from
/// another article (or made up in pasted HTML) loses its mark, never its words.
export function withKnownReviewMarks(state: EditorState, slice: Slice): Slice {
  const { notes, suggestions } = reviewOfState(state);
  const known = (mark: Mark) => {
    if (mark.type === schema.marks.note) return Object.hasOwn(notes, mark.attrs.id as string);
    if (mark.type === schema.marks.insertion || mark.type === schema.marks.deletion || mark.type === schema.marks.modification) return Object.hasOwn(suggestions, mark.attrs.id as string);
    return true;
  };
  const content = knownNotesOnly(slice.content, known);
  return content === slice.content ? slice : new Slice(content, slice.openStart, slice.openEnd);
}

/// The content with the review marks of unknown threads and suggestions taken off (the text kept).
function knownNotesOnly(fragment: Fragment, known: (mark: Mark) => boolean): Fragment {
  let changed = false;
  const children: PMNode[] = [];
  fragment.forEach((child) => {
    let next = child;
    if (child.isText) {
      const marks = child.marks.filter(known);
      if (marks.length !== child.marks.length) next = child.mark(marks);
    } else if (child.content.size > 0) {
      const content = knownNotesOnly(child.content, known);
      if (content !== child.content) next = child.copy(content);
    }
    if (next !== child) changed = true;
    children.push(next);
  });
  return changed ? Fragment.fromArray(children) : fragment;
}

/// The review in this state (empty when the plugin is not installed).
export function reviewOfState(state: EditorState): Review {
  return reviewKey.getState(state) ?? emptyReview();
}

/// The note threads the article will hold once `tr` is applied to `state` (for the savable guard).
export function notesAfter(state: EditorState, tr: Transaction): (id: string) => boolean {
  const notes = applySteps(reviewOfState(state), tr).notes;
  return (id) => Object.hasOwn(notes, id);
}
