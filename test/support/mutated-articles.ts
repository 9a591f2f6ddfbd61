import fc from "fast-check";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { serializeArticle } from "../../shared/article-file";
import { maxDocDepth } from "../../shared/doc-check";
import { schema } from "../../shared/schema";
import { sampleArticles } from "./arbitrary-article";
import { nestedListFile } from "./hostile-articles";
import { seedArticlePath } from "./seed-article";

// Mutated `.article` files for the file-format fuzz (test/unit/fuzz/article-files.test.ts): real
// article files (the reference article, generated ones with every kind of block and an embedded
// image, a list nested 30 levels deep) changed as a damaged disk, a careless script or an attacker
// would: JSON fields removed, retyped, duplicated, swapped, nested thousands of levels deep, made
// megabytes long, given odd Unicode; asset keys and data broken; versions and formats changed;
// then bytes flipped, inserted, cut out or the file truncated. Each mutation is a plain value, so
// fast-check shrinks a failing file to the few mutations that matter.

/// An article file to start from.
export interface SourceFile {
  name: string;
  text: string;
}

/// The article files mutations start from: the reference article, four generated articles and a deeply nested list.
export function sourceArticleFiles(): SourceFile[] {
  return [
    { name: "the reference article", text: readFileSync(seedArticlePath, "utf8") },
    ...sampleArticles(4).map((article, i) => ({ name: `generated article ${i + 1}`, text: serializeArticle(article) })),
    { name: "a list nested 30 levels deep", text: nestedListFile(30) },
  ];
}

/// Odd values a field may be given instead of its own: every JSON type, and values near the valid ones.
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -0, "", " ", "0", "null", "doc", "paragraph", "text", "asset:", "https://example.com/"),
  fc.constantFrom([], {}, [null], [""], { type: "text" }, { type: "paragraph", content: "text" }, { text: "" }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 20 }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);

/// Unicode that trips up text handling: lone surrogates, byte-order marks, zero-width and bidi
/// controls, NUL and other controls, noncharacters, combining marks, characters outside the BMP.
const oddUnicode = fc.constantFrom(
  "\ud800",
  "\udfff",
  "\udc00\ud800",
  "\ufeff",
  "\u200b\u200c\u200d",
  "\u202e\u2066",
  "\u0000",
  "\u0007\u001b[31m",
  "\uffff\ufffe",
  "e\u0301\u0301\u0301\u0301",
  "😀👩‍👩‍👧",
  "\u2028\u2029",
  "𝕏",
  "\\",
  '"',
  "ا\u0640\u0640\u0640",
);

/// Node and mark names, for putting a valid name in the wrong place.
const typeNames = fc.constantFrom(...Object.keys(schema.nodes), ...Object.keys(schema.marks), "script", "__proto__", "constructor");

const assetProblems = [
  "key not hex",
  "key uppercase",
  "key short",
  "key path",
  "data not base64",
  "data not an image",
  "data truncated",
  "data with spaces",
  "type wrong",
  "type svg",
  "bytes changed",
  "extra field",
  "huge data",
] as const;

/// One change to a file, picked by numbers that stay valid as the file changes (`at` picks a place modulo their count).
export type Mutation =
  | { kind: "remove"; at: number }
  | { kind: "retype"; at: number; value: unknown }
  | { kind: "duplicate"; at: number }
  | { kind: "swap"; at: number; other: number }
  | { kind: "deep"; at: number; levels: number; shape: "array" | "object" | "quote" | "list" }
  | { kind: "huge"; at: number; length: number; unit: string }
  | { kind: "unicode"; at: number; odd: string; offset: number; inKey: boolean }
  | { kind: "rename-type"; at: number; type: string }
  | { kind: "retext"; at: number; odd: string; offset: number; repeat: number }
  | { kind: "asset"; problem: (typeof assetProblems)[number] }
  | { kind: "version"; value: unknown }
  | { kind: "format"; value: unknown }
  | { kind: "extra"; at: number; key: string; value: unknown };

