import type { Node as PMNode } from "prosemirror-model";
import { Step } from "prosemirror-transform";
import type { ArticleMeta } from "../article";
import { metaSchema } from "../meta-schema";
import { schema } from "../schema";
import type { ArticleVersion } from "./review";

// Rebuilding the article's versions from the file (docs/article-model.md, "Review"): newest first
// from the current document, each by its steps back from the next newer (./versions.ts stores them).

/// A version with its document and metadata rebuilt, as the History panel and taking a version use them.
export interface RebuiltVersion {
  version: ArticleVersion;
  doc: PMNode;
  meta: ArticleMeta;
}

/// What rebuilding the versions from the current document gave: every version that rebuilds,
/// and a message for each that did not (with the older ones, which are stored against it).
export interface RebuildResult {
  versions: RebuiltVersion[];
  dropped: string[];
}

/// Rebuilds each version, newest first from `doc`; `checkDoc` is the file format's check of a document.
/// A version that does not rebuild is dropped with the older ones (each is stored against the next newer).
export function rebuildVersions(versions: ArticleVersion[], doc: PMNode, checkDoc: (json: unknown) => string[]): RebuildResult {
  const rebuilt: RebuiltVersion[] = [];
  let current = doc;
  for (let i = versions.length - 1; i >= 0; i--) {
    const version = versions[i];
    const problem = rebuildProblem(version, current, checkDoc);
    if (typeof problem === "string") {
      const older = i === 0 ? "" : ` and the ${i === 1 ? "version" : `${i} versions`} before it`;
      return { versions: rebuilt.reverse(), dropped: [`versions.${i}: ${problem}; this version${older} could not be read and ${i === 0 ? "was" : "were"} left out (the article itself is as it was saved)`] };
    }
    rebuilt.push({ version, doc: problem.doc, meta: problem.meta });
    current = problem.doc;
  }
  return { versions: rebuilt.reverse(), dropped: [] };
}

/// The version's document and metadata rebuilt from the next newer document, or what is wrong.
function rebuildProblem(version: ArticleVersion, newer: PMNode, checkDoc: (json: unknown) => string[]): string | { doc: PMNode; meta: ArticleMeta } {
  let current = newer;
  for (const [n, json] of version.changes.entries()) {
    let result;
    try {
      result = Step.fromJSON(schema, json).apply(current);
    } catch (e) {
      return `changes.${n}: not a step Copydesk reads (${(e as Error).message})`;
    }
    if (!result.doc) return `changes.${n}: does not apply to the version after it (${result.failed ?? "no reason given"})`;
    current = result.doc;
  }
  const problems = checkDoc(current.toJSON());
  if (problems.length > 0) return `the version's document: ${problems[0]}`;
  const meta = metaSchema.safeParse(version.meta);
  if (!meta.success) return "meta: not the metadata of an article";
  return { doc: current, meta: meta.data as ArticleMeta };
}
