import type { Node as PMNode } from "prosemirror-model";
import { Step, StepMap, StepResult } from "prosemirror-transform";

// A step that changes what the editor keeps beside the document (its metadata, the desk's review)
// and leaves the document as it is: the undo history records it like any step (each subclass
// gives its inverse), it marks the document changed, and positions map through it unchanged.

/// The base of the steps that change state beside the document; subclasses give `invert` and their JSON.
export abstract class StateOnlyStep extends Step {
  apply(doc: PMNode): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  map(): Step {
    return this;
  }
}
