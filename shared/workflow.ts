import { articleStatuses, type ArticleMeta, type ArticleStatus } from "./article";
import { localEmbargoTime } from "./embargo";
import type { Review, WorkflowEntry } from "./review/review";

// The desk's workflow (docs/article-model.md, "Workflow"): which status a story is in, what the
// wire formats call it, who changed it, and what publishing does to the article's own version.

/// A status an importer found, as ours: one of ours as it is, Copydesk 0.1's "approved" (from an
/// export of that time) as ready; null for anything else.
export function statusFrom(value: unknown): ArticleStatus | null {
  if (value === "approved") return "ready";
  return typeof value === "string" && (articleStatuses as readonly string[]).includes(value) ? (value as ArticleStatus) : null;
}

/// NITF's `management-status` and ninjs's `pubstatus`: usable once ready or published, canceled
/// when killed, withheld before.
export function publicationStatus(status: ArticleStatus): "usable" | "withheld" | "canceled" {
  if (status === "ready" || status === "published") return "usable";
  return status === "killed" ? "canceled" : "withheld";
}

/// Statuses a person may choose in the metadata panel: every one but "published", which only an
/// export marked published gives (it also counts the article's version).
export function choosableStatuses(current: ArticleStatus): ArticleStatus[] {
  const all: ArticleStatus[] = ["draft", "filed", "in-edit", "ready", "held", "killed"];
  return current === "published" ? ["published", ...all] : all;
}

/// "File to desk" is for a story the reporter still has: a draft, or one sent back.
export const canFileToDesk = (status: ArticleStatus): boolean => status === "draft";
/// "Send back to reporter" is for a story on the desk.
export const canSendBack = (status: ArticleStatus): boolean => status === "filed" || status === "in-edit" || status === "ready" || status === "held";

/// The review with one more change of status at its end.
export function withStatusChange(review: Review, entry: WorkflowEntry): Review {
  return { ...review, workflow: [...review.workflow, entry] };
}

/// The last change of status the log has, or null (a story never moved, or from before version 3).
export function lastStatusChange(review: Review): WorkflowEntry | null {
  return review.workflow.length > 0 ? review.workflow[review.workflow.length - 1] : null;
}

/// Why an export marked "published" may not go now, or null when it may: an embargo still to come.
export function publishRefusal(meta: ArticleMeta, now: Date): string | null {
  if (meta.embargo === null) return null;
  const until = Date.parse(meta.embargo);
  if (Number.isNaN(until) || until <= now.getTime()) return null;
  return `The article is embargoed until ${localEmbargoTime(meta.embargo)}: it cannot be exported as published before then. Export it without marking it published, or change the embargo.`;
}

/// The metadata after an export marked published at `now`: status published, first published
/// kept (set the first time), last published now, and one more version each time after the first.
export function publishedMeta(meta: ArticleMeta, now: Date): ArticleMeta {
  const time = now.toISOString();
  const republish = meta.firstPublished !== null;
  return { ...meta, status: "published", firstPublished: meta.firstPublished ?? time, published: time, version: republish ? meta.version + 1 : meta.version };
}