/// One change to the file's bytes, after the JSON ones: `at` is a place in the file as a fraction of its length.
export type ByteMutation =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "insert"; at: number; bytes: readonly number[] }
  | { kind: "cut"; at: number; length: number }
  | { kind: "truncate"; at: number };

/// A mutated file: where it came from, what was done, and its bytes.
export interface MutatedFile {
  source: string;
  mutations: Mutation[];
  byteMutations: ByteMutation[];
  bytes: Uint8Array;
}

const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("remove" as const), at }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("retype" as const), at, value: oddValue }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("swap" as const), at, other: at }), weight: 2 },
  {
    arbitrary: fc.record({
      kind: fc.constant("deep" as const),
      at,
      levels: fc.oneof(fc.integer({ min: maxDocDepth - 4, max: maxDocDepth + 4 }), fc.integer({ min: 100, max: 20_000 })),
      shape: fc.constantFrom("array" as const, "object" as const, "quote" as const, "list" as const),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant("huge" as const),
      at,
      length: fc.oneof(fc.integer({ min: 1_000, max: 100_000 }), fc.integer({ min: 1_000_000, max: 3_000_000 })),
      unit: fc.constantFrom("a", "word ", "\u00e9", "😀", "\u200b", "<b>", "\\n"),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant("unicode" as const), at, odd: oddUnicode, offset: fc.nat(), inKey: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("rename-type" as const), at, type: typeNames }), weight: 2 },
  // Odd text where the article's words are: the file should stay valid and keep it exactly.
  {
    arbitrary: fc.record({ kind: fc.constant("retext" as const), at, odd: oddUnicode, offset: fc.nat(), repeat: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 200_000 })) }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant("asset" as const), problem: fc.constantFrom(...assetProblems) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("version" as const), value: fc.oneof(oddValue, fc.constantFrom(0, 1, 2, -1, 1.0000001, 2 ** 53, "1")) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant("format" as const), value: fc.oneof(oddValue, fc.constantFrom("copydesk.article ", "COPYDESK.ARTICLE", "copydesk.recovery")) }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant("extra" as const), at, key: fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom("__proto__", "constructor", "toString", "marks", "attrs", "k".repeat(100_000))), value: oddValue }),
    weight: 1,
  },
);

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.oneof(
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 }),
      // Invalid and overlong UTF-8, a BOM, a NUL.
      fc.constantFrom([0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xef, 0xbb, 0xbf], [0x00], [0xf4, 0x90, 0x80, 0x80]),
    ),
  }),
  fc.record({ kind: fc.constant("cut" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

/// Mutated article files: one of `sources`, one to four JSON changes and, one time in three, up to three byte changes.
export function mutatedArticleFile(sources: SourceFile[]): fc.Arbitrary<MutatedFile> {
  return fc
    .record({
      source: fc.nat(sources.length - 1),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
      byteMutations: fc.oneof({ arbitrary: fc.constant([] as ByteMutation[]), weight: 2 }, { arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 3 }), weight: 1 }),
    })
    .map(({ source, mutations, byteMutations }) => {
      const file = sources[source];
      return { source: file.name, mutations, byteMutations, bytes: mutateArticleFile(file.text, mutations, byteMutations) };
    });
}

/// The bytes of an article file after these mutations: a failure's file, made again from what its message lists.
export function mutateArticleFile(text: string, mutations: Mutation[], byteMutations: ByteMutation[] = []): Uint8Array {
  return applyBytes(applyJson(text, mutations), byteMutations);
}

/// A short account of a mutated file, for a failure message.
export function describeMutated(file: MutatedFile): string {
  const shortened = (m: unknown) => JSON.stringify(m, (_k, v: unknown) => (typeof v === "string" && v.length > 40 ? `${v.slice(0, 40)}…` : v));
  return `${file.source}, ${file.bytes.byteLength} bytes; mutations ${shortened(file.mutations)}; bytes ${shortened(file.byteMutations)}`;
}

type Json = unknown;
type Container = Record<string, Json> | Json[];

/// A place in the JSON tree: the container and the key or index of a value in it.
interface Place {
  parent: Container;
  key: string | number;
}

/// Every value's place in the tree, in document order, found without recursion.
function places(root: Json): Place[] {
  const found: Place[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        found.push({ parent: value, key: i });
        stack.push(value[i]);
      }
    } else if (typeof value === "object" && value !== null) {
      for (const key of Object.keys(value).reverse()) {
        found.push({ parent: value as Record<string, Json>, key });
        stack.push((value as Record<string, Json>)[key]);
      }
    }
  }
  return found;
}

