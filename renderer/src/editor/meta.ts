import type { Schema } from "prosemirror-model";
import { Plugin, PluginKey, type Command, type EditorState } from "prosemirror-state";
import { Step } from "prosemirror-transform";
import { StateOnlyStep } from "./state-step";
import { closeHistory } from "prosemirror-history";
import type { ArticleMeta } from "../../../shared/article";


// The article's metadata lives in editor state so that changing it is a transaction like any
// other: a SetMetaStep leaves the document alone but is recorded by the undo history (it has
// an inverse), and it marks the document changed (the transaction has a step).

/// A change of one metadata field, as an undoable step that leaves the document as it is.
export class SetMetaStep<K extends keyof ArticleMeta = keyof ArticleMeta> extends StateOnlyStep {
  constructor(
    readonly key: K,
    readonly value: ArticleMeta[K],
    readonly previous: ArticleMeta[K],
  ) {
    super();
  }

  invert(): Step {
    return new SetMetaStep(this.key, this.previous, this.value);
  }

  override toJSON(): { stepType: string; key: K; value: ArticleMeta[K]; previous: ArticleMeta[K] } {
    return { stepType: "copydeskMeta", key: this.key, value: this.value, previous: this.previous };
  }

  static override fromJSON(_schema: Schema, json: { key: keyof ArticleMeta; value: never; previous: never }): SetMetaStep {
    return new SetMetaStep(json.key, json.value, json.previous);
  }
}
Step.jsonID("copydeskMeta", SetMetaStep);

const metaKey = new PluginKey<ArticleMeta>("meta");

/// Keeps the article's metadata; SetMetaSteps change it, `replaceMeta` swaps it without history.
export function metaPlugin(initial: ArticleMeta): Plugin<ArticleMeta> {
  return new Plugin<ArticleMeta>({
    key: metaKey,
    state: {
      init: () => initial,
      apply(tr, meta) {
        const replaced = tr.getMeta(metaKey) as ArticleMeta | undefined;
        if (replaced) return replaced;
        for (const step of tr.steps) {
          if (step instanceof SetMetaStep) meta = { ...meta, [step.key]: step.value };
        }
        return meta;
      },
    },
  });
}

/// The metadata in this state.
export function metaOf(state: EditorState): ArticleMeta {
  const meta = metaKey.getState(state);
  if (!meta) throw new Error("the meta plugin is not installed");
  return meta;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/// Sets one metadata field as its own undo step; false when it already has that value.
export function setMeta<K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]): Command {
  return (state, dispatch) => {
    const previous = metaOf(state)[key];
    if (same(previous, value)) return false;
    if (dispatch) {
      dispatch(closeHistory(state.tr.step(new SetMetaStep(key, value, previous))));
    }
    return true;
  };
}

/// Replaces the whole metadata without an undo step (after a save set `updated`, for instance).
export function replaceMeta(meta: ArticleMeta): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(metaKey, meta).setMeta("addToHistory", false));
    return true;
  };
}

/// Languages written right to left (the rule lives in shared/text-direction.ts).
export { isRightToLeft } from "../../../shared/text-direction";
