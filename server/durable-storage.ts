import type {
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  beforeUnloadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import type { StoryStore } from "./story-store";

// Hocuspocus 3.4.4 acknowledges an update (a SyncStatus message) synchronously, right after
// applying it, in MessageReceiver.readSyncMessage; its onChange and onStoreDocument hooks run
// after that and are not awaited before the ack (onStoreDocument is even debounced by seconds).
// The one hook it awaits before applying a message is beforeHandleMessage (Connection.handleMessage
// chains MessageReceiver.apply on its promise). So this extension appends each update to the
// story's log and fsyncs it there: when the ack leaves, the update is on disk, and a `kill -9`
// loses nothing acknowledged. It applies the update to the document itself first, which checks it
// (a malformed update throws, is never logged, and Hocuspocus closes that connection) and passes
// it on to the other clients without waiting for the disk; Hocuspocus's own apply afterwards is
// then a no-op followed by the ack. The debounced onStoreDocument, and unloading, compact the log
// into the state and the .article copy.

/// Message and sync types of the Hocuspocus 3 protocol (@hocuspocus/server src/types.ts, y-protocols/sync).
const messageSync = 0;
const messageSyncReply = 4;
const syncStep2 = 1;
const syncUpdate = 2;

/// The Yjs update a client message carries (a sync step 2 or an update), or null for any other
/// message. Throws on a message cut short.
export function updateIn(message: Uint8Array): Uint8Array | null {
  const reader = new MessageReader(message);
  reader.bytes(); // the document name
  const type = reader.varUint();
  if (type !== messageSync && type !== messageSyncReply) return null;
  const syncType = reader.varUint();
  if (syncType !== syncStep2 && syncType !== syncUpdate) return null;
  return reader.bytes();
}

/// Reads lib0's encoding (what y-protocols writes): unsigned varints and length-prefixed bytes.
class MessageReader {
  private at = 0;
  constructor(private readonly message: Uint8Array) {}

  varUint(): number {
    let value = 0;
    for (let shift = 0; shift < 53; shift += 7) {
      if (this.at >= this.message.byteLength) throw new RangeError("message cut short");
      const byte = this.message[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new RangeError("number too long");
  }

  bytes(): Uint8Array {
    const length = this.varUint();
    if (this.at + length > this.message.byteLength) throw new RangeError("message cut short");
    const bytes = this.message.slice(this.at, this.at + length);
    this.at += length;
    return bytes;
  }
}

export class DurableStorage implements Extension {
  extensionName = "Copydesk durable storage";

  constructor(private readonly store: StoryStore) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    await this.store.load(documentName, document);
  }

  /// Awaited by Hocuspocus before the message is applied and acknowledged.
  async beforeHandleMessage({ documentName, document, connection, update: message }: beforeHandleMessagePayload): Promise<void> {
    // A message that does not decode is refused by Hocuspocus itself (the connection is closed).
    let update: Uint8Array | null = null;
    try {
      update = updateIn(message);
    } catch {
      update = null;
    }
    if (update) {
      // Throws on an update that is not one: it is then neither logged nor acknowledged.
      Y.applyUpdate(document, update, connection);
      try {
        await this.store.append(documentName, update);
      } catch {
        // The log could not take it, but the document holds it: a compaction that succeeds makes it
        // durable all the same. If that fails too, the error closes the connection unacknowledged.
        await this.store.compact(documentName, document);
      }
    } else {
      // Other messages wait for earlier updates, so each client's messages keep their order.
      await this.store.settled(documentName);
    }
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.store.compact(documentName, document);
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload): Promise<void> {
    if (this.store.hasUnsaved(documentName)) await this.store.compact(documentName, document);
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    if (!instance.documents.has(documentName)) await this.store.release(documentName);
  }
}
