import { randomUUID } from "node:crypto";
import { resolve } from "node:path";

// The renderer never names a path to read or write. Main gives it tokens instead, for paths that
// came from main's own dialogs, its recent-files list or its settings, and each request names a
// path only by such a token, of the right kind. A page that sends a path of its own choosing (a
// compromised renderer, a test) is refused: there is nothing to resolve it to.

/// What a token stands for: a folder to export to, a file of the recent-files list, or a folder shown as the desk.
export type GrantKind = "export-folder" | "recent-file" | "desk-folder";

/// Paths main has handed to windows as tokens.
export class PathGrants {
  private readonly byToken = new Map<string, { kind: GrantKind; path: string }>();
  private readonly byPath = new Map<string, string>();

  /// The token for a path main chose or keeps: the same one each time for the same path and kind.
  issue(kind: GrantKind, path: string): string {
    const absolute = resolve(path);
    const key = `${kind}\n${absolute}`;
    let token = this.byPath.get(key);
    if (!token) {
      token = randomUUID();
      this.byPath.set(key, token);
      this.byToken.set(token, { kind, path: absolute });
    }
    return token;
  }

  /// The path behind a token of that kind, or null when main never issued it.
  resolve(kind: GrantKind, token: string): string | null {
    const grant = this.byToken.get(token);
    return grant && grant.kind === kind ? grant.path : null;
  }
}
