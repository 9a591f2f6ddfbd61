import type { CopydeskApi, EventName, EventTypes } from "../../../shared/ipc";

// The e2e host's stand-in for the preload: the same `window.copydesk` API, answered over HTTP
// by the host, which runs the main process's Backend. Loaded before the app's own script.

const windowId = crypto.randomUUID();
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const events = new EventSource(`/__host/events?window=${windowId}`);
events.onmessage = (message) => {
  const { event, payload } = JSON.parse(message.data as string) as { event: string; payload: unknown };
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

const api: CopydeskApi = {
  async invoke(channel, request) {
    const response = await fetch("/__host/ipc", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ windowId, channel, payload: request }),
    });
    return response.json();
  },
  on<E extends EventName>(event: E, listener: (payload: EventTypes[E]) => void) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => void set.delete(wrapped);
  },
};

Object.defineProperty(window, "copydesk", { value: Object.freeze(api), writable: false, configurable: false });
