import type { NewsroomStory } from "../../shared/ipc";
import { newsroomServerProblem } from "../../shared/newsroom-address";
import type { NewsroomServer } from "../../shared/settings";
import { UserFacingError } from "./errors";

// "Open from Newsroom…" lists a newsroom server's stories: `GET /stories` on the server's own port
// (server/newsroom-server.ts), with the journalist's token as a Bearer token. Main asks, not the
// window: the page's CSP lets it open WebSockets only, and the token stays out of any URL.

/// How long the list may take before the journalist is told the server does not answer.
const listTimeoutMs = 15_000;

/// The server's HTTP address for a path: ws:// becomes http://, wss:// https://.
export function httpAddress(server: string, path: string): string {
  const base = server.replace(/^ws(s?):\/\//i, "http$1://").replace(/\/+$/, "");
  return `${base}${path}`;
}

/// The stories of a server in Settings, newest first; a clear error when it refuses or cannot be reached.
export async function listNewsroomStories(server: NewsroomServer, fetchStories: typeof fetch = fetch): Promise<NewsroomStory[]> {
  const problem = newsroomServerProblem(server.url);
  if (problem) throw new UserFacingError("invalid-request", problem);
  let response: Response;
  try {
    response = await fetchStories(httpAddress(server.url, "/stories"), {
      headers: { authorization: `Bearer ${server.token}`, accept: "application/json" },
      signal: AbortSignal.timeout(listTimeoutMs),
    });
  } catch (e) {
    throw new UserFacingError("io", `The newsroom server ${server.url} could not be reached (${(e as Error).message}). Check the address, or work offline.`);
  }
  if (response.status === 401 || response.status === 403) {
    throw new UserFacingError("invalid-request", `The newsroom server ${server.url} refused your token: check it in Edit > Newsroom Server….`);
  }
  if (!response.ok) throw new UserFacingError("io", `The newsroom server ${server.url} answered ${response.status} to the list of stories.`);
  const body = (await response.json().catch(() => null)) as unknown;
  const list = Array.isArray(body) ? body : Array.isArray((body as { stories?: unknown })?.stories) ? (body as { stories: unknown[] }).stories : null;
  if (!list) throw new UserFacingError("io", `The newsroom server ${server.url} sent a list of stories Copydesk cannot read.`);
  return list.flatMap((entry) => storyOf(entry)).sort((a, b) => b.updated.localeCompare(a.updated));
}

/// One story of the list, or none when it is not one (each field checked; the server is another program).
function storyOf(entry: unknown): NewsroomStory[] {
  if (typeof entry !== "object" || entry === null) return [];
  const { id, headline, status, updated, people } = entry as Record<string, unknown>;
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return [];
  const connected = Array.isArray(people) ? people.length : typeof people === "number" ? people : 0;
  return [
    {
      id,
      headline: typeof headline === "string" ? headline.slice(0, 500) : "",
      status: typeof status === "string" ? status.slice(0, 40) : "",
      updated: typeof updated === "string" ? updated.slice(0, 40) : "",
      people: Number.isFinite(connected) ? connected : 0,
    },
  ];
}
