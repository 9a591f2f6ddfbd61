import * as Y from "yjs";
import type { Article } from "../../../shared/article";
import { applyArticleEdit, articleToYDoc, yDocToArticle } from "../../../shared/collab/y-article";

// Replicas of one shared story on a network the test holds in its hand: every update a replica
// makes is queued for each other replica and delivered only when the test says, in the order it
// says, so a test can keep a replica offline, hold updates back and deliver them late and shuffled.

/// The origin of updates that came from the network. Every other update goes out, as a provider
/// sends them: a replica's edits, and what Yjs writes by itself after a remote update (it tidies
/// formatting marks in text, a change the other replicas must get too).
const remote = Symbol("remote");

export class Replicas {
  readonly docs: Y.Doc[];
  /// Updates waiting for each replica, oldest first, with the replica that made them.
  readonly pending: { from: number; update: Uint8Array }[][];
  readonly online: boolean[];

  constructor(article: Article, count: number) {
    this.docs = Array.from({ length: count }, () => new Y.Doc());
    this.pending = this.docs.map(() => []);
    this.online = this.docs.map(() => true);
    articleToYDoc(article, this.docs[0]);
    const start = Y.encodeStateAsUpdate(this.docs[0]);
    for (const doc of this.docs.slice(1)) Y.applyUpdate(doc, start, remote);
    this.docs.forEach((doc, from) =>
      doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === remote) return;
        this.pending.forEach((queue, to) => to !== from && queue.push({ from, update }));
      }),
    );
  }

  /// The article replica `index` holds.
  read(index: number): Article {
    return yDocToArticle(this.docs[index]).article;
  }

  /// Applies `edit` to what replica `index` holds, as the editor would (read, edit, write what changed).
  edit(index: number, edit: (article: Article) => Article | null): void {
    const before = this.read(index);
    const after = edit(before);
    if (after) applyArticleEdit(this.docs[index], before, after);
  }

  /// Delivers to replica `to` waiting updates from replicas online: for each of `picks`, the one
  /// at that index among them (modulo how many there are). Nothing while `to` is offline.
  deliver(to: number, picks: number[]): void {
    if (!this.online[to]) return;
    const queue = this.pending[to];
    for (const pick of picks) {
      const ready = queue.flatMap((entry, at) => (this.online[entry.from] ? [at] : []));
      if (ready.length === 0) return;
      const [{ update }] = queue.splice(ready[pick % ready.length], 1);
      Y.applyUpdate(this.docs[to], update, remote);
    }
  }

  /// Delivers everything waiting, to every replica online, in an order from `seed`, until nothing
  /// is left (what Yjs writes after a delivery goes out in turn).
  deliverAll(seed = 0): void {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) >>> 0);
    for (let round = 0; round < 50 && this.pending.some((queue, to) => this.online[to] && queue.length > 0); round++) {
      this.docs.forEach((_, to) => this.deliver(to, Array.from({ length: this.pending[to].length }, next)));
    }
  }
}
