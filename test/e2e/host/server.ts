import { buildSync } from "esbuild";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { Backend } from "../../../electron/services/backend";
import { appResponseHeaders } from "../../../shared/csp";
import { UserFacingError } from "../../../electron/services/errors";
import { builtWorkerScript, WorkerPool } from "../../../electron/services/heavy-work";
import { builtDeskWorker } from "../../../electron/services/desk-runner";
import type { WindowShell } from "../../../electron/services/window-lifecycle";
import { ScriptedDialogs, type DialogAnswer } from "../../support/scripted-dialogs";
import { closePdfPrinter, printPdfWithPlaywright } from "./pdf";

// The e2e host: serves the built renderer to Chromium on 127.0.0.1 and answers the IPC contract
// over HTTP with the main process's own Backend. Dialogs are answered by what the test queued.
// Each page is a window: it announces itself with its event stream, and the window lifecycle
// (close and quit prompts, titles) is main's own WindowLifecycle, driven through __test routes.

export interface HostOptions {
  rendererDir: string;
  /// The bridge script's source (test/e2e/host/bridge.ts), bundled for the page at start.
  bridgeSource: string;
  userDataDir: string;
  port?: number;
}

export interface Host {
  url: string;
  dialogs: ScriptedDialogs;
  backend: Backend;
  close(): Promise<void>;
}

const mimeTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

const maxRequestBytes = 80 * 1024 * 1024;

