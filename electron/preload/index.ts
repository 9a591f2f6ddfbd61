import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import type { CopydeskApi, EventName, EventTypes } from "../../shared/ipc";

// The only thing the page gets from the main process: `window.copydesk`, typed by shared/ipc.ts.
// Channel names must match electron/main/ipc.ts; the preload is sandboxed and imports nothing else.

const invokeChannel = "copydesk:invoke";
const eventChannel = "copydesk:event";

const api: CopydeskApi = {
  invoke: (channel, request) => ipcRenderer.invoke(invokeChannel, channel, request),
  on<E extends EventName>(event: E, listener: (payload: EventTypes[E]) => void) {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as EventTypes[E]);
    };
    ipcRenderer.on(eventChannel, wrapped);
    return () => void ipcRenderer.removeListener(eventChannel, wrapped);
  },
};

contextBridge.exposeInMainWorld("copydesk", api);
