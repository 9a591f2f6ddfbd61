import { BrowserWindow, dialog } from "electron";
import type { Dialogs } from "../services/dialogs";

/// Native dialogs, attached to the focused window.
export function electronDialogs(): Dialogs {
  const parent = () => BrowserWindow.getFocusedWindow() ?? undefined;
  const attach = <T>(show: (w: BrowserWindow) => Promise<T>, alone: () => Promise<T>) => {
    const window = parent();
    return window ? show(window) : alone();
  };
  return {
    async chooseSavePath({ title, defaultPath, filters }) {
      const options = { title, defaultPath, filters };
      const result = await attach((w) => dialog.showSaveDialog(w, options), () => dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath({ title, filters }) {
      const options = { title, filters, properties: ["openFile" as const] };
      const result = await attach((w) => dialog.showOpenDialog(w, options), () => dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder({ title, defaultPath }) {
      const options = { title, defaultPath, properties: ["openDirectory" as const, "createDirectory" as const] };
      const result = await attach((w) => dialog.showOpenDialog(w, options), () => dialog.showOpenDialog(options));
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async ask({ message, detail, buttons, defaultId, cancelId }) {
      const options = { type: "question" as const, message, detail, buttons, defaultId, cancelId, noLink: true };
      const result = await attach((w) => dialog.showMessageBox(w, options), () => dialog.showMessageBox(options));
      return result.response;
    },
    async tell({ message, detail, kind }) {
      const options = { type: kind, message, detail, buttons: ["OK"] };
      await attach((w) => dialog.showMessageBox(w, options), () => dialog.showMessageBox(options));
    },
  };
}
