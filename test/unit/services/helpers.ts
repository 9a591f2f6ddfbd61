import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createArticle, type Article } from "../../../shared/article";
import { schema } from "../../../shared/schema";

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

export { ScriptedDialogs } from "../../support/scripted-dialogs";
