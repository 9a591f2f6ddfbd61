import type { Dialogs } from "../../electron/services/dialogs";

// The one scripted dialog service of the tests: unit tests, the e2e host and the Electron target
// (installed into Electron's own `dialog` module) all answer dialogs from a queue the test fills,
// and log every dialog shown.

/// An answer a test queues for the next dialog: a path, a button (by label or index), or cancel.
/// A plain string answers whatever comes next: a path for a file dialog, a button label for a question.
export type DialogAnswer =
  | { kind: "save"; path: string }
  | { kind: "open"; path: string }
  | { kind: "folder"; path: string }
  | { kind: "ask"; button: string | number }
  | { kind: "cancel" }
  | string;

/// A dialog the app showed, as the log records it.
export interface DialogRecord {
  kind: "save" | "open" | "folder" | "ask" | "tell";
  message: string;
  detail?: string;
  buttons?: string[];
  answered: boolean;
}

/// Dialogs answered from a queue; unanswered ones are cancelled and logged.
export class ScriptedDialogs implements Dialogs {
  private readonly answers: DialogAnswer[] = [];
  readonly log: DialogRecord[] = [];

  /// Queues answers, in order.
  queue(...answers: DialogAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /// Queues plain answers: paths for file dialogs, button labels for questions.
  answer(...answers: string[]): this {
    return this.queue(...answers);
  }

  /// The dialogs shown so far.
  get asked(): DialogRecord[] {
    return this.log;
  }

  private take(kind: DialogRecord["kind"], record: Omit<DialogRecord, "kind" | "answered">): DialogAnswer | null {
    const next = this.answers[0];
    const matches = next !== undefined && (typeof next === "string" || next.kind === kind || next.kind === "cancel");
    this.log.push({ kind, ...record, answered: matches });
    return matches ? (this.answers.shift() ?? null) : null;
  }

  private path(kind: "save" | "open" | "folder", message: string, detail?: string): string | null {
    const answer = this.take(kind, detail === undefined ? { message } : { message, detail });
    if (typeof answer === "string") return answer;
    return answer?.kind === kind ? answer.path : null;
  }

  async chooseSavePath(options: { title: string; defaultPath: string }): Promise<string | null> {
    return this.path("save", options.title, options.defaultPath);
  }

  async chooseOpenPath(options: { title: string }): Promise<string | null> {
    return this.path("open", options.title);
  }

  async chooseFolder(options: { title: string }): Promise<string | null> {
    return this.path("folder", options.title);
  }

  async ask(options: { message: string; detail?: string; buttons: string[]; cancelId: number }): Promise<number> {
    const answer = this.take("ask", { message: options.message, detail: options.detail, buttons: options.buttons });
    const button = typeof answer === "string" ? answer : answer?.kind === "ask" ? answer.button : null;
    if (button === null) return options.cancelId;
    const index = typeof button === "number" ? button : options.buttons.indexOf(button);
    if (index < 0) throw new Error(`The dialog "${options.message}" has no button "${button}" (it has ${options.buttons.join(", ")})`);
    return index;
  }

  async tell(options: { message: string; detail?: string }): Promise<void> {
    this.log.push({ kind: "tell", message: options.message, detail: options.detail, answered: true });
  }
}

/// Electron's `dialog` functions the app calls, as far as the scripted dialogs need them.
interface ElectronDialogModule {
  showSaveDialog: (...args: unknown[]) => Promise<unknown>;
  showOpenDialog: (...args: unknown[]) => Promise<unknown>;
  showMessageBox: (...args: unknown[]) => Promise<unknown>;
}

/// Makes Electron's dialog module answer from a ScriptedDialogs (the e2e Electron target loads a
/// bundle of this file into the main process and calls it).
export function installInElectron(dialog: ElectronDialogModule): ScriptedDialogs {
  const scripted = new ScriptedDialogs();
  type Options = { title?: string; message?: string; detail?: string; buttons?: string[]; cancelId?: number; defaultPath?: string; properties?: string[] };
  const options = (args: unknown[]) => (args.length > 1 ? args[1] : args[0]) as Options;
  dialog.showSaveDialog = async (...args) => {
    const path = await scripted.chooseSavePath({ title: options(args).title ?? "", defaultPath: options(args).defaultPath ?? "" });
    return path ? { canceled: false, filePath: path } : { canceled: true, filePath: "" };
  };
  dialog.showOpenDialog = async (...args) => {
    const o = options(args);
    const title = o.title ?? "";
    const path = o.properties?.includes("openDirectory") ? await scripted.chooseFolder({ title }) : await scripted.chooseOpenPath({ title });
    return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
  };
  dialog.showMessageBox = async (...args) => {
    const o = options(args);
    const buttons = o.buttons ?? ["OK"];
    if (buttons.length <= 1) {
      await scripted.tell({ message: o.message ?? "", detail: o.detail });
      return { response: 0, checkboxChecked: false };
    }
    const response = await scripted.ask({ message: o.message ?? "", detail: o.detail, buttons, cancelId: o.cancelId ?? buttons.length - 1 });
    return { response, checkboxChecked: false };
  };
  return scripted;
}
