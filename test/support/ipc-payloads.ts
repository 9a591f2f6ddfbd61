import fc from "fast-check";
import { exportFormats, type Channel } from "../../shared/ipc";

// Random requests for every IPC channel (test/e2e/specs/ipc-fuzz.spec.ts): any JSON value, values
// of the wrong type, and near-valid requests built from each channel's contract (shared/ipc.ts)
// with real handles and tokens, then changed: a field removed, retyped, added, made oversized or
// nested too deep, a string replaced by a path outside the test's folder. What a request may name
// (handles, tokens, the article) comes from the running app, in `PayloadContext`.

/// What near-valid requests are made of: names the app gave, an article, and paths that must stay untouched.
export interface PayloadContext {
  /// Handles of documents this window has open (untitled ones and one with a file).
  handles: string[];
  /// Tokens main issued: recent-file ids and the export folder's.
  tokens: string[];
  /// Ids of recovery copies.
  recoveryIds: string[];
  /// Articles as a window sends them (meta, doc, assets).
  articles: Record<string, unknown>[];
  /// Paths outside the test's folder (or in a part of it nothing may touch), and path-like strings.
  outsidePaths: string[];
  /// Base64 of an image main accepts.
  imageBase64: string;
}

/// A request: the channel and the payload to send on it.
export interface FuzzRequest {
  channel: Channel;
  payload: unknown;
}

const oddScalar = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 2 ** 53, Number.MAX_VALUE, "", " ", "null", "__proto__", "constructor", "\u0000", "\ud800", "\u202e"),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(...exportFormats, "PDF", "exe", "../html"),
);

/// A value of any JSON type, small.
const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 4 });

/// Values too large for a request: strings past the 64 KB limit of small channels, long lists, deep nesting.
const oversized: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 65_537, max: 300_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 20_001, max: 30_000 }).map((n) => Array.from({ length: n }, (_, i) => `word${i}`)),
  fc.integer({ min: 100, max: 3_000 }).map((n) => JSON.parse("[".repeat(n) + "]".repeat(n)) as unknown),
  fc.integer({ min: 100, max: 3_000 }).map((n) => JSON.parse('{"a":'.repeat(n) + "1" + "}".repeat(n)) as unknown),
);

/// One change to a near-valid request; `at` picks a place modulo their count.
type Change =
  | { kind: "remove"; at: number }
  | { kind: "retype"; at: number; value: unknown }
  | { kind: "extra"; at: number; key: string; value: unknown }
  | { kind: "path"; at: number; path: number }
  | { kind: "oversize"; at: number; value: unknown }
  | { kind: "long-text"; at: number; length: number };

const at = fc.nat();
const change: fc.Arbitrary<Change> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("remove" as const), at }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("retype" as const), at, value: fc.oneof(oddScalar, anyJson) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("extra" as const), at, key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("path", "folder", "file", "__proto__", "exportFolder", "styleGuideFolder")), value: fc.oneof(oddScalar, anyJson) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("path" as const), at, path: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("oversize" as const), at, value: oversized }), weight: 1 },
  // Long words in an article's text: over the size where main checks articles in a worker thread.
  { arbitrary: fc.record({ kind: fc.constant("long-text" as const), at, length: fc.integer({ min: 1_000, max: 400_000 }) }), weight: 1 },
);

type Container = Record<string, unknown> | unknown[];
interface Place {
  parent: Container;
  key: string | number;
  /// How deep in the request the place is.
  depth: number;
}

/// The deepest place an oversized value goes: one deep nesting is never put inside another, whose
/// sum (6,000 levels) is past what the test's own JSON.stringify can write.
const oversizeAtMost = 100;

