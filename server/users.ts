import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { writeFileDurably } from "../electron/services/durable-write";

// The newsroom server's users: DIR/users.json holds, for each person, a salt and the SHA-256 of
// their token's secret, never the token. A token is "<user id>.<secret>": the id finds the entry,
// the secret (32 random bytes) is what is checked, in constant time. The secret is random and
// long, so a fast salted hash is enough (a slow one such as scrypt only helps passwords people choose).

/// One person allowed on the server.
interface UserEntry {
  id: string;
  name: string;
  salt: string;
  /// SHA-256 of salt + secret, in hex.
  hash: string;
  added: string;
}

interface UsersFile {
  format: "copydesk.newsroom-users";
  users: UserEntry[];
}

/// Names people see in each other's cursors and in the list of who is in a story.
const namePattern = /^[^\p{C}]{1,80}$/u;

export const usersFileName = "users.json";

/// Raised when a user cannot be added; the message says why in words.
export class UserError extends Error {}

/// Adds a person and returns their token, printed once (only its hash is kept).
export async function addUser(dataDir: string, name: string): Promise<string> {
  const trimmed = name.trim();
  if (!namePattern.test(trimmed)) throw new UserError("a user's name is 1 to 80 printable characters");
  await mkdir(dataDir, { recursive: true });
  const file = await readUsers(dataDir);
  const id = randomUUID().replaceAll("-", "").slice(0, 16);
  const secret = randomBytes(32).toString("base64url");
  const salt = randomBytes(16).toString("hex");
  file.users.push({ id, name: trimmed, salt, hash: secretHash(salt, secret), added: new Date().toISOString() });
  await writeFileDurably(join(dataDir, usersFileName), `${JSON.stringify(file, null, 2)}\n`);
  return `${id}.${secret}`;
}

/// Who a token belongs to, or null for a missing, malformed or unknown token.
export type TokenCheck = (token: string | undefined) => Promise<{ id: string; name: string } | null>;

/// Checks tokens against DIR/users.json, read again whenever the file changes (a user added
/// while the server runs can connect at once).
export function tokenChecker(dataDir: string): TokenCheck {
  const path = join(dataDir, usersFileName);
  let cached: { mtimeMs: number; size: number; users: Map<string, UserEntry> } | null = null;
  return async (token) => {
    const parts = /^([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
    if (!parts) return null;
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    if (!cached || cached.mtimeMs !== info.mtimeMs || cached.size !== info.size) {
      const file = await readUsers(dataDir);
      cached = { mtimeMs: info.mtimeMs, size: info.size, users: new Map(file.users.map((u) => [u.id, u])) };
    }
    const user = cached.users.get(parts[1]);
    if (!user) return null;
    const expected = Buffer.from(user.hash, "hex");
    const given = Buffer.from(secretHash(user.salt, parts[2]), "hex");
    return expected.length === given.length && timingSafeEqual(expected, given) ? { id: user.id, name: user.name } : null;
  };
}

function secretHash(salt: string, secret: string): string {
  return createHash("sha256").update(salt).update(secret).digest("hex");
}

async function readUsers(dataDir: string): Promise<UsersFile> {
  let text: string;
  try {
    text = await readFile(join(dataDir, usersFileName), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { format: "copydesk.newsroom-users", users: [] };
    throw e;
  }
  const parsed = JSON.parse(text) as Partial<UsersFile>;
  if (parsed.format !== "copydesk.newsroom-users" || !Array.isArray(parsed.users)) {
    throw new UserError(`${join(dataDir, usersFileName)} is not a Copydesk users file`);
  }
  return { format: "copydesk.newsroom-users", users: parsed.users };
}
