import type { Dialogs } from "../../../electron/services/dialogs";

/// An answer a test queues for the next dialog: a path, a button (by label or index), or cancel.
export type DialogAnswer =
  | { kind: "save"; path: string }
  | { kind: "open"; path: string }
  | { kind: "folder"; path: string }
  | { kind: "ask"; button: string | number }
  | { kind: "cancel" };

/// A dialog the app showed, as the test log records it.
export interface DialogRecord {
  kind: "save" | "open" | "folder" | "ask" | "tell";
  message: string;
  detail?: string;
  buttons?: string[];
  answered: boolean;
}

/// Dialogs answered from a queue the test fills; unanswered ones are cancelled and logged.
export class TestDialogs implements Dialogs {
  private readonly answers: DialogAnswer[] = [];
  readonly log: DialogRecord[] = [];

  queue(...answers: DialogAnswer[]): void {
    this.answers.push(...answers);
  }

  private take(kind: DialogRecord["kind"], record: Omit<DialogRecord, "kind" | "answered">): DialogAnswer | null {
    const next = this.answers[0];
    const matches = next && (next.kind === kind || next.kind === "cancel");
    this.log.push({ kind, ...record, answered: Boolean(matches) });
    return matches ? (this.answers.shift() ?? null) : null;
  }

  async chooseSavePath(options: { title: string; defaultPath: string }): Promise<string | null> {
    const answer = this.take("save", { message: options.title, detail: options.defaultPath });
    return answer?.kind === "save" ? answer.path : null;
  }

  async chooseOpenPath(options: { title: string }): Promise<string | null> {
    const answer = this.take("open", { message: options.title });
    return answer?.kind === "open" ? answer.path : null;
  }

  async chooseFolder(options: { title: string }): Promise<string | null> {
    const answer = this.take("folder", { message: options.title });
    return answer?.kind === "folder" ? answer.path : null;
  }

  async ask(options: { message: string; detail?: string; buttons: string[]; cancelId: number }): Promise<number> {
    const answer = this.take("ask", { message: options.message, detail: options.detail, buttons: options.buttons });
    if (answer?.kind !== "ask") return options.cancelId;
    const index = typeof answer.button === "number" ? answer.button : options.buttons.indexOf(answer.button);
    if (index < 0) throw new Error(`The dialog "${options.message}" has no button "${answer.button}" (it has ${options.buttons.join(", ")})`);
    return index;
  }

  async tell(options: { message: string; detail?: string }): Promise<void> {
    this.log.push({ kind: "tell", message: options.message, detail: options.detail, answered: true });
  }
}