const read = (place: Place): Json => (place.parent as Record<string | number, Json>)[place.key];
const write = (place: Place, value: Json): void => {
  (place.parent as Record<string | number, Json>)[place.key] = value;
};
const remove = (place: Place): void => {
  if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
  else delete place.parent[place.key as string];
};

/// Text spliced into the file where a marker string stands (nesting JSON.stringify cannot write, duplicate keys).
class Splices {
  private readonly texts = new Map<string, string>();

  /// A string to put in the tree; the file gets `raw` in its place.
  marker(raw: string): string {
    const marker = `\u0001splice${this.texts.size}\u0001`;
    this.texts.set(JSON.stringify(marker), raw);
    return marker;
  }

  apply(text: string): string {
    let out = text;
    for (const [quoted, raw] of this.texts) out = out.split(quoted).join(raw);
    return out;
  }
}

function nested(levels: number, shape: "array" | "object" | "quote" | "list"): string {
  switch (shape) {
    case "array":
      return "[".repeat(levels) + "]".repeat(levels);
    case "object":
      return '{"a":'.repeat(levels) + "1" + "}".repeat(levels);
    case "quote":
      return '{"type":"blockquote","content":['.repeat(levels) + '{"type":"paragraph","content":[{"type":"text","text":"deep"}]}' + "]}".repeat(levels);
    case "list":
      return '{"type":"bullet_list","content":[{"type":"list_item","content":[{"type":"paragraph"},'.repeat(levels) + '{"type":"paragraph"}' + "]}]}".repeat(levels);
  }
}

function insertAt(text: string, odd: string, offset: number): string {
  const i = text.length === 0 ? 0 : offset % (text.length + 1);
  return text.slice(0, i) + odd + text.slice(i);
}

