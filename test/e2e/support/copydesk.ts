import { expect, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { AppHandle } from "../../../shared/app-handle";
import { keysOf, type CommandId, type KeyScope } from "../../../shared/commands";
import { platformOf } from "../../../shared/keys";
import type { CopydeskApi } from "../../../shared/ipc";
import type { ArticleJSON } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import type { AppTarget } from "./targets";

// The page object a tester writes scenarios with, in the newsroom's words.

declare global {
  interface Window {
    copydeskApp?: AppHandle;
    copydesk: CopydeskApi;
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

  /// Types into a one-line field after what is there: "kicker", "standfirst", "byline", "tagline".
  async setField(name: string, text: string): Promise<void> {
    await this.field(name).click({ position: { x: 2, y: 4 } });
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(text);
  }

  async setKicker(text: string): Promise<void> {
    await this.setField("kicker", text);
  }

  async setStandfirst(text: string): Promise<void> {
    await this.setField("standfirst", text);
  }

  async setByline(text: string): Promise<void> {
    await this.setField("byline", text);
  }

  async setTagline(text: string): Promise<void> {
    await this.setField("tagline", text);
  }

  /// Types the dateline's place, then sets its date (ISO, e.g. "2014-01-07") and agency in the dateline dialog.
  async setDateline(place: string, date: string, source = ""): Promise<void> {
    if (place) await this.setField("dateline", place);
    await this.toolbarButton("Dateline…").click();
    const dialog = this.dialog("Dateline date and source");
    await dialog.getByLabel("Date", { exact: true }).fill(date);
    await dialog.getByLabel("Source agency (optional)").fill(source);
    await dialog.getByRole("button", { name: "Apply" }).click();
    await expect(dialog).toBeHidden();
  }

  /// Puts the cursor at the end of the story, in a new empty block when the last one has text.
  async newBodyBlock(): Promise<void> {
    const block = this.bodyBlocks().last();
    const box = (await block.boundingBox())!;
    await block.click({ position: { x: box.width - 1, y: box.height - 4 } });
    await this.page.keyboard.press("End");
    const last = await block.textContent();
    if (last) await this.page.keyboard.press("Enter");
  }

  /// Adds a paragraph at the end of the story.
  async addParagraph(text: string): Promise<void> {
    await this.newBodyBlock();
    await this.page.keyboard.type(text);
  }

  /// Adds a subheading at the end of the story (Mod-Alt-2).
  async addSubheading(text: string): Promise<void> {
    await this.newBodyBlock();
    await this.page.keyboard.press("ControlOrMeta+Alt+2");
    await this.page.keyboard.type(text);
  }

  /// Adds a block quote with an optional attribution at the end of the story.
  async addQuote(text: string, attribution?: string): Promise<void> {
    await this.newBodyBlock();
    await this.page.keyboard.type(`> ${text}`);
    if (attribution) {
      await this.page.keyboard.press("ControlOrMeta+Alt+A");
      await this.page.keyboard.type(attribution);
    }
  }

  /// Adds a pull quote with an optional attribution at the end of the story.
  async addPullquote(text: string, attribution?: string): Promise<void> {
    await this.newBodyBlock();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("ControlOrMeta+Alt+P");
    if (attribution) {
      await this.page.keyboard.press("Enter");
      await this.page.keyboard.type(attribution);
    }
  }

  /// Inserts a figure at the end of the story from an image file (chosen in the open dialog) or an https address, with alt text, caption and credit.
  async addFigure(figure: { file?: string; url?: string; alt: string; caption?: string; credit?: string }): Promise<void> {
    await this.newBodyBlock();
    await this.toolbarButton("Figure…").click();
    const dialog = this.dialog("Insert figure");
    if (figure.file) {
      await this.target.answerDialogs({ kind: "open", path: figure.file });
      await dialog.getByRole("button", { name: "Choose image…" }).click();
      await expect(dialog.locator(".form-chosen")).toHaveText(basename(figure.file));
    }
    if (figure.url) await dialog.getByLabel("…or image address").fill(figure.url);
    await dialog.getByLabel("Alt text (what the image shows)").fill(figure.alt);
    if (figure.caption) await dialog.getByLabel("Caption (optional)").fill(figure.caption);
    if (figure.credit) await dialog.getByLabel("Credit (optional)").fill(figure.credit);
    await dialog.getByRole("button", { name: "Insert figure" }).click();
    await expect(dialog).toBeHidden();
  }

  /// Types text at the end of the body and links it to an address (Mod-K); returns the link.
  async addLinkInBody(text: string, href: string): Promise<Locator> {
    await this.typeInBody(text);
    for (let i = 0; i < text.length; i++) await this.page.keyboard.press("Shift+ArrowLeft");
    await this.page.keyboard.press("ControlOrMeta+K");
    const dialog = this.dialog("Add link");
    await dialog.getByLabel("Address").fill(href);
    await dialog.getByRole("button", { name: "Add link" }).click();
    await expect(dialog).toBeHidden();
    const link = this.page.locator(".article-editor .body a", { hasText: text });
    await expect(link).toHaveAttribute("href", href);
    return link;
  }

  /// Adds a related link (Mod-Alt-R opens the same dialog).
  async addRelatedLink(url: string, title: string, label = ""): Promise<void> {
    await this.page.getByRole("button", { name: "+ Add related link" }).click();
    const dialog = this.dialog("Add related link");
    await dialog.getByLabel("Address").fill(url);
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByLabel("Label (optional)").fill(label);
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /// The titles of the related links, in order.
  async relatedTitles(): Promise<string[]> {
    return this.page.locator(".article-editor .related-title").allTextContents();
  }

  /// Sets metadata in the panel; each change is one undo step.
  async setMeta(meta: { slug?: string; language?: string; tags?: string[]; status?: string; embargo?: string; wordTarget?: number }): Promise<void> {
    const panel = this.page.getByRole("complementary", { name: "Metadata" });
    if (meta.slug !== undefined) await panel.getByLabel("Slug").fill(meta.slug);
    if (meta.language !== undefined) await panel.getByLabel("Language").selectOption(meta.language);
    if (meta.tags !== undefined) await panel.getByLabel("Keywords").fill(meta.tags.join(", "));
    if (meta.status !== undefined) {
      await panel.getByLabel("Status").selectOption(meta.status);
      // A status change goes through the workflow (who and when, its code loaded on first use):
      // the next field waits until the article has it, so the undo steps keep their order.
      await expect.poll(async () => (await this.documentJson()).meta.status).toBe(meta.status);
    }
    if (meta.embargo !== undefined) await panel.getByLabel("Embargo until").fill(meta.embargo);
    if (meta.wordTarget !== undefined) await panel.getByLabel("Word target").fill(String(meta.wordTarget));
    await panel.getByLabel("Slug").focus();
  }

  /// The metadata panel beside the article.
  metaPanel(): Locator {
    return this.page.getByRole("complementary", { name: "Metadata" });
  }

  /// Unfolds a section of the metadata panel: "Story", "Wire", "Rights" or "People".
  async openMetaSection(name: "Story" | "Wire" | "Rights" | "People"): Promise<Locator> {
    const section = this.metaPanel().locator("details.meta-section", { has: this.page.locator(`summary:text-is("${name}")`) });
    if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
    await expect(section).toHaveAttribute("open", "");
    return section;
  }

  /// Sets the wire urgency, 1 (most urgent) to 9, or none.
  async setUrgency(urgency: number | null): Promise<void> {
    const wire = await this.openMetaSection("Wire");
    await wire.getByLabel("Urgency").selectOption(urgency === null ? "" : String(urgency));
  }

  /// Sets the editorial priority, 1 (highest) to 9, or none.
  async setPriority(priority: number | null): Promise<void> {
    const wire = await this.openMetaSection("Wire");
    await wire.getByLabel("Priority").selectOption(priority === null ? "" : String(priority));
  }

  /// Picks the genre by its name ("Analysis", "Obituary"), or "None".
  async setGenre(name: string): Promise<void> {
    const wire = await this.openMetaSection("Wire");
    await wire.getByLabel("Genre").selectOption({ label: name });
  }

  /// Adds a subject: types `search` in the Subjects box and picks the match named `name` (the first match when not given).
  async addSubject(search: string, name?: string): Promise<void> {
    const wire = await this.openMetaSection("Wire");
    const box = wire.getByRole("combobox", { name: "Subjects" });
    await box.fill(search);
    const matches = wire.getByRole("listbox", { name: "Matching subjects" });
    const option = name ? matches.getByRole("option").filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( in |$)`) }) : matches.getByRole("option").first();
    await expect(option.first()).toBeVisible({ timeout: 20_000 });
    const picked = (await option.first().evaluate((li) => li.firstChild?.textContent ?? "")).trim();
    await option.first().click();
    await expect(this.subjects().filter({ hasText: picked })).toHaveCount(1);
  }

  /// Adds a subject for each search, the first match of each.
  async setSubjects(searches: string[]): Promise<void> {
    for (const search of searches) await this.addSubject(search);
  }

  /// The subjects chosen, as the panel lists them.
  subjects(): Locator {
    return this.metaPanel().getByRole("list", { name: "Subjects of the story" }).getByRole("listitem");
  }

  /// Sets where the story happened; `city: "dateline"` takes the city from the dateline's place.
  async setLocated(place: { city?: string | "dateline"; region?: string; country?: string }): Promise<void> {
    const wire = await this.openMetaSection("Wire");
    const located = wire.getByRole("group", { name: "Located" });
    if (place.city === "dateline") await located.getByRole("button", { name: "From the dateline" }).click();
    else if (place.city !== undefined) await located.getByLabel("City").fill(place.city);
    if (place.region !== undefined) await located.getByLabel("Region").fill(place.region);
    if (place.country !== undefined) await located.getByLabel("Country").fill(place.country);
    await located.getByLabel("City").focus();
  }

  /// Types the sign-off and the editor's note (never published).
  async setWireNotes(notes: { signOff?: string; ednote?: string }): Promise<void> {
    const wire = await this.openMetaSection("Wire");
    if (notes.signOff !== undefined) await wire.getByLabel("Sign-off").fill(notes.signOff);
    if (notes.ednote !== undefined) await wire.getByLabel("Editor's note").fill(notes.ednote);
    await wire.getByLabel("Urgency").focus();
  }

  /// Types the story's rights; `"newsroom"` fills all three from the newsroom's defaults.
  async setRights(rights: { holder?: string; notice?: string; usageTerms?: string } | "newsroom"): Promise<void> {
    const section = await this.openMetaSection("Rights");
    if (rights === "newsroom") return section.getByRole("button", { name: "Use newsroom defaults" }).click();
    if (rights.holder !== undefined) await section.getByLabel("Copyright holder").fill(rights.holder);
    if (rights.notice !== undefined) await section.getByLabel("Copyright notice").fill(rights.notice);
    if (rights.usageTerms !== undefined) await section.getByLabel("Usage terms").fill(rights.usageTerms);
    await section.getByLabel("Copyright holder").focus();
  }

  /// Adds an author by name, then sets their role ("Writer", "Editor", "Photographer", "Contributor"), job title and e-mail.
  async addAuthor(author: { name: string; role?: string; jobTitle?: string; email?: string }): Promise<void> {
    const people = await this.openMetaSection("People");
    await people.getByLabel("New author").fill(author.name);
    await people.getByRole("button", { name: "Add author" }).click();
    const group = this.author(author.name);
    await expect(group).toBeVisible();
    if (author.role) await group.getByLabel("Role").selectOption({ label: author.role });
    if (author.jobTitle !== undefined) await group.getByLabel("Job title").fill(author.jobTitle);
    if (author.email !== undefined) await group.getByLabel("E-mail").fill(author.email);
    await group.getByLabel("Name").focus();
  }

  /// The fields of the author of that name in the People section.
  author(name: string): Locator {
    return this.metaPanel().getByRole("group", { name: new RegExp(`^Author \\d+: ${name}$`) });
  }

  /// Writes the byline from the authors' names (one undo step).
  async writeBylineFromAuthors(): Promise<void> {
    const people = await this.openMetaSection("People");
    await people.getByRole("button", { name: "Write byline from authors" }).click();
  }

  /// Edit > Newsroom Defaults…: sets the newsroom's defaults and saves them.
  async setNewsroomDefaults(defaults: { holder?: string; notice?: string; usageTerms?: string; timeZone?: string; sendEdnote?: boolean }): Promise<void> {
    await this.chooseFromMenu("newsroom-defaults");
    const dialog = this.dialog("Newsroom defaults");
    if (defaults.holder !== undefined) await dialog.getByLabel("Copyright holder").fill(defaults.holder);
    if (defaults.notice !== undefined) await dialog.getByLabel("Copyright notice").fill(defaults.notice);
    if (defaults.usageTerms !== undefined) await dialog.getByLabel("Usage terms").fill(defaults.usageTerms);
    if (defaults.timeZone !== undefined) await dialog.getByLabel("Time zone of embargo lines").selectOption(defaults.timeZone);
    if (defaults.sendEdnote !== undefined) await dialog.getByLabel("Send the editor's note in NITF and ninjs").selectOption(defaults.sendEdnote ? "yes" : "no");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  }

  /// Fills the slug from the headline (never empty: a headline in another script may wait for the transliterator).
  async useSuggestedSlug(): Promise<void> {
    await this.page.getByRole("button", { name: "Use suggested slug" }).click();
    await expect(this.page.getByRole("complementary", { name: "Metadata" }).getByLabel("Slug")).not.toHaveValue("");
  }

  /// Turns smart quotes and dashes on or off with the toolbar toggle.
  async setSmartQuotes(on: boolean): Promise<void> {
    const toggle = this.toolbarButton("Smart quotes");
    if ((await toggle.getAttribute("aria-pressed")) !== String(on)) await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", String(on));
  }

  /// A toolbar button by its name.
  toolbarButton(name: string): Locator {
    return this.page.getByRole("toolbar").getByRole("button", { name, exact: true });
  }

  /// Chooses an item of the application menu by its command in shared/commands.ts ("find" for Edit > Find…),
  /// sent to the window as the main process sends it.
  async chooseFromMenu(command: CommandId): Promise<void> {
    await this.target.menuCommand(command);
  }

  /// The find and replace bar above the article.
  findBar(): Locator {
    return this.page.getByRole("search", { name: "Find and replace" });
  }

  /// An open dialog by its title.
  dialog(title: string): Locator {
    return this.page.getByRole("dialog", { name: title });
  }

  /// Undo (Mod-Z) and redo (Mod-Shift-Z) in the editor.
  async undo(): Promise<void> {
    await this.page.keyboard.press("ControlOrMeta+Z");
  }

  async redo(): Promise<void> {
    await this.page.keyboard.press("ControlOrMeta+Shift+Z");
  }

  /// Presses a command's key as the command table gives it on this platform ("Mod-Alt-Enter" is Ctrl+Alt+Enter, or ⌘⌥Enter on a Mac).
  async pressKeyOf(command: CommandId, scope?: KeyScope): Promise<void> {
    const key = keysOf(command, platformOf(process.platform), scope)[0];
    if (!key) throw new Error(`${command} has no key`);
    await this.page.keyboard.press(key.split("-").map((part) => (part === "Mod" ? "ControlOrMeta" : part.length === 1 ? part.toUpperCase() : part)).join("+"));
  }

  /// Inserts a table at the end of the story by its shortcut: a caption line, a header row and two rows
  /// of three cells; the cursor goes to the first cell.
  async insertTable(): Promise<void> {
    await this.newBodyBlock();
    await this.pressKeyOf("insert-table");
    await expect(this.page.locator(".article-editor .table-block td").first()).toBeVisible();
  }

  /// Types into the cell (or the caption) with the cursor, replacing what Tab selected there.
  async typeInCell(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /// Tab: to the next cell; from the last cell, to a new row.
  async nextCell(): Promise<void> {
    await this.page.keyboard.press("Tab");
  }

  /// Shift-Tab: to the previous cell; from the first cell, to the caption.
  async previousCell(): Promise<void> {
    await this.page.keyboard.press("Shift+Tab");
  }

  /// Types a row of cells from the cursor on, moving with Tab between them (and after the last, to the next row).
  async typeRow(cells: string[], moveOn = true): Promise<void> {
    for (const [i, cell] of cells.entries()) {
      if (cell) await this.typeInCell(cell);
      if (moveOn || i < cells.length - 1) await this.nextCell();
    }
  }

  /// The row and column commands, by their shortcuts in a table.
  async addRowAfter(): Promise<void> {
    await this.pressKeyOf("add-row-after", "table");
  }

  async addColumnAfter(): Promise<void> {
    await this.pressKeyOf("add-column-after", "table");
  }

  async deleteRow(): Promise<void> {
    await this.pressKeyOf("delete-row", "table");
  }

  async deleteColumn(): Promise<void> {
    await this.pressKeyOf("delete-column", "table");
  }

  /// The text of each cell of the story's tables, row by row (`index`: which table, from 0).
  async tableCells(index = 0): Promise<string[][]> {
    return this.page
      .locator(".article-editor .table-block")
      .nth(index)
      .locator("tr")
      .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll("td"), (cell) => cell.textContent ?? "")));
  }

  /// The caption of the story's table (`index`: which table, from 0).
  tableCaption(index = 0): Locator {
    return this.page.locator(".article-editor .table-block").nth(index).locator(".table-caption");
  }

  /// Save As to that path (answering the save dialog).
  async saveAs(path: string): Promise<void> {
    await this.target.answerDialogs({ kind: "save", path });
    await this.expectMessageFrom(() => this.page.keyboard.press("ControlOrMeta+Shift+S"), /Saved/);
  }

  /// Save; when the article is untitled, to that path.
  async save(path?: string): Promise<void> {
    if (path) await this.target.answerDialogs({ kind: "save", path });
    await this.expectMessageFrom(() => this.page.keyboard.press("ControlOrMeta+S"), /Saved/);
  }

  /// File > Save Version… (its shortcut): names the article as it is now, and saves it.
  async saveVersion(name: string): Promise<void> {
    await this.pressKeyOf("save-version");
    const dialog = this.dialog("Save version");
    await dialog.getByLabel("Name").fill(name);
    await this.expectMessageFrom(() => dialog.getByRole("button", { name: "Save version" }).click(), /Saved/);
    await expect(dialog).toBeHidden();
  }

  /// Opens the History panel (its shortcut); answers it.
  async openHistory(): Promise<Locator> {
    await this.pressKeyOf("history");
    const panel = this.page.getByRole("complementary", { name: "History" });
    await expect(panel).toBeVisible();
    return panel;
  }

  /// The versions the History panel lists, newest first.
  historyVersions(): Locator {
    return this.page.getByRole("complementary", { name: "History" }).locator(".history-version");
  }

  /// Chooses a version in the History panel (by its name, e.g. "Desk edit" or "Saved"); answers its redline.
  async chooseVersion(version: string): Promise<Locator> {
    await this.historyVersions().filter({ hasText: version }).first().click();
    const redline = this.page.getByRole("region", { name: "Changes since this version" });
    await expect(redline).toBeVisible();
    return redline;
  }

  /// The History panel's setting for old versions (its part opened when closed): the choice of how long every version is kept.
  async versionKeeping(): Promise<Locator> {
    const part = this.page.getByRole("complementary", { name: "History" }).locator("details.history-settings");
    if ((await part.getAttribute("open")) === null) await part.locator("summary").click();
    return part.getByLabel("Keep", { exact: true });
  }

  /// Chooses how long every version is kept ("Every version, always", "Every version for 7 days, then one a day"…), with History open.
  async keepVersions(choice: string): Promise<void> {
    const keeping = await this.versionKeeping();
    await this.expectMessageFrom(() => keeping.selectOption({ label: choice }), "Old versions:");
  }

  /// File > Compare with File… on the article at that path (answering the open dialog); answers the
  /// redline of the article against it, in the Compare panel.
  async compareWith(path: string): Promise<Locator> {
    await this.target.answerDialogs({ kind: "open", path });
    await this.chooseFromMenu("compare-file");
    const redline = this.page.getByRole("region", { name: `Compared with ${basename(path)}` });
    await expect(redline).toBeVisible();
    return redline;
  }

  /// The panel that shows the article against another file or the version on disk.
  comparePanel(): Locator {
    return this.page.getByRole("complementary", { name: "Compare" });
  }

  /// Show Changes in the question about the file changed on disk: answers the redline of the window's
  /// version against the one on disk; the question stays open.
  async showDiskChanges(): Promise<Locator> {
    await this.diskChangeDialog().getByRole("button", { name: "Show Changes" }).click();
    const redline = this.page.getByRole("region", { name: "Your version against the one on disk" });
    await expect(redline).toBeVisible();
    return redline;
  }

  /// Opens the Review panel (its shortcut): every open note and suggestion; answers it.
  async openReviewPanel(): Promise<Locator> {
    await this.pressKeyOf("review-panel");
    await expect(this.reviewPanel()).toBeVisible();
    return this.reviewPanel();
  }

  /// The Review panel.
  reviewPanel(): Locator {
    return this.page.getByRole("complementary", { name: "Review" });
  }

  /// The items the Review panel lists, in its order (desk notes first, then in the order of the text).
  reviewItems(): Locator {
    return this.reviewPanel().getByRole("listitem");
  }

  /// Shows only the notes and suggestions of that person ("Everyone" for all).
  async filterReviewBy(author: string): Promise<void> {
    await this.reviewPanel().getByLabel("By", { exact: true }).selectOption({ label: author });
  }

  /// Chooses the Review panel's item that holds `words`: the cursor goes to its place in the article.
  async jumpTo(words: string): Promise<void> {
    await this.reviewItems().filter({ hasText: words }).locator(".review-go").click();
    await expect(this.page.locator(".article-editor")).toBeFocused();
  }

  /// Accepts, from the Review panel, the suggestion whose item holds `words`.
  async acceptFromReview(words: string): Promise<void> {
    await this.reviewItems().filter({ hasText: words }).getByRole("button", { name: /^Accept:/ }).click();
    await expect(this.reviewItems().filter({ hasText: words })).toHaveCount(0);
  }

  /// Restores the version whose redline the History panel shows.
  async restoreVersion(): Promise<void> {
    await this.expectMessageFrom(() => this.page.getByRole("button", { name: "Restore this version" }).click(), /Restored the version/);
  }

  /// Opens the article at that path (answering the open dialog) and waits until the window holds
  /// it, so what comes next acts on that article and not on the one it replaces.
  async open(path: string): Promise<void> {
    await this.tryOpen(path);
    await expect.poll(() => this.page.evaluate(() => window.copydeskApp!.path())).toBe(path);
  }

  /// Asks to open the file at that path and does not wait: for a file the window may refuse.
  async tryOpen(path: string): Promise<void> {
    await this.target.answerDialogs({ kind: "open", path });
    await this.page.getByRole("button", { name: "Open…" }).click();
  }

  /// The article as the editor holds it now.
  async documentJson(): Promise<ArticleJSON> {
    return this.page.evaluate(() => window.copydeskApp!.articleJSON());
  }

  /// The question the window asks when another program changed the open file while it has edits.
  diskChangeDialog(): Locator {
    return this.page.getByRole("dialog", { name: /changed on disk$/ });
  }

  /// The window's title as the journalist sees it ("• story.article — Copydesk" while edited).
  async expectTitle(title: RegExp | string): Promise<void> {
    await expect(this.page).toHaveTitle(title);
  }

  /// The status or error line at the bottom of the window.
  message(): Locator {
    return this.page.locator(".statusbar .message");
  }

  async expectMessage(text: RegExp | string): Promise<void> {
    await expect(this.message()).toContainText(text);
  }

  /// Runs `action` and waits for the message it brings: one shown since it began, holding `text`.
  /// A message stays until the next one, so `expectMessage` alone would take an earlier "Saved"
  /// for the one a second save brings.
  async expectMessageFrom(action: () => Promise<unknown>, text: RegExp | string): Promise<void> {
    const count = async () => Number((await this.message().getAttribute("data-count")) ?? 0);
    const before = await count();
    await action();
    await expect.poll(count).toBeGreaterThan(before);
    await this.expectMessage(text);
  }

  /// The house-style and spelling underlines in the article, in order.
  checkMarks(): Locator {
    return this.page.locator(".article-editor .style-mark");
  }

  /// The card of one check (on hover, or Mod-.): its message, rule, fixes and Ignore buttons.
  checkCard(): Locator {
    return this.page.getByRole("dialog", { name: "Check", exact: true });
  }

  /// Opens the card of the check at the cursor, or the next one, from the keyboard (Mod-.).
  async openCheckCard(): Promise<void> {
    await this.page.keyboard.press("ControlOrMeta+.");
    await expect(this.checkCard()).toBeVisible();
  }

  /// Applies the first fix of the check at the cursor or the next one, by keyboard: Mod-. then Enter.
  async fixNextCheck(): Promise<void> {
    await this.openCheckCard();
    await this.page.keyboard.press("Enter");
    await expect(this.checkCard()).toBeHidden();
  }

  /// Selects the first occurrence of `text` in the article, as a mouse drag would.
  async selectText(text: string): Promise<void> {
    await this.page.evaluate((wanted) => {
      const root = document.querySelector<HTMLElement>(".article-editor")!;
      root.focus();
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`"${wanted}" is not in the article`);
    }, text);
    await expect(this.toolbarButton("Add Note")).toBeEnabled();
  }

  /// The notes' margin beside the article.
  notesMargin(): Locator {
    return this.page.getByRole("complementary", { name: "Notes" });
  }

  /// The card of the note whose text (or a reply's) holds `words`.
  note(words: string): Locator {
    return this.notesMargin().locator("article.note-card:not(.draft)", { hasText: words });
  }

  /// Selects `text` in the article and adds a note on it saying `body` (Ctrl/⌘+Alt+N).
  async addNote(text: string, body: string): Promise<void> {
    await this.selectText(text);
    await this.page.keyboard.press("ControlOrMeta+Alt+N");
    await this.notesMargin().getByRole("textbox", { name: "Note" }).fill(body);
    await this.notesMargin().getByRole("button", { name: "Add note" }).click();
    await expect(this.note(body)).toBeVisible();
  }

  /// Adds a desk note, on the whole article (Insert > Desk Note…).
  async addDeskNote(body: string): Promise<void> {
    await this.chooseFromMenu("desk-note");
    await this.notesMargin().getByRole("textbox", { name: "Desk note" }).fill(body);
    await this.notesMargin().getByRole("button", { name: "Add note" }).click();
    await expect(this.note(body)).toBeVisible();
  }

  /// Files the story to the desk (File > File to Desk…, or its key), with a note for the desk when given.
  async fileToDesk(note = "", by: "menu" | "key" = "menu"): Promise<void> {
    if (by === "key") await this.pressKeyOf("file-to-desk");
    else await this.chooseFromMenu("file-to-desk");
    await this.handOff("File to desk", note, "File to Desk");
    await expect(this.statusChip()).toContainText("Filed");
  }

  /// Sends the story back to its reporter (File > Send Back to Reporter…), saying what to do when given.
  async sendBack(note = ""): Promise<void> {
    await this.chooseFromMenu("send-back");
    await this.handOff("Send back to reporter", note, "Send Back");
    await expect(this.statusChip()).toContainText("Draft");
  }

  private async handOff(title: string, note: string, button: string): Promise<void> {
    const dialog = this.dialog(title);
    if (note) await dialog.getByRole("textbox").fill(note);
    await dialog.getByRole("button", { name: button, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /// The title bar's chip: the status, and the embargo while it is still to come.
  statusChip(): Locator {
    return this.page.locator(".titlebar .status-chip");
  }

  /// Replies to the note whose text holds `words`.
  async reply(words: string, text: string): Promise<void> {
    const card = this.note(words);
    await card.getByRole("button", { name: "Reply", exact: true }).click();
    await card.getByRole("textbox", { name: "Reply" }).fill(text);
    await card.getByRole("button", { name: "Send reply" }).click();
    await expect(card).toContainText(text);
    await expect(card.getByRole("textbox", { name: "Reply" })).toHaveCount(0);
  }

  /// Resolves the note whose text holds `words`.
  async resolve(words: string): Promise<void> {
    const card = this.note(words);
    await card.getByRole("button", { name: "Resolve" }).click();
    await expect(card).toHaveClass(/resolved/);
  }

  /// Turns suggest mode on or off (the toolbar's ± Suggest) and waits for the toolbar to say so.
  async setSuggesting(on: boolean): Promise<void> {
    const toggle = this.toolbarButton("Suggest Changes");
    if ((await toggle.getAttribute("aria-pressed")) !== String(on)) await toggle.click();
    await expect(toggle).toHaveAttribute("aria-pressed", String(on));
  }

  /// Suggests replacing the first `words` in the article with `replacement` (or deleting them,
  /// with ""), in suggest mode: select, then type over them.
  async suggest(words: string, replacement: string): Promise<void> {
    await this.setSuggesting(true);
    await this.selectText(words);
    if (replacement) await this.page.keyboard.insertText(replacement);
    else await this.page.keyboard.press("Backspace");
    // The editor keeps what did not change (typing "by March" over "in March" suggests "in" → "by").
    if (replacement) await expect(this.page.locator(".article-editor ins.suggest-ins").filter({ hasText: replacement.split(" ")[0] }).first()).toBeVisible();
    else await expect(this.page.locator(".article-editor del.suggest-del", { hasText: words }).first()).toBeVisible();
  }

  /// The margin card of the suggestion that inserts or deletes `words`.
  suggestion(words: string): Locator {
    return this.notesMargin()
      .locator("article.suggestion-card")
      .filter({ has: this.page.locator(".suggestion-words", { hasText: words }) });
  }

  /// Accepts the suggestion that inserts or deletes `words`, from its card in the margin.
  async accept(words: string): Promise<void> {
    await this.suggestion(words).getByRole("button", { name: "Accept" }).click();
    await expect(this.suggestion(words)).toHaveCount(0);
  }

  /// Rejects the suggestion that inserts or deletes `words`, from its card in the margin.
  async reject(words: string): Promise<void> {
    await this.suggestion(words).getByRole("button", { name: "Reject" }).click();
    await expect(this.suggestion(words)).toHaveCount(0);
  }

  /// Pastes HTML (and its plain text) at the cursor, as the system clipboard hands it to the page.
  async pasteHtml(html: string, text = ""): Promise<void> {
    await this.page.evaluate(
      ([html, text]) => {
        const data = new DataTransfer();
        data.setData("text/html", html);
        data.setData("text/plain", text);
        document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      },
      [html, text],
    );
  }

  /// Pastes a whole web page (its HTML, as a browser copies it) at the cursor in the story.
  async pastePage(html: string): Promise<void> {
    await this.pasteHtml(html);
  }

  /// The bar offering a pasted page's headline, standfirst and byline, with the paste's report.
  pageOffer(): Locator {
    return this.page.getByRole("region", { name: "Pasted page" });
  }

  /// Uses the pasted page's headline, standfirst and byline (fills the empty fields; asks before replacing others).
  async acceptPageOffer(): Promise<void> {
    await this.pageOffer().getByRole("button", { name: "Use Them" }).click();
  }

  /// Leaves the fields as they are and closes the offer.
  async dismissPageOffer(): Promise<void> {
    await this.pageOffer().getByRole("button", { name: "Dismiss" }).click();
    await expect(this.pageOffer()).toBeHidden();
  }

  /// Opens the pasted page's report in the offer: what was found and where from, what was left out.
  async openPageReport(): Promise<Locator> {
    const report = this.pageOffer().locator("details");
    await report.locator("summary").click();
    await expect(report).toHaveAttribute("open", "");
    return report;
  }

  /// The Checks panel beside the article.
  checksPanel(): Locator {
    return this.page.getByRole("complementary", { name: "Checks" });
  }

  /// Shows the Checks panel (its toolbar button).
  async showChecks(): Promise<void> {
    await this.toolbarButton("Checks").click();
    await expect(this.checksPanel()).toBeVisible();
  }

  /// The desk: a folder's stories in a table, in place of the article.
  desk(): Locator {
    return this.page.getByRole("region", { name: "Desk" });
  }

  /// The stories the desk lists now (the table's rows).
  deskStories(): Locator {
    return this.desk().getByRole("table").locator("tbody tr");
  }

  /// The desk's row of the story with this headline.
  deskStory(headline: string): Locator {
    return this.deskStories().filter({ has: this.page.locator(".desk-headline", { hasText: headline }) });
  }

  /// File > Open Desk Folder…, answering the folder dialog; waits until the stories are read.
  async openDesk(folder: string): Promise<void> {
    await this.target.answerDialogs({ kind: "folder", path: folder });
    await this.pressKeyOf("open-desk");
    await expect(this.desk()).toBeVisible();
    await expect(this.desk().getByRole("status")).toHaveText(/^\d[\d,]* stor(y|ies)$/, { timeout: 300_000 });
  }

  /// Narrows the desk to one value of a filter ("Status", "Author", "Urgency", "Embargo", "Notes"); "" for all.
  async filterDesk(filter: string, value: string): Promise<void> {
    const choice = this.desk().getByLabel(filter, { exact: true });
    if (value === "") await choice.selectOption({ index: 0 });
    else await choice.selectOption({ label: value });
  }

  /// Searches the desk's headlines and stories for these words ("" shows every story again).
  async searchDesk(words: string): Promise<void> {
    await this.desk().getByLabel("Search", { exact: true }).fill(words);
  }

  /// Sorts the desk by a column (its header), clicking again until it sorts the way asked.
  async sortDeskBy(column: string, direction: "ascending" | "descending"): Promise<void> {
    const header = this.desk().getByRole("columnheader", { name: column });
    for (let i = 0; i < 2 && (await header.getAttribute("aria-sort")) !== direction; i++) await header.getByRole("button").click();
    await expect(header).toHaveAttribute("aria-sort", direction);
  }

  /// Edit > Newsroom Server…: adds a server to write together on, with this journalist's token.
  async addNewsroomServer(url: string, token: string): Promise<void> {
    await this.chooseFromMenu("newsroom-servers");
    const dialog = this.dialog("Newsroom server");
    await dialog.getByLabel("Server address").fill(url);
    await dialog.getByLabel("Your token").fill(token);
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
  }

  /// File > Share to Newsroom…: the open story goes to the (only) server; an untitled one is saved to `path`.
  async shareToNewsroom(path?: string): Promise<void> {
    if (path) await this.target.answerDialogs({ kind: "save", path });
    await this.expectMessageFrom(() => this.chooseFromMenu("share-to-newsroom"), /^Shared on /);
    await expect(this.shareState()).toHaveText("Shared, online");
  }

  /// File > Open from Newsroom…: opens the story whose line holds `headline` from the (only) server, saved to `path` too.
  async openFromNewsroom(headline: string, path: string): Promise<void> {
    await this.target.answerDialogs({ kind: "save", path });
    await this.chooseFromMenu("open-from-newsroom");
    const dialog = this.dialog("Open from newsroom");
    const story = dialog.getByLabel("Story");
    const option = story.locator("option", { hasText: headline });
    await expect(option).toHaveCount(1);
    await story.selectOption({ label: (await option.textContent()) ?? headline });
    await this.expectMessageFrom(() => dialog.getByRole("button", { name: "Open" }).click(), /^Opened .* from /);
    await expect(this.shareState()).toHaveText("Shared, online");
  }

  /// File > Take Offline, and File > Bring Back Online.
  async takeOffline(): Promise<void> {
    await this.chooseFromMenu("take-offline");
    await expect(this.shareState()).toHaveText(/^Offline, /);
  }

  async bringOnline(): Promise<void> {
    await this.chooseFromMenu("bring-online");
    await expect(this.shareState()).toHaveText("Shared, online");
  }

  /// The title bar's line about a shared story's connection ("Shared, online", "Offline, 3 changes not yet shared").
  shareState(): Locator {
    return this.page.locator(".titlebar .share-state");
  }

  /// The title bar's people in the story (besides oneself).
  presence(): Locator {
    return this.page.locator(".titlebar .presence");
  }

  /// Someone else's caret in the article, by the name it shows.
  cursorOf(name: string): Locator {
    return this.page.locator(`.article-editor .collab-cursor[data-name="${name}"]`);
  }

  /// The text of the body, paragraph by paragraph.
  async bodyText(): Promise<string[]> {
    return this.bodyBlocks().allTextContents();
  }

  /// Types at the end of the body's block that holds `words`.
  async typeAfterBlockWith(words: string, text: string): Promise<void> {
    await this.bodyBlocks().filter({ hasText: words }).first().click();
    await this.page.keyboard.press("End");
    await this.page.keyboard.type(text);
  }
}

/// Reads an article file from disk, failing the test with the validator's words when it is invalid.
export function readArticle(path: string): ArticleJSON {
  const result = parseArticleFile(readFileSync(path));
  if (!result.ok) throw new Error(`${path} is not a valid article: ${result.errors.join("; ")}`);
  const { meta, doc, assets } = result.article;
  return { meta, doc: doc.toJSON() as Record<string, unknown>, assets };
}
