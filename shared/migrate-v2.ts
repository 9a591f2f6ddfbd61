import { emptyNewsroomMeta } from "./article";

// Version 2 of the `.article` file to version 3: version 3 has the desk's workflow (draft, filed,
// in edit, ready, published, held, killed, and a log of who changed it) and the newsroom
// metadata (urgency, genre, subjects, authors, rights, the article's own version…). A version 2
// article gets the metadata empty, in its versions too, and an empty log; its status maps to the
// new workflow: "ready" (for the desk) is filed, "approved" is ready. Run in memory on open
// (shared/article-file.ts, `migrations`); written as version 3 only when the journalist saves.

const statusesOfVersion2: Record<string, string> = { draft: "draft", ready: "filed", approved: "ready" };

/// Metadata of version 2 as version 3 holds it; anything that is not an object is left for the check to name.
function migratedMeta(meta: unknown): unknown {
  if (typeof meta !== "object" || meta === null || Array.isArray(meta)) return meta;
  const old = meta as Record<string, unknown>;
  const status = typeof old.status === "string" && Object.hasOwn(statusesOfVersion2, old.status) ? statusesOfVersion2[old.status] : old.status;
  return { ...emptyNewsroomMeta(), ...old, status };
}

/// The file's parsed JSON at version 3.
export function migrateVersion2(file: Record<string, unknown>): Record<string, unknown> {
  const versions = Array.isArray(file.versions)
    ? file.versions.map((v: unknown) => (typeof v === "object" && v !== null && !Array.isArray(v) ? { ...v, meta: migratedMeta((v as Record<string, unknown>).meta) } : v))
    : file.versions;
  return { ...file, version: 3, meta: migratedMeta(file.meta), versions, workflow: file.workflow ?? [] };
}