/// The JSON changes, applied in order to the parsed file, and the file written again as the app would (two-space indents).
function applyJson(text: string, mutations: Mutation[]): string {
  const root = JSON.parse(text) as Record<string, Json>;
  const splices = new Splices();
  for (const m of mutations) {
    const all = places(root);
    const place = all.length > 0 && "at" in m ? all[m.at % all.length] : null;
    switch (m.kind) {
      case "remove":
        if (place) remove(place);
        break;
      case "retype":
        if (place) write(place, structuredClone(m.value));
        break;
      case "duplicate":
        if (!place) break;
        if (Array.isArray(place.parent)) place.parent.splice(place.key as number, 0, structuredClone(read(place)));
        // The same key twice in one object: JSON.parse keeps the second.
        else place.parent[splices.marker(JSON.stringify(place.key))] = structuredClone(read(place));
        break;
      case "swap": {
        const other = all[m.other % all.length];
        if (!place || !other) break;
        const a = read(place);
        const b = read(other);
        // A value swapped into its own descendant would make a cycle: copy instead.
        write(place, structuredClone(b));
        write(other, structuredClone(a));
        break;
      }
      case "deep":
        if (place) write(place, splices.marker(nested(m.levels, m.shape)));
        break;
      case "huge":
        if (place) write(place, m.unit.repeat(Math.ceil(m.length / m.unit.length)));
        break;
      case "unicode": {
        if (!place) break;
        const value = read(place);
        if (m.inKey && !Array.isArray(place.parent)) {
          remove(place);
          place.parent[insertAt(String(place.key), m.odd, m.offset)] = value;
        } else write(place, typeof value === "string" ? insertAt(value, m.odd, m.offset) : m.odd);
        break;
      }
      case "rename-type": {
        const typed = all.filter((p) => p.key === "type" && typeof read(p) === "string");
        if (typed.length > 0) write(typed[m.at % typed.length], m.type);
        break;
      }
      case "retext": {
        const texts = all.filter((p) => p.key === "text" && typeof read(p) === "string");
        if (texts.length > 0) {
          const place = texts[m.at % texts.length];
          write(place, insertAt(read(place) as string, m.odd.repeat(m.repeat), m.offset));
        }
        break;
      }
      case "asset":
        breakAsset(root, m.problem);
        break;
      case "version":
        root.version = structuredClone(m.value);
        break;
      case "format":
        root.format = structuredClone(m.value);
        break;
      case "extra": {
        const objects = all.map(read).filter((v): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v));
        const target = objects.length > 0 ? objects[m.at % objects.length] : root;
        // Defined as an own property, so "__proto__" is a key in the file and not a prototype.
        Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, configurable: true, writable: true });
        break;
      }
    }
  }
  return splices.apply(`${JSON.stringify(root, null, 2)}\n`);
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/// Breaks the file's first embedded image (or adds a broken one where there is none) in the way named.
function breakAsset(root: Record<string, Json>, problem: (typeof assetProblems)[number]): void {
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const assets = typeof root.assets === "object" && root.assets !== null && !Array.isArray(root.assets) ? (root.assets as Record<string, Json>) : {};
  root.assets = assets;
  let key = Object.keys(assets)[0];
  if (key === undefined) {
    key = sha256(png);
    assets[key] = { type: "image/png", data: png.toString("base64") };
  }
  const asset = (typeof assets[key] === "object" && assets[key] !== null ? assets[key] : { type: "image/png", data: "" }) as Record<string, Json>;
  const data = typeof asset.data === "string" ? asset.data : png.toString("base64");
  const rekey = (newKey: string) => {
    delete assets[key];
    assets[newKey] = asset;
  };
  switch (problem) {
    case "key not hex":
      return rekey(key.replace(/[0-9a-f]/, "g"));
    case "key uppercase":
      return rekey(key.toUpperCase());
    case "key short":
      return rekey(key.slice(0, 63));
    case "key path":
      return rekey("../../etc/passwd");
    case "data not base64":
      return void (asset.data = `${data.slice(0, 10)}!@#$${data.slice(10)}`);
    case "data not an image":
      return void (asset.data = Buffer.from("<svg onload=alert(1)>").toString("base64"));
    case "data truncated":
      return void (asset.data = data.slice(0, Math.floor(data.length / 2)));
    case "data with spaces":
      return void (asset.data = data.replace(/(.{8})/g, "$1 \n"));
    case "type wrong":
      return void (asset.type = asset.type === "image/png" ? "image/jpeg" : "image/png");
    case "type svg":
      return void (asset.type = "image/svg+xml");
    case "bytes changed": {
      const bytes = Buffer.from(data, "base64");
      bytes[bytes.length - 1] ^= 0xff;
      return void (asset.data = bytes.toString("base64"));
    }
    case "extra field":
      return void (asset.name = "photo.png");
    case "huge data":
      return void (asset.data = "A".repeat(14 * 1024 * 1024));
  }
}

/// The byte changes, applied in order to the file's UTF-8.
function applyBytes(text: string, mutations: ByteMutation[]): Uint8Array {
  let bytes = Buffer.from(text, "utf8");
  for (const m of mutations) {
    const i = Math.min(bytes.length, Math.floor(m.at * bytes.length));
    switch (m.kind) {
      case "flip":
        if (i < bytes.length) bytes[i] ^= 1 << m.bit;
        break;
      case "insert":
        bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(m.bytes), bytes.subarray(i)]);
        break;
      case "cut":
        bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + m.length)]);
        break;
      case "truncate":
        bytes = bytes.subarray(0, i);
        break;
    }
  }
  return new Uint8Array(bytes);
}
