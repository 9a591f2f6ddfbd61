import { basename } from "node:path";
import {
  isChannel,
  parseRequest,
  type Channel,
  type DocumentSnapshot,
  type IpcResult,
  type RecentFileEntry,
  type RequestOf,
  type ResultOf,
  type Settings,
} from "../../shared/ipc";
import { chooseComparedArticle, diskVersion } from "./compared-articles";
import type { Dialogs, FileFilter } from "./dialogs";
import { DocumentService, type DocumentServiceOptions } from "./document-service";
import { linkHrefProblem } from "../../shared/urls";
import { UserFacingError } from "./errors";
import { newArticleFor } from "../../shared/newsroom-defaults";
import { formatOptionsOf } from "../../shared/export/options";
import { writeExportSet, type PrintPdf } from "./export-files";
import { PathGrants } from "./grants";
import { imageFilter, readImageFile } from "./image-files";
import { defaultHeavyWork, type HeavyWork } from "./heavy-work";
import { DeskService } from "./desk-service";
import { builtDeskWorker } from "./desk-runner";
import { readImportFile } from "./import-files";
import { SettingsStore, type StoredSettings } from "./settings";
import { listNewsroomStories } from "./newsroom-stories";
import { readStyleGuideFolder } from "./style-guide-files";
import { TemplateLibrary } from "./templates";
import { WindowLifecycle, type WindowShell } from "./window-lifecycle";

export { suggestedFileName } from "./document-service";

// Everything the main process answers over IPC, without Electron: the Electron glue and the
// e2e host both route each request here, so the app and the tests run the same code.

/// Who is asking: the window (or e2e page) a request came from.
export interface CallContext {
  windowId: string;
}

/// What the backend needs from its host (the Electron glue or the e2e host).
export interface BackendOptions extends Omit<DocumentServiceOptions, "dialogs" | "userDataDir" | "onDocumentState" | "focusWindow"> {
  userDataDir: string;
  dialogs: Dialogs;
  /// The app's windows (Electron's, or the e2e host's pages).
  windows: WindowShell;
  /// Called when the list of windows or a window's title changes (the Window menu).
  onWindowsChange?: () => void;
  appInfo: { name: string; version: string; platform: string };
  /// Prints the HTML export to PDF (Electron's printToPDF, or Playwright's page.pdf in e2e); without it PDF export is refused.
  printPdf?: PrintPdf;
  /// Opens a checked link outside the app (Electron's shell.openExternal; the e2e host records it).
  openExternal?: (href: string) => Promise<void>;
  /// Shows a file main wrote in the system's file manager (Electron's shell.showItemInFolder; the e2e host records it).
  showItemInFolder?: (path: string) => void;
  /// Where reading, checking, importing and exporting articles runs: worker threads when the worker is built
  /// beside this code (the app), otherwise in-process (heavy-work.ts).
  heavyWork?: HeavyWork;
  /// The built desk worker (desk-runner.ts); found beside this code when left out, desks are read in-process without one.
  deskWorker?: string | null;
}

/// The files File > Import accepts.
const importFilter: FileFilter = { name: "Articles from other tools", extensions: ["html", "htm", "md", "markdown", "xml", "nitf", "json", "docx"] };

type Handlers = { [C in Channel]: (request: RequestOf<C>, context: CallContext) => Promise<ResultOf<C>> };

/// The main process's services behind the IPC contract.
export class Backend {
  readonly documents: DocumentService;
  readonly windows: WindowLifecycle;
  readonly settings: SettingsStore;
  /// The paths windows may name, by the tokens main gave them.
  readonly grants = new PathGrants();
  /// The story templates windows were shown (File > New from Template…), by their tokens.
  readonly templates = new TemplateLibrary();
  /// The folders shown as desks (File > Open Desk Folder…).
  readonly desks: DeskService;
  private readonly handlers: Handlers;
  /// The first file of each window's last export, for "Show in folder" (one path a window, kept while the app runs).
  private readonly lastExported = new Map<string, string>();

  private readonly work: HeavyWork;

  constructor(private readonly options: BackendOptions) {
    this.work = options.heavyWork ?? defaultHeavyWork();
    this.documents = new DocumentService({
      ...options,
      heavyWork: this.work,
      onDocumentState: (windowId, state) => this.windows.documentState(windowId, state),
      focusWindow: (windowId) => options.windows.focus(windowId),
    });
    this.windows = new WindowLifecycle(options.windows, this.documents, options.dialogs, options.onWindowsChange);
    this.settings = new SettingsStore(options.userDataDir);
    this.desks = new DeskService({ grants: this.grants, notify: options.notify, workerScript: options.deskWorker === undefined ? builtDeskWorker() : options.deskWorker });
    this.handlers = this.createHandlers();
  }

