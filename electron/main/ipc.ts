import { BrowserWindow, ipcMain } from "electron";
import type { EventName, EventTypes } from "../../shared/ipc";
import type { Backend } from "../services/backend";
import { isTrustedSender, type RendererLocation } from "./renderer-origin";

/// The one IPC channel prefix; the preload and main agree on it.
export const invokeChannel = "copydesk:invoke";
export const eventChannel = "copydesk:event";

/// Routes every request from the top frame of a page of our own origin to the backend; other senders are refused.
export function registerIpc(backend: Backend, renderer: RendererLocation): void {
  ipcMain.handle(invokeChannel, async (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame, renderer)) {
      return { ok: false, error: { code: "invalid-request", message: "Refused a request from a page Copydesk did not load." } };
    }
    return backend.handle(channel, payload, { windowId: String(event.sender.id) });
  });
}

/// Sends an event to one window.
export function sendEvent<E extends EventName>(window: BrowserWindow, event: E, payload: EventTypes[E]): void {
  if (!window.isDestroyed()) window.webContents.send(eventChannel, event, payload);
}
