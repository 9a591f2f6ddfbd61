import { basename } from "node:path";
import type { ComparedArticle } from "../../shared/ipc";
import { articleFilter, type Dialogs } from "./dialogs";
import type { DocumentStore, OpenDocument } from "./documents";
import { UserFacingError } from "./errors";

// Articles main reads only so a window can compare its article with them: another file the user
// picks (File > Compare with File…) and the document's own file as another program left it (the
// "changed on disk" question's Show Changes). Each is read and checked as File > Open reads one,
// but nothing of it is kept: no document, no recent file, no change to what main knows of the disk.

/// Asks for an article file and reads it to compare with; null when the user cancels.
export async function chooseComparedArticle(dialogs: Dialogs, store: DocumentStore): Promise<ComparedArticle | null> {
  const path = await dialogs.chooseOpenPath({ title: "Compare with file", filters: [articleFilter] });
  return path ? readComparedArticle(store, path) : null;
}

/// The document's file as it is on disk now, to compare with the window's version.
export async function diskVersion(store: DocumentStore, doc: OpenDocument): Promise<ComparedArticle> {
  if (!doc.path) throw new UserFacingError("invalid-request", "This article has not been saved yet: there is no version on disk to compare with.");
  return readComparedArticle(store, doc.path);
}

/// Reads and checks an article file; one that cannot be read or is not a valid article is refused
/// with a message naming the file, which says that the open article has not changed.
export async function readComparedArticle(store: DocumentStore, path: string): Promise<ComparedArticle> {
  try {
    const { article } = await store.read(path);
    return { title: basename(path), meta: article.meta, doc: article.doc };
  } catch (e) {
    if (!(e instanceof UserFacingError)) throw e;
    throw new UserFacingError(e.code, `${e.message} Nothing was compared, and your article is unchanged.`, e.details);
  }
}