  /// Stops the disk watcher and the pending recovery copies (on quit, or when a test host stops).
  async dispose(): Promise<void> {
    await this.documents.dispose();
    await this.desks.dispose();
    await this.work.dispose();
  }

  /// Validates and answers one request; every failure comes back as a value.
  async handle(channel: unknown, payload: unknown, context: CallContext): Promise<IpcResult<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: "unknown-channel", message: `There is no channel ${JSON.stringify(channel)}.` } };
    }
    const request = parseRequest(channel, payload);
    if (!request.ok) return request;
    try {
      const handler = this.handlers[channel] as (r: unknown, c: CallContext) => Promise<unknown>;
      return { ok: true, value: await handler(request.value, context) };
    } catch (e) {
      if (e instanceof UserFacingError) return { ok: false, error: e.toIpcError() };
      return { ok: false, error: { code: "internal", message: `Something went wrong: ${(e as Error)?.message ?? String(e)}` } };
    }
  }

  /// The recent files, each with the id a window opens it by.
  private async recentFiles(): Promise<RecentFileEntry[]> {
    return (await this.documents.recent.list()).map((file) => ({ ...file, id: this.grants.issue("recent-file", file.path) }));
  }

  /// The file behind a recent-files id, while it is still on the list.
  private async recentPath(id: string): Promise<string> {
    const path = this.grants.resolve("recent-file", id);
    if (path && (await this.documents.recent.list()).some((file) => file.path === path)) return path;
    throw new UserFacingError("invalid-request", "That file is not in the recent-files list: open it with File > Open.");
  }

  /// The folder behind a token main gave for its export folder.
  private grantedFolder(token: string): string {
    const path = this.grants.resolve("export-folder", token);
    if (!path) throw new UserFacingError("invalid-request", "Copydesk did not choose that folder: choose it in the Export dialog.");
    return path;
  }

  /// The settings as windows see them: the export folder by a token, with its path to show.
  private settingsView(stored: StoredSettings): Settings {
    const folder = stored.exportFolder;
    return { ...stored, exportFolder: folder ? { token: this.grants.issue("export-folder", folder), path: folder } : null };
  }

  private createHandlers(): Handlers {
    const docs = this.documents;
    return {
      // Every new story starts with the newsroom's rights (Edit > Newsroom Defaults…).
      "document:new": async (_request, { windowId }) => docs.create(windowId, newArticleFor((await this.settings.get()).newsroom)),
      "document:open": async ({ recent }, { windowId }) => docs.open(windowId, recent === undefined ? undefined : await this.recentPath(recent)),
      "document:save": async ({ handle, article, revision }, { windowId }) => docs.save(windowId, handle, article, revision),
      "document:save-as": async ({ handle, article, revision }, { windowId }) => docs.save(windowId, handle, article, revision, true),
      "document:state": async ({ handle, revision, edited }, { windowId }) => {
        await docs.report(windowId, handle, revision, edited);
        return null;
      },
      "document:snapshot": async ({ requestId, snapshot }, { windowId }) => {
        docs.answerSnapshot(windowId, requestId, snapshot as DocumentSnapshot | null);
        return null;
      },
      "document:close": async ({ handle }, { windowId }) => {
        await docs.close(windowId, handle);
        return null;
      },
      "document:reload": async ({ handle }, { windowId }) => docs.reload(windowId, handle),
      "document:disk-version": async ({ handle }, { windowId }) => diskVersion(docs.store, docs.store.get(windowId, handle)),
      "review:compare-file": async ({ handle }, { windowId }) => {
        docs.store.get(windowId, handle);
        return chooseComparedArticle(this.options.dialogs, docs.store);
      },
      "document:import": async (_request, { windowId }) => {
        const source = await this.options.dialogs.chooseOpenPath({ title: "Import article", filters: [importFilter] });
        if (!source) return null;
        const file = await readImportFile(source);
        const result = file.ok ? await this.work.importArticle(file.bytes, file.format) : file;
        if (!result.ok) throw new UserFacingError("invalid-article", `Could not import ${basename(source)}.`, result.errors);
        return { ...docs.adoptImported(windowId, result.article), report: { found: result.found, warnings: result.warnings } };
      },
      "template:list": async () => this.templates.list((await this.settings.get()).newsroom.templatesFolder),
      "template:new": async ({ template }, { windowId }) => docs.create(windowId, await this.templates.story(template, (await this.settings.get()).newsroom)),
      "template:choose-folder": async ({ clear }) => {
        const current = await this.settings.get();
        const chosen = clear ? null : await this.options.dialogs.chooseFolder({ title: "Templates folder", defaultPath: current.newsroom.templatesFolder ?? undefined });
        const folder = clear ? null : (chosen ?? current.newsroom.templatesFolder);
        if (folder !== current.newsroom.templatesFolder) await this.settings.update({ newsroom: { templatesFolder: folder } });
        return this.templates.list(folder);
      },
      "export:run": async ({ handle, article, formats, folder, existing, published }, { windowId }) => {
        const doc = docs.store.get(windowId, handle);
        const settings = await this.settings.get();
        const target =
          folder !== undefined
            ? this.grantedFolder(folder)
            : await this.options.dialogs.chooseFolder({ title: "Export to folder", defaultPath: settings.exportFolder ?? undefined });
        if (!target) return null;
        // Marked published: the pre-export check refuses it before the embargo, here as in the window.
        const publishedAt = published ? new Date().toISOString() : null;
        const rendered = await docs.store.render(doc, article, formats, { format: formatOptionsOf(settings.newsroom), publishedAt });
        if (!rendered.ok) throw new UserFacingError("invalid-article", "The article could not be exported: it is not valid.", rendered.errors);
        if (rendered.check.errors.length > 0) throw new UserFacingError("invalid-article", "Fix these before exporting:", rendered.check.errors);
        const written = await writeExportSet(rendered.files, rendered.pdfHtml, target, existing ?? "ask", this.options.printPdf);
        // Files of these names are there: the window asks, and exports again into this folder by its token.
        if ("existing" in written) return { existing: written.existing, folder: this.grants.issue("export-folder", target) };
        await this.settings.update({ exportFolder: target, exportFormats: formats });
        this.lastExported.set(windowId, written.files[0]);
        return publishedAt ? { ...written, published: publishedAt } : written;
      },
      "export:show-in-folder": async (_request, { windowId }) => {
        const file = this.lastExported.get(windowId);
        if (!file) throw new UserFacingError("not-found", "Nothing has been exported from this window yet.");
        if (!this.options.showItemInFolder) throw new UserFacingError("internal", "Folders cannot be shown from here.");
        this.options.showItemInFolder(file);
        return null;
      },
      "recovery:list": async () => docs.listRecovery(),
      "recovery:restore": async ({ id }, { windowId }) => docs.restore(windowId, id),
      "recovery:discard": async ({ id }) => {
        await docs.discardRecovery(id);
        return null;
      },
      "recent:list": async () => this.recentFiles(),
      "recent:clear": async () => {
        await docs.recent.clear();
        return null;
      },
      "settings:get": async () => this.settingsView(await this.settings.get()),
      "settings:set": async (changes) => this.settingsView(await this.settings.update(changes)),
      "app:info": async () => this.options.appInfo,
      "asset:choose-image": async ({ handle }, { windowId }) => {
        docs.store.get(windowId, handle);
        const path = await this.options.dialogs.chooseOpenPath({ title: "Choose image", filters: [imageFilter] });
        if (!path) return null;
        const image = await readImageFile(path);
        return { ...docs.addAsset(windowId, handle, image.data), name: image.name };
      },
      "asset:add": async ({ handle, data }, { windowId }) => ({ ...docs.addAsset(windowId, handle, data), name: "" }),
      "link:open": async ({ href }) => {
        const problem = linkHrefProblem(href);
        if (problem) throw new UserFacingError("invalid-request", problem);
        if (!this.options.openExternal) throw new UserFacingError("internal", "Links cannot be opened from here.");
        await this.options.openExternal(href.trim());
        return null;
      },
      "style:choose-guide-folder": async ({ clear }) => {
        if (clear) return this.settingsView(await this.settings.update({ styleGuideFolder: null }));
        const current = await this.settings.get();
        const folder = await this.options.dialogs.chooseFolder({ title: "Newsroom style guide folder", defaultPath: current.styleGuideFolder ?? undefined });
        return this.settingsView(folder ? await this.settings.update({ styleGuideFolder: folder }) : current);
      },
      "style:guide": async () => readStyleGuideFolder((await this.settings.get()).styleGuideFolder),
      "desk:open": async (_request, { windowId }) => {
        const folder = await this.options.dialogs.chooseFolder({ title: "Open desk folder" });
        return folder ? this.desks.open(windowId, folder) : null;
      },
      "desk:stories": async ({ desk }, { windowId }) => this.desks.snapshot(windowId, desk),
      "desk:search": async ({ desk, query }, { windowId }) => ({ ids: await this.desks.search(windowId, desk, query) }),
      "desk:open-story": async ({ desk, story }, { windowId }) => docs.open(windowId, this.desks.storyPath(windowId, desk, story)),
      "desk:close": async ({ desk }, { windowId }) => {
        await this.desks.close(windowId, desk);
        return null;
      },
      "newsroom:stories": async ({ server }) => {
        const known = (await this.settings.get()).newsroomServers.find((kept) => kept.url === server);
        if (!known) throw new UserFacingError("not-found", `${server} is not a newsroom server of your settings: add it in Edit > Newsroom Server….`);
        return listNewsroomStories(known);
      },
    };
  }
}
