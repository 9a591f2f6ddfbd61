import type * as Y from "yjs";
import { yNames } from "../../../shared/collab/y-names";
import { readVersions, type SharedVersion } from "../../../shared/collab/y-review";
import type { VersionHistory } from "../review/version-history";

// The versions of a shared story (History): each window takes its versions as on its own (on save,
// on a change of status, Save Version…), and they go to the shared document whole, appended, when
// the window saves; another window's versions arrive the same way and its History is rebuilt with
// them. A version is never taken out of the shared document by thinning in one window.

/// The origin of the versions this window appends (its own observer leaves them alone).
export const versionsOrigin = { name: "copydesk-versions" };

/// Appends the window's versions the shared story has not got yet (by id), with their authors.
export function shareVersions(ydoc: Y.Doc, history: VersionHistory): void {
  const known = new Set(readVersions(ydoc).map((version) => version.id));
  const added = history.versions.filter(({ version }) => !known.has(version.id));
  if (added.length === 0) return;
  const people = ydoc.getMap(yNames.people);
  ydoc.transact(() => {
    for (const { version } of added) {
      const person = history.person(version.author);
      if (person && !people.has(version.author)) people.set(version.author, { ...person });
    }
    const entries = added.map(({ version, doc, meta }): SharedVersion => {
      const { changes: _changes, ...entry } = version;
      return JSON.parse(JSON.stringify({ ...entry, meta, doc: doc.toJSON() })) as SharedVersion;
    });
    ydoc.getArray<SharedVersion>(yNames.versions).push(entries);
  }, versionsOrigin);
}

/// Calls `added` when other windows' versions arrive; answers how to stop.
export function watchVersions(ydoc: Y.Doc, added: () => void): () => void {
  const versions = ydoc.getArray(yNames.versions);
  const observer = (_event: unknown, transaction: Y.Transaction) => {
    if (transaction.origin !== versionsOrigin) added();
  };
  versions.observe(observer);
  return () => versions.unobserve(observer);
}
