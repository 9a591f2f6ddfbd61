import { parseArgs } from "node:util";
import nspell from "nspell";
import { version } from "../../package.json";
import type { Article } from "../../shared/article";
import { blockText, checkArticle, ignoredTest, textBlocks, type ArticleMatch } from "../../shared/style/article-check";
import { defaultGuideSources } from "../../shared/style/default-guides";
import { StyleGuide } from "../../shared/style/guide";
import { guideFromSources } from "../../shared/style/rule-file";
import { reported, sarifLog, textLine, type ReportedMatch, type ReportedRule } from "../../shared/style/report";
import { acceptedWords, dictionaryFor, misspellings, spellingMatch, spellingRule, type DictionaryName, type Speller } from "../../shared/style/spelling";
import { readArticleFile } from "./article-io";
import { UserFacingError } from "./errors";
import { readStyleGuideFolder } from "./style-guide-files";

// `copydesk check FILE... [--guide DIR] [--format text|json|sarif] [--suggest]`: the house style
// (the default guide of the article's language, with a newsroom's guide over it) and spelling,
// as the editor checks them. Exit 1 when an error-level match remains or a file is refused.

type Print = (line: string) => void;

export const checkUsage = `  copydesk check FILE... [--guide DIR] [--format text|json|sarif] [--suggest]
                                   check articles against the house style and spelling
                                   (--guide: a newsroom's style guide folder over the defaults;
                                   --suggest: the dictionary's suggestions for misspelled words)`;

const formats = ["text", "json", "sarif"] as const;

/// The dictionaries' packages, loaded on first use (each is an ES module that reads its files).
const dictionaryPackages: Record<DictionaryName, () => Promise<{ default: { aff: Uint8Array; dic: Uint8Array } }>> = {
  en: () => import("dictionary-en"),
  "en-gb": () => import("dictionary-en-gb"),
  fr: () => import("dictionary-fr"),
  de: () => import("dictionary-de"),
  es: () => import("dictionary-es"),
};

const spellers = new Map<DictionaryName, Promise<Speller>>();

/// The speller of a dictionary, loaded once per run.
export function spellerFor(name: DictionaryName): Promise<Speller> {
  let speller = spellers.get(name);
  if (!speller) spellers.set(name, (speller = dictionaryPackages[name]().then(({ default: files }) => nspell({ aff: Buffer.from(files.aff), dic: Buffer.from(files.dic) }))));
  return speller;
}

/// The house-style and spelling matches of an article (spelling suggestions only when asked: they are slow).
export async function checkArticleFully(article: Article, guide: StyleGuide, options: { suggest?: boolean } = {}): Promise<ArticleMatch[]> {
  const language = article.meta.language || "en";
  const matches = checkArticle(article.doc, article.meta, guide.forLanguage(language));
  const dictionary = dictionaryFor(language);
  if (!dictionary) return matches;
  const speller = await spellerFor(dictionary);
  const accepted = acceptedWords(article.doc, article.meta);
  const ignored = ignoredTest(article.meta.checkIgnores);
  for (const block of textBlocks(article.doc)) {
    const text = blockText(block.node);
    for (const word of misspellings(text, speller, accepted)) {
      if (ignored(spellingMatch(word, [], dictionary), text)) continue;
      const match = spellingMatch(word, options.suggest ? speller.suggest(word.text.replace(/’/g, "'")) : [], dictionary);
      const start = block.pos + 1;
      matches.push({ ...match, field: block.field, block: block.index, pos: { from: start + match.from, to: start + match.to } });
    }
  }
  return matches.sort((a, b) => a.pos.from - b.pos.from);
}

/// The guide of a run: the defaults, with the newsroom's folder over them when given.
export async function guideFor(folder: string | undefined): Promise<{ guide: StyleGuide; problems: string[] }> {
  const custom = await readStyleGuideFolder(folder ?? null);
  const guide = guideFromSources(defaultGuideSources, custom.files);
  return { guide, problems: [...custom.errors, ...guide.errors] };
}

/// `copydesk check FILE... --guide DIR --format text|json|sarif`.
export async function checkCommand(args: string[], out: Print, err: Print): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { guide: { type: "string" }, format: { type: "string" }, suggest: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (e) {
    err(`copydesk check: ${(e as Error).message}`);
    return 2;
  }
  const files = parsed.positionals;
  const format = (parsed.values.format ?? "text") as (typeof formats)[number];
  if (files.length === 0) {
    err("copydesk check: name at least one article file");
    return 2;
  }
  if (!formats.includes(format)) {
    err(`copydesk check: unknown format "${format}"; choose from ${formats.join(", ")}`);
    return 2;
  }
  const { guide, problems } = await guideFor(parsed.values.guide);
  if (parsed.values.guide && problems.some((p) => p.startsWith("The style guide folder"))) {
    for (const problem of problems) err(`copydesk check: ${problem}`);
    return 2;
  }
  for (const problem of problems) err(`guide: ${problem}`);
  let failed = false;
  const all: ReportedMatch[] = [];
  for (const file of files) {
    try {
      const { article } = await readArticleFile(file);
      const matches = reported(file, await checkArticleFully(article, guide, { suggest: parsed.values.suggest === true }));
      if (matches.some((m) => m.level === "error")) failed = true;
      all.push(...matches);
      if (format === "text") {
        for (const m of matches) out(textLine(m));
        const count = (level: string) => matches.filter((m) => m.level === level).length;
        err(`${file}: ${count("error")} errors, ${count("warning")} warnings, ${count("suggestion")} suggestions`);
      }
    } catch (e) {
      failed = true;
      const details = e instanceof UserFacingError && e.details ? ` ${e.details.join(" ")}` : "";
      err(`${file}: ${(e as Error).message}${details}`);
    }
  }
  if (format === "json") out(JSON.stringify(all, null, 2));
  if (format === "sarif") out(JSON.stringify(sarifLog(all, rulesOf(guide), { version, informationUri: "https://copydesk.example/" }), null, 2));
  return failed ? 1 : 0;
}

/// Every rule of the guide, and spelling, as the SARIF log describes them.
function rulesOf(guide: StyleGuide): ReportedRule[] {
  const rules = guide.rules.map((r) => ({ id: r.spec.id, level: r.spec.level, description: r.spec.description ?? r.spec.message.replace(/\{\w+\}/g, "…") }));
  return [...rules, { id: spellingRule, level: "warning", description: "A word the dictionary of the article's language does not know." }];
}
