import type { Node as PMNode } from "prosemirror-model";
import type { ArticleMeta } from "../../../shared/article";
import type { Identity } from "../../../shared/ipc";
import { personFrom } from "../../../shared/review/people";
import type { ArticleVersion, Person, Review, VersionReason } from "../../../shared/review/review";
import { rebuildVersions, type RebuiltVersion } from "../../../shared/review/version-rebuild";
import { defaultPruneRule, prunedVersions, shouldTakeVersion, storedVersions, withNewVersion, type PruneRule } from "../../../shared/review/versions";
import { newReviewId } from "./note-commands";

// The versions of the article open in a window, rebuilt in full while it is open, and stored again
// (each against the next newer, the newest against the article) whenever the article goes to main.
// Taking a version is not an edit of the article: it is kept with the article on its next save.

/// The text a version on save is compared by: its words, field by field.
const textOf = (doc: PMNode) => doc.textBetween(0, doc.content.size, "\n", " ");

/// A version's name (named ones), its time, and how the older versions are thinned.
export interface TakeOptions {
  name?: string | null;
  now?: Date;
  rule?: PruneRule;
}

export class VersionHistory {
  private rebuilt: RebuiltVersion[];
  /// All but the newest as stored: they change only when a version is taken.
  private olderStored: ArticleVersion[] | null = null;
  /// The authors of the versions, so the review's people always hold them.
  private readonly authors = new Map<string, Person>();

  /// The versions of an article as main sent it (checked there: each rebuilds).
  constructor(doc: PMNode, review: Review | undefined) {
    this.rebuilt = rebuildVersions(review?.versions ?? [], doc, () => []).versions;
    for (const { version } of this.rebuilt) {
      const person = review?.people[version.author];
      if (person) this.authors.set(version.author, person);
    }
  }

  /// The versions, oldest first, each with its document and metadata.
  get versions(): readonly RebuiltVersion[] {
    return this.rebuilt;
  }

  /// The person a version's author is, as the versions know them.
  person(id: string): Person | undefined {
    return this.authors.get(id);
  }

  /// Takes a version of the article as it is now when the rule says so (shared/review/versions.ts), thinning
  /// the older ones by the pruning rule (Settings; the default when not given); true when it did.
  take(article: { doc: PMNode; meta: ArticleMeta }, author: Identity, reason: VersionReason, options: TakeOptions = {}): boolean {
    const { name = null, now = new Date(), rule = defaultPruneRule } = options;
    const newest = this.rebuilt.at(-1);
    const last = newest ? { time: newest.version.time, text: textOf(newest.doc), author: newest.version.author } : null;
    if (!shouldTakeVersion(reason, last, textOf(article.doc), now, author.id)) return false;
    this.olderStored = null;
    this.authors.set(author.id, personFrom(author.name, author.initials));
    this.rebuilt = withNewVersion(prunedVersions(this.rebuilt, now, rule), article, { id: newReviewId(), author: author.id, time: now.toISOString(), name, reason });
    return true;
  }

  /// The review as the file keeps it with these versions: each stored against the next newer, the newest against `doc`.
  review(review: Review | undefined, doc: PMNode): Review | undefined {
    if (this.rebuilt.length === 0) return review;
    this.olderStored ??= storedVersions(this.rebuilt.slice(0, -1), this.rebuilt[this.rebuilt.length - 1].doc);
    const versions = [...this.olderStored, ...storedVersions(this.rebuilt.slice(-1), doc)];
    const people = { ...(review?.people ?? {}) };
    for (const [id, person] of this.authors) if (!Object.hasOwn(people, id)) people[id] = person;
    return { people, notes: review?.notes ?? {}, suggestions: review?.suggestions ?? {}, versions, workflow: review?.workflow ?? [] };
  }
}
