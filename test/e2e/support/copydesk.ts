import { expect, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import type { AppHandle } from "../../../shared/app-handle";
import type { ArticleJSON } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import type { AppTarget } from "./targets";

// The page object a tester writes scenarios with, in the newsroom's words.

declare global {
  interface Window {
    copydeskApp?: AppHandle;
  }
}

/// One Copydesk window under test.
export class Copydesk {
  constructor(
    readonly target: AppTarget,
    readonly page: Page = target.page,
  ) {}

  /// Waits until the editor is ready for typing.
  async ready(): Promise<void> {
    await expect(this.page.locator("#app[data-ready=true]")).toBeVisible();
  }

  /// The editable field of that name: "kicker", "headline", "standfirst", "byline", "dateline", "tagline".
  field(name: string): Locator {
    return this.page.locator(`.article-editor .${name}`);
  }

  /// The paragraphs, subheadings and other blocks of the body.
  bodyBlocks(): Locator {
    return this.page.locator(".article-editor .body > *");
  }

  /// Puts the cursor at the end of a field.
  async focusField(name: string): Promise<void> {
    await this.field(name).click();
    await this.page.keyboard.press("End");
  }

  /// Types the headline (into an empty headline, or after what is there).
  async setHeadline(text: string): Promise<void> {
    await this.focusField("headline");
    await this.page.keyboard.type(text);
  }

  /// Types at the end of the body's last block.
  async typeInBody(text: string): Promise<void> {
    await this.bodyBlocks().last().click();
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(text);
  }

  /// Save As to that path (answering the save dialog).
  async saveAs(path: string): Promise<void> {
    await this.target.answerDialogs({ kind: "save", path });
    await this.page.keyboard.press("ControlOrMeta+Shift+S");
    await this.expectMessage(/Saved/);
  }

  /// Save; when the article is untitled, to that path.
  async save(path?: string): Promise<void> {
    if (path) await this.target.answerDialogs({ kind: "save", path });
    await this.page.keyboard.press("ControlOrMeta+S");
    await this.expectMessage(/Saved/);
  }

  /// Opens the article at that path (answering the open dialog).
  async open(path: string): Promise<void> {
    await this.target.answerDialogs({ kind: "open", path });
    await this.page.getByRole("button", { name: "Open…" }).click();
  }

  /// The article as the editor holds it now.
  async documentJson(): Promise<ArticleJSON> {
    return this.page.evaluate(() => window.copydeskApp!.articleJSON());
  }

  /// The status or error line at the bottom of the window.
  message(): Locator {
    return this.page.locator(".statusbar .message");
  }

  async expectMessage(text: RegExp | string): Promise<void> {
    await expect(this.message()).toContainText(text);
  }
}

/// Reads an article file from disk, failing the test with the validator's words when it is invalid.
export function readArticle(path: string): ArticleJSON {
  const result = parseArticleFile(readFileSync(path));
  if (!result.ok) throw new Error(`${path} is not a valid article: ${result.errors.join("; ")}`);
  const { meta, doc, assets } = result.article;
  return { meta, doc: doc.toJSON() as Record<string, unknown>, assets };
}
