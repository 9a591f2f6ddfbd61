import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createArticle, type Article } from "../../../shared/article";
import { schema } from "../../../shared/schema";
import type { Dialogs } from "../../../electron/services/dialogs";

// Builders and fakes shared by the service tests: temporary folders, articles with a headline
// and body text, and dialogs answered from a queue.

/// A fresh temporary folder; `cleanup` removes it.
export function tempFolder(prefix = "copydesk-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/// An article with this headline and one body paragraph per string.
export function article(headline: string, ...paragraphs: string[]): Article {
  const base = createArticle({ now: new Date("2014-01-07T10:00:00Z") });
  const n = schema.nodes;
  const text = (s: string) => (s ? [schema.text(s)] : []);
  const body = (paragraphs.length ? paragraphs : [""]).map((p) => n.paragraph.create(null, text(p)));
  const doc = n.doc.create(null, [
    n.kicker.create(),
    n.headline.create(null, text(headline)),
    n.standfirst.create(),
    n.byline.create(),
    n.dateline.create(),
    n.body.create(null, body),
    n.tagline.create(),
    n.related.create(),
  ]);
  return { ...base, doc };
}

/// The files in a folder whose names look like a durable write's temporary files.
export function temporaryFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith(".") && name.endsWith(".tmp"));
}

/// One recorded dialog.
export interface AskedDialog {
  kind: "save" | "open" | "folder" | "ask" | "tell";
  message: string;
  buttons?: string[];
}

/// Dialogs answered from a queue: a path for file dialogs, a button label for questions; an empty queue cancels.
export class QueuedDialogs implements Dialogs {
  readonly answers: string[] = [];
  readonly asked: AskedDialog[] = [];

  /// Queues answers, in order.
  answer(...answers: string[]): this {
    this.answers.push(...answers);
    return this;
  }

  async chooseSavePath(options: { title: string }): Promise<string | null> {
    this.asked.push({ kind: "save", message: options.title });
    return this.answers.shift() ?? null;
  }

  async chooseOpenPath(options: { title: string }): Promise<string | null> {
    this.asked.push({ kind: "open", message: options.title });
    return this.answers.shift() ?? null;
  }

  async chooseFolder(options: { title: string }): Promise<string | null> {
    this.asked.push({ kind: "folder", message: options.title });
    return this.answers.shift() ?? null;
  }

  async ask(options: { message: string; buttons: string[]; cancelId: number }): Promise<number> {
    this.asked.push({ kind: "ask", message: options.message, buttons: options.buttons });
    const label = this.answers.shift();
    if (label === undefined) return options.cancelId;
    const index = options.buttons.indexOf(label);
    if (index < 0) throw new Error(`No button "${label}" in "${options.message}" (${options.buttons.join(", ")})`);
    return index;
  }

  async tell(options: { message: string; detail?: string }): Promise<void> {
    this.asked.push({ kind: "tell", message: `${options.message} ${options.detail ?? ""}`.trim() });
  }
}
