import type { connectedPayload, Extension, onAuthenticatePayload, onDisconnectPayload } from "@hocuspocus/server";
import type { IncomingMessage } from "node:http";
import { storyIdPattern } from "./story-store";
import type { TokenCheck } from "./users";

// Who may open which story, and who is in each story now. Hocuspocus sends a refusal's `reason`
// to the provider (its authenticationFailed event) and sends no part of the story.

/// A refusal Hocuspocus passes on to the client as it is (an empty message keeps its log quiet).
export function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(""), { reason });
}

/// What a connection's context holds once its token is accepted.
export interface ConnectionUser {
  user: { id: string; name: string };
}

export class Access implements Extension {
  extensionName = "Copydesk access";
  /// Story id → socket id → the person's name.
  private readonly present = new Map<string, Map<string, string>>();

  constructor(
    private readonly checkToken: TokenCheck,
    /// Told of each connection's request once a token of it is accepted.
    private readonly letIn: (request: IncomingMessage) => void = () => undefined,
  ) {}

  async onAuthenticate({ documentName, token, request }: onAuthenticatePayload): Promise<ConnectionUser> {
    if (!storyIdPattern.test(documentName)) {
      throw refusal("not a story id: 1 to 64 letters, digits, hyphens or underscores");
    }
    if (!token) throw refusal("no token: add one for this server in Edit > Newsroom Server… (copydesk server add-user NAME prints it)");
    const user = await this.checkToken(token);
    if (!user) throw refusal("this server does not know that token");
    this.letIn(request);
    return { user };
  }

  async connected({ documentName, socketId, context }: connectedPayload): Promise<void> {
    const name = (context as Partial<ConnectionUser>).user?.name;
    if (!name) return;
    const people = this.present.get(documentName) ?? new Map<string, string>();
    people.set(socketId, name);
    this.present.set(documentName, people);
  }

  async onDisconnect({ documentName, socketId }: onDisconnectPayload): Promise<void> {
    const people = this.present.get(documentName);
    people?.delete(socketId);
    if (people?.size === 0) this.present.delete(documentName);
  }

  /// The names of the people connected to a story through this instance, each once.
  peopleIn(story: string): string[] {
    return [...new Set(this.present.get(story)?.values() ?? [])].sort();
  }
}