/// Every value's place in a request, found without recursion.
function places(root: unknown): Place[] {
  const found: Place[] = [];
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    for (const key of Object.keys(value)) {
      const k = Array.isArray(value) ? Number(key) : key;
      found.push({ parent: value as Container, key: k, depth });
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return found;
}

function applyChanges(request: unknown, changes: Change[], context: PayloadContext): unknown {
  const root = { request: structuredClone(request) };
  for (const c of changes) {
    const all = places(root);
    const candidates = c.kind === "oversize" ? all.filter((p) => p.depth <= oversizeAtMost) : all;
    const place = candidates[c.at % candidates.length];
    const set = (value: unknown) => Object.defineProperty(place.parent, place.key, { value, enumerable: true, configurable: true, writable: true });
    switch (c.kind) {
      case "remove":
        if (place.parent === root) break;
        if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
        else delete place.parent[place.key as string];
        break;
      case "retype":
        set(structuredClone(c.value));
        break;
      case "extra": {
        const objects = all.map((p) => (p.parent as Record<string | number, unknown>)[p.key]).filter((v) => typeof v === "object" && v !== null && !Array.isArray(v));
        const target = (objects[c.at % Math.max(1, objects.length)] ?? root.request) as Record<string, unknown>;
        if (typeof target === "object" && target !== null) Object.defineProperty(target, c.key, { value: structuredClone(c.value), enumerable: true, configurable: true, writable: true });
        break;
      }
      case "path":
        set(context.outsidePaths[c.path % context.outsidePaths.length]);
        break;
      case "oversize":
        set(c.value);
        break;
      case "long-text": {
        const texts = all.filter((p) => p.key === "text" && typeof (p.parent as Record<string, unknown>).text === "string");
        if (texts.length > 0) {
          const text = texts[c.at % texts.length];
          (text.parent as Record<string, unknown>).text = "word ".repeat(Math.ceil(c.length / 5)).trim();
        }
        break;
      }
    }
  }
  return root.request;
}

/// Requests each channel's contract accepts, with names from the running app.
function validRequests(context: PayloadContext): Record<Channel, fc.Arbitrary<unknown>> {
  const handle = fc.constantFrom(...context.handles);
  const token = context.tokens.length > 0 ? fc.constantFrom(...context.tokens) : fc.uuid();
  const recoveryId = context.recoveryIds.length > 0 ? fc.oneof(fc.constantFrom(...context.recoveryIds), fc.uuid()) : fc.uuid();
  const article = fc.constantFrom(...context.articles);
  const revision = fc.nat({ max: 1_000 });
  // PDF is left to the export tests: printing starts a browser.
  const formats = fc.subarray(exportFormats.filter((f) => f !== "pdf"), { minLength: 1 });
  const empty = fc.constant({});
  return {
    "document:new": empty,
    "document:open": fc.record({ recent: token }, { requiredKeys: [] }),
    "document:save": fc.record({ handle, article, revision }),
    "document:save-as": fc.record({ handle, article, revision }),
    "document:state": fc.record({ handle, revision, edited: fc.boolean() }),
    "document:snapshot": fc.record({
      requestId: fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 })),
      snapshot: fc.option(fc.record({ handle, revision, edited: fc.boolean(), article }), { nil: null }),
    }),
    "document:close": fc.record({ handle }),
    "document:reload": fc.record({ handle }),
    "document:disk-version": fc.record({ handle }),
    "review:compare-file": fc.record({ handle }),
    "document:import": empty,
    "template:list": empty,
    "template:new": fc.record({ template: token }),
    "template:choose-folder": fc.record({ clear: fc.constant(true as const) }, { requiredKeys: [] }),
    "export:run": fc.record(
      { handle, article, formats, folder: token, existing: fc.constantFrom("replace", "keep-both") },
      { requiredKeys: ["handle", "article", "formats"] },
    ),
    "export:show-in-folder": empty,
    "recovery:list": empty,
    "recovery:restore": fc.record({ id: recoveryId }),
    "recovery:discard": fc.record({ id: recoveryId }),
    "recent:list": empty,
    "recent:clear": empty,
    "settings:get": empty,
    "settings:set": fc.record(
      {
        theme: fc.constantFrom("system", "light", "dark"),
        smartQuotes: fc.boolean(),
        spellcheckLanguage: fc.option(fc.constantFrom("en", "fr-FR", "de"), { nil: null }),
        exportFormats: fc.subarray([...exportFormats]),
        personalDictionary: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 }),
        newsroomWords: fc.array(fc.string({ minLength: 1, maxLength: 20 }), { maxLength: 5 }),
        versionPruning: fc.record({ keepAllDays: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }) }),
      },
      { requiredKeys: [] },
    ),
    "app:info": empty,
    "asset:choose-image": fc.record({ handle }),
    "asset:add": fc.record({ handle, data: fc.oneof(fc.constant(context.imageBase64), fc.base64String({ minLength: 4, maxLength: 200 })) }),
    "link:open": fc.record({
      href: fc.oneof(fc.webUrl(), fc.constantFrom("mailto:desk@example.com", "mailto:?attach=/etc/passwd", "javascript:alert(1)", "https://user:pw@example.com/", "https://example.com/\u202e")),
    }),
    "style:choose-guide-folder": fc.record({ clear: fc.constant(true as const) }, { requiredKeys: [] }),
    "style:guide": empty,
    "desk:open": empty,
    "desk:stories": fc.record({ desk: token }),
    "desk:search": fc.record({ desk: token, query: fc.string({ maxLength: 50 }) }),
    "desk:open-story": fc.record({ desk: token, story: fc.oneof(fc.constantFrom("story.article", "../outside.article", "/etc/passwd"), fc.string({ minLength: 1, maxLength: 50 })) }),
    "desk:close": fc.record({ desk: token }),
    "newsroom:stories": fc.record({ server: fc.oneof(fc.constantFrom("ws://127.0.0.1:1", "wss://newsroom.example.org/", "ws://evil.example.org"), fc.string({ minLength: 1, maxLength: 50 })) }),
  };
}

/// Requests for one channel: a near-valid one changed one to three times (most), any JSON value,
/// a value of the wrong type, or the valid request as it is.
export function requestsFor(channel: Channel, context: PayloadContext): fc.Arbitrary<unknown> {
  const valid = validRequests(context)[channel];
  return fc.oneof(
    { arbitrary: fc.tuple(valid, fc.array(change, { minLength: 1, maxLength: 3 })).map(([request, changes]) => applyChanges(request, changes, context)), weight: 6 },
    { arbitrary: anyJson, weight: 2 },
    { arbitrary: fc.oneof(oddScalar, fc.constant(undefined), fc.array(oddScalar, { maxLength: 3 })), weight: 1 },
    { arbitrary: valid, weight: 1 },
  );
}

/// `perChannel` requests for each of `channels`, interleaved, the same for the same seed and context.
export function fuzzRequests(channels: readonly Channel[], perChannel: number, context: PayloadContext, seed: number): FuzzRequest[] {
  const byChannel = channels.map((channel, i) => fc.sample(requestsFor(channel, context), { numRuns: perChannel, seed: seed + i }));
  const requests: FuzzRequest[] = [];
  for (let n = 0; n < perChannel; n++) channels.forEach((channel, i) => requests.push({ channel, payload: byChannel[i][n] }));
  return requests;
}
