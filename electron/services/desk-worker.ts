import { parentPort, workerData } from "node:worker_threads";
import { DeskFolder } from "./desk-folder";
import type { DeskWorkerReply, DeskWorkerRequest } from "./desk-runner";

// The worker thread of one desk folder (desk-runner.ts starts it): reads and watches the folder
// and answers searches, so that main's event loop stays free for the windows while 5,000 stories
// are read.

const port = parentPort;
if (!port) throw new Error("desk-worker.ts runs as a worker thread");
const post = (reply: DeskWorkerReply) => port.postMessage(reply);

const desk = new DeskFolder((workerData as { folder: string }).folder, {
  change: (change) => post({ type: "change", change }),
  progress: (progress) => post({ type: "progress", progress }),
  failed: (message) => post({ type: "failed", message }),
});

port.on("message", (request: DeskWorkerRequest) => {
  if (request.type === "search") post({ type: "found", id: request.id, ids: desk.index.search(request.query) });
  else if (request.type === "close") void desk.close().then(() => post({ type: "closed" }));
});

void desk.start().then(() => post({ type: "ready" }));
