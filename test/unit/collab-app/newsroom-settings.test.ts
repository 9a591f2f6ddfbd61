import { describe, expect, it } from "vitest";
import { parseRequest } from "../../../shared/ipc";
import { newsroomServerProblem } from "../../../shared/newsroom-address";
import { sanitize, SettingsStore } from "../../../electron/services/settings";
import { tempFolder } from "../services/helpers";

// The newsroom servers in Settings (issue 16): an address and a token each; plain ws:// only to
// this computer, since anything else would carry the token and the story in clear.

describe("a newsroom server's address", () => {
  it("is accepted as wss:// anywhere, and as ws:// on this computer", () => {
    for (const url of ["wss://newsroom.example.org/", "wss://desk.example.org:8443/copydesk", "ws://localhost:1234", "ws://127.0.0.1:4321/", "ws://[::1]:80"]) {
      expect(newsroomServerProblem(url), url).toBeNull();
    }
  });

  it("is refused as plain ws:// to another computer, saying why and what to do", () => {
    expect(newsroomServerProblem("ws://desk.example.org:1234")).toMatch(/not encrypted.*Use wss:\/\//);
    expect(newsroomServerProblem("ws://10.0.0.5")).toMatch(/not encrypted/);
  });

  it("is refused when it is not a WebSocket address at all", () => {
    for (const url of ["https://newsroom.example.org/", "newsroom.example.org", "", "wss://", "wss://host:99999/", "wss://user:pw@host/"]) {
      expect(newsroomServerProblem(url), url).not.toBeNull();
    }
  });
});

describe("the newsroom servers in Settings", () => {
  it("are checked by main: a plain ws:// to another computer is refused with the reason", () => {
    const refused = parseRequest("settings:set", { newsroomServers: [{ url: "ws://desk.example.org", token: "t" }] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details?.join(" ")).toMatch(/not encrypted/);
    expect(parseRequest("settings:set", { newsroomServers: [{ url: "wss://desk.example.org", token: "" }] }).ok).toBe(false);
    expect(parseRequest("settings:set", { newsroomServers: [{ url: "wss://desk.example.org", token: "secret" }] }).ok).toBe(true);
  });

  it("are kept across restarts, and a broken entry in the file gives none rather than a bad one", async () => {
    const { dir, cleanup } = tempFolder();
    try {
      await new SettingsStore(dir).update({ newsroomServers: [{ url: "ws://127.0.0.1:1234", token: "secret" }] });
      expect((await new SettingsStore(dir).get()).newsroomServers).toEqual([{ url: "ws://127.0.0.1:1234", token: "secret" }]);
      expect(sanitize({ newsroomServers: [{ url: "ws://evil.example.org", token: "x" }] }).newsroomServers).toEqual([]);
      expect(sanitize({}).newsroomServers).toEqual([]);
    } finally {
      cleanup();
    }
  });
});
