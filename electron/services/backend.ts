import { basename, extname } from "node:path";
import { fieldText } from "../../shared/article";
import {
  isChannel,
  parseRequest,
  type Channel,
  type IpcResult,
  type RequestOf,
  type ResultOf,
} from "../../shared/ipc";
import { articleFilter, type Dialogs } from "./dialogs";
import { articleFromPayload, DocumentStore } from "./documents";
import { UserFacingError } from "./errors";
import { SettingsStore } from "./settings";

// Everything the main process answers over IPC, without Electron: the Electron glue and the
// e2e host both route each request here, so the app and the tests run the same code.

/// Who is asking: the window (or e2e page) a request came from.
export interface CallContext {
  windowId: string;
}

export interface BackendOptions {
  userDataDir: string;
  dialogs: Dialogs;
  appInfo: { name: string; version: string; platform: string };
}

type Handlers = { [C in Channel]: (request: RequestOf<C>, context: CallContext) => Promise<ResultOf<C>> };

/// The main process's services behind the IPC contract.
export class Backend {
  readonly documents = new DocumentStore();
  readonly settings: SettingsStore;
  private readonly handlers: Handlers;

  constructor(private readonly options: BackendOptions) {
    this.settings = new SettingsStore(options.userDataDir);
    this.handlers = this.createHandlers();
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

  private createHandlers(): Handlers {
    const { dialogs } = this.options;
    const docs = this.documents;
    const askSavePath = (article: { doc: import("prosemirror-model").Node }, current: string | null) =>
      dialogs.chooseSavePath({
        title: "Save article",
        defaultPath: current ?? `${suggestedFileName(fieldText(article.doc, "headline"))}.article`,
        filters: [articleFilter],
      });

    return {
      "document:new": async (_request, { windowId }) => docs.create(windowId),
      "document:open": async ({ path }, { windowId }) => {
        const target = path ?? (await dialogs.chooseOpenPath({ title: "Open article", filters: [articleFilter] }));
        return target ? docs.open(windowId, target) : null;
      },
      "document:save": async ({ handle, article }, { windowId }) => {
        const parsed = articleFromPayload(article);
        const existing = docs.pathOf(windowId, handle);
        const target = existing ?? withArticleExtension(await askSavePath(parsed, null));
        return target ? docs.save(windowId, handle, parsed, target) : null;
      },
      "document:save-as": async ({ handle, article }, { windowId }) => {
        const parsed = articleFromPayload(article);
        const target = withArticleExtension(await askSavePath(parsed, docs.pathOf(windowId, handle)));
        return target ? docs.save(windowId, handle, parsed, target) : null;
      },
      "document:changed": async ({ handle, article }, { windowId }) => {
        docs.pathOf(windowId, handle);
        articleFromPayload(article);
        return null;
      },
      "document:close": async ({ handle }, { windowId }) => {
        docs.close(windowId, handle);
        return null;
      },
      "export:run": async () => {
        throw new UserFacingError("internal", "Export is not available in this build.");
      },
      "recovery:list": async () => [],
      "recovery:restore": async () => {
        throw new UserFacingError("not-found", "There is no such recovery copy.");
      },
      "recovery:discard": async () => null,
      "settings:get": async () => this.settings.get(),
      "settings:set": async (changes) => this.settings.update(changes),
      "app:info": async () => this.options.appInfo,
    };
  }
}

/// A file name from a headline: "US speeds up arms sales" → "US speeds up arms sales".
export function suggestedFileName(headline: string): string {
  const cleaned = headline.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").replace(/\s+/g, " ").trim().slice(0, 80);
  return cleaned || "Untitled";
}

function withArticleExtension(path: string | null): string | null {
  if (!path) return null;
  return extname(basename(path)) ? path : `${path}.article`;
}
