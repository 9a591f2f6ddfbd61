import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { OpenedDocument } from "../../../shared/ipc";
import { newArticleFor, newsroomRights } from "../../../shared/newsroom-defaults";
import { defaultSettings } from "../../../shared/settings";
import { Backend } from "../../../electron/services/backend";
import { ScriptedDialogs } from "../../support/scripted-dialogs";
import { FakeWindows } from "../services/fake-windows";

// New stories start with the newsroom's rights (Edit > Newsroom Defaults…); the metadata panel's
// "Use newsroom defaults" takes the same three fields.

const newsroom = { ...defaultSettings.newsroom, copyrightHolder: "Agence Example", copyrightNotice: "© 2026 Agence Example", usageTerms: "No archiving.", exportEdnote: true };

describe("the newsroom's rights", () => {
  it("are the holder, notice and usage terms, nothing else", () => {
    expect(newsroomRights(newsroom)).toEqual({ copyrightHolder: "Agence Example", copyrightNotice: "© 2026 Agence Example", usageTerms: "No archiving." });
  });

  it("start a new article, which is otherwise empty", () => {
    const article = newArticleFor(newsroom, { id: "4f0c9f86-6a43-4f57-9a1a-0c7f0c6b0d11", language: "fr" });
    expect(article.meta).toMatchObject({ id: "4f0c9f86-6a43-4f57-9a1a-0c7f0c6b0d11", language: "fr", copyrightHolder: "Agence Example", usageTerms: "No archiving.", status: "draft", ednote: "", authors: [] });
    expect(newArticleFor(defaultSettings.newsroom).meta).toMatchObject({ copyrightHolder: "", copyrightNotice: "", usageTerms: "" });
  });
});

describe("document:new", () => {
  const userDataDir = mkdtempSync(join(tmpdir(), "copydesk-newsroom-"));
  const windows = new FakeWindows();
  const backend = new Backend({ userDataDir, dialogs: new ScriptedDialogs(), windows, notify: windows.notify, appInfo: { name: "Copydesk", version: "0.0.0", platform: "linux" }, deskWorker: null });
  windows.attach({ backend });
  afterAll(() => backend.dispose());
  const ask = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await backend.handle(channel, payload, { windowId: "window-1" });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };

  it("gives a new story the rights saved in Settings, and none before", async () => {
    expect((await ask<OpenedDocument>("document:new", {})).article.meta.copyrightHolder).toBe("");
    const { copyrightHolder, copyrightNotice, usageTerms, timeZone, exportEdnote } = newsroom;
    await ask("settings:set", { newsroom: { copyrightHolder, copyrightNotice, usageTerms, timeZone, exportEdnote } });
    const opened = await ask<OpenedDocument>("document:new", {});
    expect(opened.article.meta).toMatchObject(newsroomRights(newsroom));
    expect(opened.edited).toBe(false);
  });
});
