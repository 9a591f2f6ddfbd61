import { isBase64 } from "../asset-policy";
import { shown } from "../doc-check";

// The `shared` part of a shared story's local `.article` file (docs/article-model.md, "Shared
// stories"): which newsroom server holds the story, its id there, and the whole Y.Doc state, so the
// file alone holds every change, shared or not yet, and the story can be brought back online.

/// A shared story's part of its local file.
export interface SharedPart {
  /// The newsroom server's address: ws:// or wss://, no user name or password in it.
  server: string;
  /// The story's id on that server (the document name on the wire).
  story: string;
  /// Base64 of `Y.encodeStateAsUpdate` of the story's Y.Doc.
  state: string;
}

/// Ids of stories on a newsroom server.
export const storyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
/// Longest server address kept.
export const maxServerLength = 2_000;

const serverPattern = /^wss?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/;

const quoted = (value: unknown): string => JSON.stringify(shown(value).slice(0, 60));

/// Why `value` is not a `shared` part the file format keeps, naming the place, or null when it is one.
export function sharedPartProblem(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "shared: not an object";
  const part = value as Record<string, unknown>;
  const extra = Object.keys(part).filter((key) => !["server", "story", "state"].includes(key));
  if (extra.length > 0) return `shared: unknown field ${quoted(extra[0])}`;
  const { server, story, state } = part;
  if (typeof server !== "string" || server.length > maxServerLength || !serverPattern.test(server)) {
    return `shared.server: ${quoted(server)} is not a newsroom server's address (ws:// or wss://, without a user name or password)`;
  }
  if (typeof story !== "string" || !storyIdPattern.test(story)) return `shared.story: ${quoted(story)} is not a story id (letters, digits, - and _, at most 64)`;
  if (typeof state !== "string" || state === "" || !isBase64(state)) return "shared.state: not the story's shared state (base64)";
  return null;
}

/// The `shared` part as the file writes it, its keys in a fixed order.
export function sharedFilePart(part: SharedPart): SharedPart {
  return { server: part.server, story: part.story, state: part.state };
}

/// Base64 of bytes (a Y.Doc's state for the `state` field).
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
