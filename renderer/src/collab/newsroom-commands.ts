import type { Article } from "../../../shared/article";
import { unsharedParts } from "../../../shared/collab/y-doc";
import type { Identity, NewsroomServer, NewsroomStory, OpenedDocument, Settings, SharedPart } from "../../../shared/ipc";
import { call } from "../app/api";
import { openForm } from "../app/dialogs";
import { element } from "../app/dom";
import type { ArticleEditor } from "../editor";
import type { DocumentSession } from "../app/document-session";
import type { ConnectionState } from "./connection";
import { SharedStory } from "./shared-story";
import { editNewsroomServers } from "./server-dialog";
import { shareVersions, watchVersions } from "./versions";
import { VersionHistory } from "../review/version-history";
import "./collab.css";

// The window's newsroom commands (loaded with the collab code, when a shared story opens or one of
// them is chosen): File > Share to Newsroom…, Open from Newsroom…, Take Offline and Bring Back
// Online, and the shared story of a file opened. The title bar says who is in the story and how
// its connection is ("Offline, 3 changes not yet shared").

/// What the commands need from the window's shell.
export interface NewsroomShell {
  editor: () => ArticleEditor;
  session: () => DocumentSession;
  settings: () => Settings;
  saveSettings: (changes: Partial<Settings>) => Promise<void>;
  identity: () => Promise<Identity | null>;
  /// Opens a document in the window as File > Open would.
  load: (opened: OpenedDocument, note?: string) => void;
  save: (as: boolean) => Promise<void>;
  unsavedWorkInTheWay: () => boolean;
  show: (text: string, kind?: "info" | "error") => void;
  /// The title bar's place for the connection and the people in the story.
  titlebar: HTMLElement;
}

/// The newsroom side of one window.
export class NewsroomWindow {
  private story: SharedStory | null = null;
  private stopWatching: () => void = () => undefined;
  private readonly state = element("span", { class: "share-state", role: "status", "aria-live": "polite" });
  private readonly people = element("span", { class: "presence", "aria-label": "In this story" });

  constructor(private readonly shell: NewsroomShell) {
    this.state.hidden = true;
    this.people.hidden = true;
    shell.titlebar.append(this.state, this.people);
  }

  /// The shared story of this window, or null.
  get shared(): SharedStory | null {
    return this.story;
  }

  /// The article to save: a shared story's as the shared document holds it (every replica reads the
  /// same), with this window's new versions shared first.
  articleToSave(): ReturnType<SharedStory["article"]>["json"] | null {
    if (!this.story) return null;
    shareVersions(this.story.ydoc, this.shell.session().history);
    return this.story.article().json;
  }

  /// A document was opened in the window: a shared one is bound to its story, any other lets the last go.
  async opened(opened: OpenedDocument): Promise<void> {
    this.leave();
    if (!opened.shared) return;
    const identity = await this.shell.identity();
    const token = this.tokenFor(opened.shared.server);
    const story = SharedStory.fromFile(opened.shared, token, identity?.name ?? "Someone", { onConnection: (state) => this.showConnection(state) });
    this.bind(story, !opened.edited);
    if (!token) this.shell.show(`${opened.title} is shared on ${opened.shared.server}, but your settings have no token for it: add it in Edit > Newsroom Server…, then File > Bring Back Online. Your edits are kept meanwhile.`, "error");
  }

  /// File > Share to Newsroom…: the open story goes to a server under a new id; the local file keeps it all.
  async share(): Promise<void> {
    const session = this.shell.session();
    if (this.story) return this.shell.show(`${session.title} is shared already, on ${this.story.server}.`);
    const unshared = unsharedParts(this.shell.editor().doc);
    if (unshared.length) return this.shell.show(`${session.title} cannot be shared yet: ${unshared.join("; ")}.`, "error");
    const server = await this.chooseServer("Share to newsroom", "Share");
    const identity = server && (await this.shell.identity());
    if (!server || !identity) return;
    const editor = this.shell.editor();
    const json = editor.article();
    const article: Article = { meta: json.meta, doc: editor.doc, assets: json.assets, review: session.payload(json).review };
    this.shell.show(`Sharing ${session.title} on ${server.url}…`);
    const story = await SharedStory.share(article, server.url, server.token, identity.name, { onConnection: (state) => this.showConnection(state) });
    this.bind(story, false);
    await this.shell.save(false);
    this.shell.show(`Shared on ${server.url}: colleagues open it with File > Open from Newsroom… This file keeps a full copy to work offline.`);
  }

  /// File > Open from Newsroom…: a server's stories; the one chosen opens here, and is saved as a local file too.
  async open(): Promise<void> {
    if (this.shell.unsavedWorkInTheWay()) return;
    const server = await this.chooseServer("Open from newsroom", "Next");
    if (!server) return;
    const stories = await call("newsroom:stories", { server: server.url });
    if (stories.length === 0) return this.shell.show(`${server.url} has no stories yet: share one with File > Share to Newsroom….`);
    const id = await chooseStory(stories);
    const identity = id && (await this.shell.identity());
    if (!id || !identity) return;
    this.shell.show(`Opening the story from ${server.url}…`);
    const story = await SharedStory.open(server.url, id, server.token, identity.name, { onConnection: (state) => this.showConnection(state) });
    this.shell.load(await call("document:new", {}));
    this.bind(story, false);
    await this.shell.save(false);
    this.shell.show(`Opened ${this.shell.session().title} from ${server.url}, shared: what you write appears for the others as you type.`);
  }

