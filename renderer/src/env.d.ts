import type { CopydeskApi } from "../../shared/ipc";

declare global {
  interface Window {
    /// The main process's API, exposed by the preload (or the e2e host's bridge).
    copydesk: CopydeskApi;
  }
}