/// Starts a host; resolves once it listens.
export async function startHost(options: HostOptions): Promise<Host> {
  const dialogs = new ScriptedDialogs();
  /// Links the app asked the system to open, in order (the host opens nothing).
  const openedLinks: string[] = [];
  /// Files the app asked the system's file manager to show, in order (the host shows nothing).
  const shownInFolder: string[] = [];
  const streams = new Map<string, Set<ServerResponse>>();
  /// Each window's title as main sets it, and the windows main closed.
  const titles = new Map<string, string>();
  const closedWindows = new Set<string>();
  const pages: WindowShell = {
    create: () => {
      throw new UserFacingError("internal", "The e2e host cannot open windows: the test opens pages.");
    },
    focus: () => undefined,
    destroy: (id) => {
      closedWindows.add(id);
      void backend.windows.closed(id);
      void backend.desks.closeWindow(id);
    },
    setTitle: (id, title) => void titles.set(id, title),
    focusedId: () => [...streams.keys()].at(-1) ?? null,
  };
  // The app's own heavy-work threads, from its build (out/main/heavy-worker.js).
  const workerScript = builtWorkerScript(join(options.rendererDir, "..", "main"));
  if (!workerScript) throw new Error("The app is not built (out/main/heavy-worker.js is missing): run `npm run build`.");
  const backend = new Backend({
    userDataDir: options.userDataDir,
    dialogs,
    windows: pages,
    snapshotTimeoutMs: Number(process.env.COPYDESK_SNAPSHOT_TIMEOUT_MS ?? 10_000),
    appInfo: { name: "Copydesk", version: process.env.npm_package_version ?? "test", platform: process.platform },
    notify: (windowId, event, payload) => notify(windowId, event, payload),
    printPdf: printPdfWithPlaywright,
    openExternal: async (href) => void openedLinks.push(href),
    showItemInFolder: (path) => void shownInFolder.push(path),
    heavyWork: new WorkerPool(workerScript),
    // The desk's thread from the same build (out/main/desk-worker.js).
    deskWorker: builtDeskWorker(join(options.rendererDir, "..", "main")),
  });
  const bridge = buildSync({
    entryPoints: [options.bridgeSource],
    bundle: true,
    write: false,
    format: "iife",
    target: "chrome120",
  }).outputFiles[0].text;
  const root = resolve(options.rendererDir);

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, "text/plain", String((e as Error)?.stack ?? e)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "POST" && url.pathname === "/__host/ipc") {
      const { windowId, channel, payload } = JSON.parse(await body(req)) as { windowId: string; channel: unknown; payload: unknown };
      return send(res, 200, "application/json", JSON.stringify(await backend.handle(channel, payload, { windowId })));
    }
    if (url.pathname === "/__host/events") {
      const windowId = url.searchParams.get("window") ?? "";
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      const set = streams.get(windowId) ?? new Set();
      streams.set(windowId, set);
      set.add(res);
      backend.windows.track(windowId);
      req.on("close", () => {
        set.delete(res);
        // The page has gone: nothing more will answer for it.
        if (set.size === 0) backend.documents.snapshots.forget(windowId);
      });
      return;
    }
    if (url.pathname === "/__host/bridge.js") return send(res, 200, mimeTypes[".js"], bridge);
    if (req.method === "POST" && url.pathname === "/__test/dialogs") {
      dialogs.queue(...(JSON.parse(await body(req)) as DialogAnswer[]));
      return send(res, 200, "application/json", "{}");
    }
    if (url.pathname === "/__test/dialogs") return send(res, 200, "application/json", JSON.stringify(dialogs.log));
    if (url.pathname === "/__test/opened-links") return send(res, 200, "application/json", JSON.stringify(openedLinks));
    if (url.pathname === "/__test/shown-in-folder") return send(res, 200, "application/json", JSON.stringify(shownInFolder));
    if (req.method === "POST" && url.pathname === "/__test/event") {
      const { windowId, event, payload } = JSON.parse(await body(req)) as { windowId?: string; event: string; payload: unknown };
      notify(windowId ?? null, event, payload);
      return send(res, 200, "application/json", "{}");
    }
    if (req.method === "POST" && url.pathname === "/__test/close-window") {
      // The window's close button: main's lifecycle asks the page for its article, then about unsaved changes.
      const windowId = url.searchParams.get("window") ?? [...streams.keys()].at(-1) ?? "";
      const closed = await backend.windows.requestClose(windowId);
      return send(res, 200, "application/json", JSON.stringify({ closed }));
    }
    if (req.method === "POST" && url.pathname === "/__test/quit") {
      // File > Quit: main's lifecycle asks about each window in turn; Cancel stops the quit.
      const quit = await backend.windows.requestQuit();
      return send(res, 200, "application/json", JSON.stringify({ quit }));
    }
    if (url.pathname === "/__test/windows") {
      const windows = [...streams.keys()].map((id) => ({ id, title: titles.get(id) ?? null, closed: closedWindows.has(id) }));
      return send(res, 200, "application/json", JSON.stringify(windows));
    }
    return serveStatic(url.pathname, res);
  }

  function notify(windowId: string | null, event: string, payload: unknown): void {
    const data = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const [id, set] of streams) if (windowId === null || id === windowId) for (const res of set) res.write(data);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const file = normalize(join(root, pathname === "/" ? "index.html" : decodeURIComponent(pathname)));
    if (!file.startsWith(root + sep)) return send(res, 403, "text/plain", "forbidden");
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, "text/plain", "not found");
    // The same security headers as the app:// protocol gives the page in Electron (shared/csp.ts).
    const headers = { ...appResponseHeaders, "content-type": mimeTypes[extname(file)] ?? "application/octet-stream" };
    if (file.endsWith("index.html")) {
      const html = (await readFile(file, "utf8")).replace("<head>", '<head>\n    <script src="/__host/bridge.js"></script>');
      return send(res, 200, headers["content-type"], html, headers);
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok) => server.listen(options.port ?? 0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    dialogs,
    backend,
    close: () =>
      Promise.all([backend.dispose(), closePdfPrinter()]).then(
        () =>
          new Promise<void>((ok) => {
            for (const set of streams.values()) for (const res of set) res.end();
            server.close(() => ok());
          }),
      ),
  };
}

function send(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "content-type": type, "cache-control": "no-store" });
  res.end(text);
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxRequestBytes) throw new Error("request too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
