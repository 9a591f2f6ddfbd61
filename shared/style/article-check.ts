import type { Node as PMNode } from "prosemirror-model";
import type { ArticleMeta, CheckIgnore } from "../article";
import { fields, type FieldName } from "../fields";
import type { BlockResult, LanguageRules } from "./guide";
import type { BlockMatch } from "./rule";
import { textWithoutDeleted } from "../review/deleted-text";

// Checks a whole article: every text block of every field, block by block (so the editor can
// keep each block's result while it is unchanged), then the article-wide rules, less what the
// editor ignored.

/// One text block of the article (a paragraph, the headline, a caption…) and where it stands.
export interface TextBlock {
  node: PMNode;
  /// The document position just before the block (its text starts at pos + 1).
  pos: number;
  field: FieldName;
  /// Its number within the field, from 1 ("body ¶3").
  index: number;
  /// True for a table's cell: figures and names in a grid, not a sentence, so the house style's
  /// rules (numbers in words, no sentence starting with a figure…) do not apply to it; spelling does.
  cell: boolean;
}

/// The house style's matches of one block (none for a table's cell).
export function checkTextBlock(rules: LanguageRules, block: TextBlock, text: string): BlockResult {
  return block.cell ? { matches: [], uses: [] } : rules.checkBlock(text, block.field);
}

/// A match with its place in the article.
export interface ArticleMatch extends BlockMatch {
  field: FieldName;
  /// The block's number within the field, from 1.
  block: number;
  /// Document positions of the match.
  pos: { from: number; to: number };
}

/// The text of a block as the checks see it: one character per position, words a suggestion
/// deletes blanked out (they are not in the story).
export function blockText(node: PMNode): string {
  return textWithoutDeleted(node, "\ufffc", "\ufffc");
}

/// The text blocks of the article, in document order (related links are not text).
export function textBlocks(doc: PMNode): TextBlock[] {
  const blocks: TextBlock[] = [];
  doc.forEach((field, offset) => {
    const name = field.type.name as FieldName;
    if (!(name in fields) || name === "related") return;
    if (field.isTextblock) {
      blocks.push({ node: field, pos: offset, field: name, index: 1, cell: false });
      return;
    }
    let index = 0;
    field.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      blocks.push({ node, pos: offset + 1 + pos, field: name, index: ++index, cell: node.type.name === "table_cell" });
      return false;
    });
  });
  return blocks;
}

/// Characters of a block kept before an ignored match, to find the same place again.
const contextLength = 30;

/// How an ignore names one match: the rule, the text and what stands before it in its block.
export function ignoreFor(match: Pick<BlockMatch, "rule" | "from" | "text">, text: string): CheckIgnore {
  return { rule: match.rule, text: match.text, context: text.slice(Math.max(0, match.from - contextLength), match.from) };
}

/// A test of whether a match of a block is ignored: its rule is, or its text with what stands
/// just before it (text added further back in the block does not matter).
export function ignoredTest(ignores: readonly CheckIgnore[] | undefined): (match: BlockMatch, text: string) => boolean {
  if (!ignores?.length) return () => false;
  const rules = new Set(ignores.filter((i) => i.text === undefined).map((i) => i.rule));
  const places = ignores.filter((i) => i.text !== undefined);
  return (match, text) => {
    if (rules.has(match.rule)) return true;
    if (places.length === 0) return false;
    const before = ignoreFor(match, text).context ?? "";
    return places.some((p) => p.rule === match.rule && p.text === match.text && before.endsWith(p.context ?? ""));
  };
}

/// Every match in an article: `results` gives (and may cache) each block's result.
export function checkBlocks(
  blocks: readonly TextBlock[],
  rules: LanguageRules,
  meta: Pick<ArticleMeta, "checkIgnores">,
  results: (block: TextBlock) => BlockResult = (block) => checkTextBlock(rules, block, blockText(block.node)),
): ArticleMatch[] {
  const perBlock = blocks.map(results);
  const wide = rules.articleMatches(perBlock);
  const ignored = ignoredTest(meta.checkIgnores);
  const found: ArticleMatch[] = [];
  blocks.forEach((block, i) => {
    const own = perBlock[i].matches;
    const extra = wide.get(i);
    const matches = extra ? [...own, ...extra].sort((a, b) => a.from - b.from) : own;
    if (matches.length === 0) return;
    const text = blockText(block.node);
    for (const match of matches) {
      if (ignored(match, text)) continue;
      const start = block.pos + 1;
      found.push({ ...match, field: block.field, block: block.index, pos: { from: start + match.from, to: start + match.to } });
    }
  });
  return found;
}

/// Every match of the house style in an article's document.
export function checkArticle(doc: PMNode, meta: Pick<ArticleMeta, "checkIgnores">, rules: LanguageRules): ArticleMatch[] {
  return checkBlocks(textBlocks(doc), rules, meta);
}
