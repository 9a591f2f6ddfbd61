import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { fieldText, type Article } from "../../shared/article";
import { articleFromFileJSON, parseArticleFile } from "../../shared/article-file";
import type { TemplateEntry, TemplateList } from "../../shared/ipc";
import { withoutReview } from "../../shared/review/published";
import type { NewsroomSettings } from "../../shared/settings";
import { builtInTemplateFiles } from "../../shared/templates/built-in";
import { UserFacingError } from "./errors";
import { FileRefused, readRegularFile } from "./regular-file";

// Story templates (File > New from Template…): the built-in ones that ship with Copydesk
// (shared/templates/built-in.ts, made by scripts/make-templates.ts) and the newsroom's own,
// the .article files of the templates folder in Settings. A template is an article like any
// other; a story started from one gets its structure and metadata with an identity of its own.

/// At most this many templates are read from a folder, each at most this large (a template is a
/// skeleton: a large one is a story saved in the wrong place).
const maxFolderTemplates = 200;
const maxTemplateBytes = 10 * 1024 * 1024;

/// Where a template comes from: the app, or a file of the templates folder.
export type TemplateSource = { kind: "built-in"; name: string } | { kind: "file"; path: string };

/// A template as read: its name, and its article or why it cannot be used.
export interface ReadTemplate {
  source: TemplateSource;
  name: string;
  article: Article | null;
  problems: string[];
}

/// The built-in templates, each checked as a file is (a broken one is listed, never thrown).
export function builtInTemplates(): ReadTemplate[] {
  return builtInTemplateFiles.map(({ name, file }) => {
    const result = articleFromFileJSON(file);
    return { source: { kind: "built-in", name }, name, article: result.ok ? result.article : null, problems: result.ok ? [] : result.errors };
  });
}

/// The templates of a folder (its .article files, not its sub-folders), by name; what could not be
/// read is listed with its problem, and a folder that cannot be read is said so.
export async function folderTemplates(folder: string): Promise<{ templates: ReadTemplate[]; problem: string | null }> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => /\.article$/i.test(name)).sort((a, b) => a.localeCompare(b));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a folder" : code === "EACCES" ? "cannot be read (permission denied)" : (e as Error).message;
    return { templates: [], problem: `The templates folder ${folder} ${why}.` };
  }
  const problem = names.length > maxFolderTemplates ? `The templates folder has ${names.length} templates; only the first ${maxFolderTemplates} are listed.` : null;
  const templates: ReadTemplate[] = [];
  for (const name of names.slice(0, maxFolderTemplates)) templates.push(await readTemplateFile(join(folder, name)));
  return { templates, problem };
}

/// One template file, read and checked as File > Open would.
export async function readTemplateFile(path: string): Promise<ReadTemplate> {
  const source: TemplateSource = { kind: "file", path };
  const name = basename(path).replace(/\.article$/i, "");
  try {
    const { bytes } = await readRegularFile(path, maxTemplateBytes, "larger than 10 MB, too large for a template");
    const result = parseArticleFile(bytes);
    return result.ok ? { source, name, article: result.article, problems: [] } : { source, name, article: null, problems: result.errors };
  } catch (e) {
    return { source, name, article: null, problems: [e instanceof FileRefused ? `${e.reason}.` : (e as Error).message] };
  }
}

/// How the dialog describes a template: its genre as the story type ("News" without one), and its
/// editor's note, or else its standfirst or kicker.
export function describeTemplate(template: ReadTemplate): Omit<TemplateEntry, "id"> {
  const { article } = template;
  const described = { name: template.name, builtIn: template.source.kind === "built-in", problems: template.problems };
  if (!article) return { ...described, storyType: "", description: "" };
  const description = article.meta.ednote.trim() || fieldText(article.doc, "standfirst").trim() || fieldText(article.doc, "kicker").trim();
  return { ...described, storyType: article.meta.genre?.name || "News", description };
}

/// A new story from a template: its words, structure and metadata, with an identity of its own (a
/// fresh id, created and updated now, version 1, never published), status draft, no review (notes,
/// versions, workflow log), the newsroom's rights where the template leaves them empty, and no
/// editor's note (a template's describes the template). A template saved from a story with notes
/// or suggestions gives their words as accepted, without their marks, which would name no thread.
export function storyFromTemplate(template: Article, newsroom: Pick<NewsroomSettings, "copyrightHolder" | "copyrightNotice" | "usageTerms">, now = new Date()): Article {
  const time = now.toISOString();
  const { checkIgnores: _ignored, ...meta } = template.meta;
  const { doc, assets } = withoutReview(template);
  return {
    meta: {
      ...meta,
      id: randomUUID(),
      status: "draft",
      created: time,
      updated: time,
      embargo: null,
      ednote: "",
      signOff: "",
      version: 1,
      firstPublished: null,
      published: null,
      copyrightHolder: meta.copyrightHolder || newsroom.copyrightHolder,
      copyrightNotice: meta.copyrightNotice || newsroom.copyrightNotice,
      usageTerms: meta.usageTerms || newsroom.usageTerms,
    },
    doc,
    assets,
  };
}

/// The templates windows are shown, each by a token main gave (a window never names a path).
export class TemplateLibrary {
  private readonly sources = new Map<string, TemplateSource>();
  private readonly tokens = new Map<string, string>();

  /// The built-in templates, then the folder's (when Settings names one).
  async list(folder: string | null): Promise<TemplateList> {
    const fromFolder = folder ? await folderTemplates(folder) : { templates: [], problem: null };
    const templates = [...builtInTemplates(), ...fromFolder.templates].map((template) => ({ id: this.tokenFor(template.source), ...describeTemplate(template) }));
    return { folder, problem: fromFolder.problem, templates };
  }

  /// A new story from the template behind a token, read again (the file may have changed since it was listed).
  async story(token: string, newsroom: NewsroomSettings, now = new Date()): Promise<Article> {
    const source = this.sources.get(token);
    if (!source) throw new UserFacingError("invalid-request", "Copydesk did not list that template: choose one in File > New from Template….");
    const template = source.kind === "built-in" ? builtInTemplates().find((t) => t.name === source.name) : await readTemplateFile(source.path);
    if (!template?.article) {
      throw new UserFacingError("invalid-article", `The template ${template?.name ?? ""} cannot be used.`.replace("  ", " "), template?.problems ?? []);
    }
    return storyFromTemplate(template.article, newsroom, now);
  }

  /// The same token each time for the same template.
  private tokenFor(source: TemplateSource): string {
    const key = source.kind === "built-in" ? `built-in\n${source.name}` : `file\n${source.path}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = randomUUID();
      this.tokens.set(key, token);
      this.sources.set(token, source);
    }
    return token;
  }
}
