import type { Extension, onRequestPayload } from "@hocuspocus/server";
import type { ServerResponse } from "node:http";
import { DeskFolderError, DeskIndex } from "../electron/services/desk-index";
import type { DeskStory } from "../shared/desk/story";
import type { Access } from "./access";
import type { TokenCheck } from "./users";

// HTTP on the server's port. `GET /stories` with `Authorization: Bearer <token>` answers the list
// "Open from newsroom…" shows: each story's desk line (the desk view's own code reads the
// server's .article copies) and who is in it now. Anything else is a short text or a 404.

/// A story on the newsroom server's list.
export interface NewsroomStory extends Omit<DeskStory, "id"> {
  /// The story id (the document name on the wire).
  id: string;
  /// The names of the people in the story now (on this instance).
  people: string[];
}

export interface StoriesAnswer {
  stories: NewsroomStory[];
}

export class StoriesHttp implements Extension {
  extensionName = "Copydesk stories list";
  private readonly index: DeskIndex;
  /// One scan at a time: requests that come during one share it.
  private scanning: Promise<unknown> | null = null;

  constructor(
    storiesFolder: string,
    private readonly checkToken: TokenCheck,
    private readonly access: Access,
  ) {
    this.index = new DeskIndex(storiesFolder);
  }

  async onRequest({ request, response }: onRequestPayload): Promise<void> {
    try {
      const path = new URL(request.url ?? "/", "http://server").pathname;
      if (path === "/stories" && request.method === "GET") await this.answerStories(request.headers.authorization, response);
      else if (path === "/" && request.method === "GET") sendText(response, 200, "Copydesk newsroom server: connect with Copydesk (File > Open from Newsroom…).\n");
      else sendJSON(response, 404, { error: "no such address: GET /stories lists the stories" });
    } catch (e) {
      if (!response.headersSent) sendJSON(response, 500, { error: `the list could not be made (${(e as Error)?.message ?? String(e)})` });
      else response.destroy();
    }
    // A rejection without an error tells Hocuspocus the request is answered (no default reply).
    throw null;
  }

  private async answerStories(authorization: string | undefined, response: ServerResponse): Promise<void> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? "")?.[1];
    const user = await this.checkToken(token);
    if (!user) {
      sendJSON(response, 401, { error: token ? "this server does not know that token" : "no token: send Authorization: Bearer <token>" }, { "WWW-Authenticate": "Bearer" });
      return;
    }
    await this.scan();
    const stories = this.index
      .stories()
      .filter((story) => !story.id.includes("/") && story.id.endsWith(".article"))
      .map((story): NewsroomStory => {
        const id = story.id.slice(0, -".article".length);
        return { ...story, id, people: this.access.peopleIn(id) };
      })
      .sort((a, b) => b.updated.localeCompare(a.updated));
    sendJSON(response, 200, { stories } satisfies StoriesAnswer);
  }

  private async scan(): Promise<void> {
    this.scanning ??= this.index.scan().finally(() => (this.scanning = null));
    try {
      await this.scanning;
    } catch (e) {
      // No story saved yet: the folder does not exist.
      if (!(e instanceof DeskFolderError)) throw e;
    }
  }
}

function sendJSON(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(text);
}
