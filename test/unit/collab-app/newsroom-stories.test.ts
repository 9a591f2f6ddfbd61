import { describe, expect, it } from "vitest";
import { httpAddress, listNewsroomStories } from "../../../electron/services/newsroom-stories";

// "Open from Newsroom…": main asks the server for its stories (GET /stories with the token) and
// gives the window what it can read of the answer, or a clear error.

const server = { url: "ws://127.0.0.1:4321", token: "secret-token" };

/// A fetch that answers once with `status` and `body`, recording what it was asked.
function answering(status: number, body: unknown) {
  const asked: { url: string; headers: Record<string, string> }[] = [];
  const fetchStories = (async (url: string, init: { headers: Record<string, string> }) => {
    asked.push({ url, headers: init.headers });
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
  return { asked, fetchStories };
}

describe("a newsroom server's story list", () => {
  it("is asked of the server's own port over http(s), with the token as a Bearer token", async () => {
    expect(httpAddress("wss://desk.example.org/copydesk/", "/stories")).toBe("https://desk.example.org/copydesk/stories");
    const { asked, fetchStories } = answering(200, { stories: [] });
    await listNewsroomStories(server, fetchStories);
    expect(asked).toEqual([{ url: "http://127.0.0.1:4321/stories", headers: { authorization: "Bearer secret-token", accept: "application/json" } }]);
  });

  it("gives each story's id, headline, status and how many are in it, newest first, leaving out what is not a story", async () => {
    const { fetchStories } = answering(200, {
      stories: [
        { id: "a1", headline: "Older", status: "draft", updated: "2026-11-29T09:00:00Z", people: [] },
        { id: "b2", headline: "Newer", status: "filed", updated: "2026-11-29T10:00:00Z", people: ["Sam Desk", "Test Reporter"] },
        { id: "../etc/passwd", headline: "Not an id" },
        "not a story",
      ],
    });
    expect(await listNewsroomStories(server, fetchStories)).toEqual([
      { id: "b2", headline: "Newer", status: "filed", updated: "2026-11-29T10:00:00Z", people: 2 },
      { id: "a1", headline: "Older", status: "draft", updated: "2026-11-29T09:00:00Z", people: 0 },
    ]);
  });

  it("says so when the server refuses the token, or cannot be reached", async () => {
    await expect(listNewsroomStories(server, answering(401, { error: "no" }).fetchStories)).rejects.toThrow(/refused your token/);
    const unreachable = (async () => {
      throw new TypeError("fetch failed");
    }) as unknown as typeof fetch;
    await expect(listNewsroomStories(server, unreachable)).rejects.toThrow(/could not be reached/);
    await expect(listNewsroomStories({ url: "ws://desk.example.org", token: "x" }, answering(200, []).fetchStories)).rejects.toThrow(/not encrypted/);
  });
});