  /// File > Take Offline.
  takeOffline(): void {
    if (!this.story) return this.shell.show("This story is not shared: it is only in its file.");
    this.story.connection.takeOffline();
    this.shell.show("Offline: keep writing; your changes are kept in the file and merged when you bring the story back online.");
  }

  /// File > Bring Back Online.
  bringOnline(): void {
    if (!this.story) return this.shell.show("This story is not shared: it is only in its file.");
    const token = this.tokenFor(this.story.server);
    if (!token) return this.shell.show(`Your settings have no token for ${this.story.server}: add it in Edit > Newsroom Server….`, "error");
    this.story.connection.bringOnline(token);
    this.shell.show("Back online: your changes and the others' are being merged.");
  }

  /// Binds the editor to the story (the article as the shared document holds it); `unchanged` keeps the file unedited.
  private bind(story: SharedStory, unchanged: boolean): void {
    this.story = story;
    const session = this.shell.session();
    const { article, repairs } = story.article();
    session.sharedPart = () => story.part();
    session.history = new VersionHistory(article.doc, article.review);
    // Others' versions: this window's new ones go first (none is lost), then History is rebuilt with all.
    this.stopWatching = watchVersions(story.ydoc, () => {
      const current = this.shell.session();
      shareVersions(story.ydoc, current.history);
      const { article: now } = story.article();
      current.history = new VersionHistory(now.doc, now.review);
    });
    const editor = this.shell.editor();
    editor.setArticle(article.doc, article.meta, article.assets, article.review, story.plugins(() => editor.assetStore));
    if (unchanged && repairs.length === 0) session.unchanged();
    this.showConnection(story.connection.state);
    if (repairs.length) this.shell.show(`The shared story was repaired after a merge: ${repairs.join("; ")}.`, "error");
  }

  /// Lets the window's shared story go (another document replaces it).
  leave(): void {
    this.stopWatching();
    this.stopWatching = () => undefined;
    this.story?.destroy();
    this.story = null;
    this.state.hidden = true;
    this.people.hidden = true;
  }

  private showConnection(state: ConnectionState): void {
    this.state.hidden = false;
    this.state.dataset.status = state.status;
    const pending = `${state.pending} ${state.pending === 1 ? "change" : "changes"} not yet shared`;
    this.state.textContent =
      state.status === "online" ? "Shared, online" : state.status === "connecting" ? `Reconnecting, ${pending}` : state.status === "offline" ? `Offline, ${pending}` : "Refused by the server";
    if (state.problem) this.state.title = state.problem;
    else this.state.removeAttribute("title");
    this.people.hidden = state.others.length === 0;
    this.people.replaceChildren(
      ...(state.others.length ? [element("span", { class: "presence-label" }, "With")] : []),
      ...state.others.map((person) => {
        const chip = element("span", { class: "presence-person" }, person.name);
        chip.style.borderColor = person.color;
        return chip;
      }),
    );
  }

  private tokenFor(url: string): string | null {
    return this.shell.settings().newsroomServers.find((server) => server.url === url)?.token ?? null;
  }

  /// The server to use: the only one, or the one chosen; with none yet, the Newsroom Server dialog first.
  private async chooseServer(title: string, submitLabel: string): Promise<NewsroomServer | null> {
    if (this.shell.settings().newsroomServers.length === 0) {
      await editNewsroomServers([], (newsroomServers) => this.shell.saveSettings({ newsroomServers }));
    }
    const servers = this.shell.settings().newsroomServers;
    if (servers.length <= 1) return servers[0] ?? null;
    let chosen: NewsroomServer | null = null;
    await openForm({
      title,
      submitLabel,
      fields: [{ name: "server", label: "Newsroom server", type: "select", value: servers[0]!.url, options: servers.map((server) => ({ value: server.url, label: server.url })) }],
      submit: ({ server }) => {
        chosen = servers.find((kept) => kept.url === server) ?? null;
        return chosen ? null : "Choose a server.";
      },
    });
    return chosen;
  }
}

/// The story to open, chosen in a list of the server's stories (headline, status, who is in it).
async function chooseStory(stories: NewsroomStory[]): Promise<string | null> {
  let chosen: string | null = null;
  const label = (story: NewsroomStory) => {
    const people = story.people ? ` · ${story.people} writing` : "";
    return `${story.headline || "(no headline)"}${story.status ? ` · ${story.status}` : ""}${people}`;
  };
  await openForm({
    title: "Open from newsroom",
    submitLabel: "Open",
    fields: [{ name: "story", label: "Story", type: "select", value: stories[0]!.id, options: stories.map((story) => ({ value: story.id, label: label(story) })) }],
    submit: ({ story }) => {
      chosen = stories.some((kept) => kept.id === story) ? (story ?? null) : null;
      return chosen ? null : "Choose a story.";
    },
  });
  return chosen;
}

export type { SharedPart };
