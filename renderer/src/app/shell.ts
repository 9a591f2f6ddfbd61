import type { EditorState } from "prosemirror-state";
import type { AppHandle } from "../../../shared/app-handle";
import { platformOf } from "../../../shared/keys";
import type { EventTypes, Identity, OpenedDocument, Settings } from "../../../shared/ipc";
import { ArticleEditor } from "../editor";
import { figureAt } from "../editor/commands";
import { isSuggesting, setSuggesting, settle } from "../review/suggest-mode";
import { articleKeymap } from "../editor/keymap";
import { metaOf, replaceMeta } from "../editor/meta";
import { statusLabels, type ArticleMeta } from "../../../shared/article";
import { embargoChipText, isEmbargoed } from "../../../shared/embargo";
import { ApiError, call } from "./api";
import { DocumentSession } from "./document-session";
import { askLoadFromDisk } from "./disk-change-bar";
import { element } from "./dom";
import type { ExportContext } from "./export-dialog";
import { findBar } from "./find-bar";
import { metaPanel } from "./meta-panel";
import { countsDisplay, exportedText, showInFolderButton } from "./status-bar";
import { toolbar } from "./toolbar";
import { toolbarGroups } from "./toolbar-items";
import { bindingCommands, commandBindings, type FileCommandId, type ShellActions } from "./command-bindings";
import { checksPanel } from "./checks-panel";
import { commandRunner } from "./command-runner";
import { noteMargin } from "../review/note-margin";
import type { ComparedArticle } from "../../../shared/ipc";
import { importSummary, reportButton } from "./import-report";
import type { PageOffer } from "../editor/page-paste";

declare global {
  interface Window {
    copydeskApp?: AppHandle;
  }
}

// What the first frame does not need is loaded on first use: the dialogs (link, figure, related
// link, dateline, export, changed on disk) and the recovery list.
const editorDialogs = () => import("./editor-dialogs");
// A change of status and marking an article published: small, but not needed to show the article.
const workflowCommands = () => import("../review/workflow-commands");
const publishing = () => import("./mark-published");
const exportDialog = () => import("./export-dialog");
const templateDialog = () => import("./template-dialog");
const identityDialog = () => import("../review/identity-dialog");
const versionDialog = () => import("../review/version-dialog");
const pageOfferBar = () => import("./page-offer-bar");
// Shared stories (issue 16): yjs, y-prosemirror and the provider load only when a shared story opens or a newsroom command runs.
const newsroomCommands = () => import("../collab/newsroom-commands");

/// Builds the window: toolbar, find bar, editor, metadata panel, status bar; opens a new article and wires the commands.
export async function startApp(root: HTMLElement): Promise<void> {
  root.innerHTML = "";
  const header = element("header", { class: "toolbar-band" });
  const titlebar = element("div", { class: "titlebar" });
  const docTitle = element("span", { class: "doc-title" });
  const docState = element("span", { class: "doc-state" });
  const statusChip = element("span", { class: "status-chip" });
  titlebar.append(element("span", { class: "brand" }, "Copydesk"), docTitle, docState, statusChip);
  const top = element("div", { class: "toolbar", role: "toolbar", "aria-label": "Editing" });
  header.append(titlebar, top);
  const workspace = element("div", { class: "workspace" });
  const main = element("main", { class: "document" });
  const panel = element("aside", { class: "meta-panel", "aria-label": "Metadata", id: "meta-panel" });
  const checksAside = element("aside", { class: "checks-panel", "aria-label": "Checks", id: "checks-panel" });
  const status = element("footer", { class: "statusbar" });
  const message = element("div", { class: "message", role: "status", "aria-live": "polite" });
  status.append(message);
  const historyAside = element("aside", { class: "history-panel", "aria-label": "History", id: "history-panel" });
  const compareAside = element("aside", { class: "history-panel compare-panel", "aria-label": "Compare", id: "compare-panel" });
  const reviewAside = element("aside", { class: "history-panel review-panel", "aria-label": "Review", id: "review-panel" });
  // Closed until first opened (their code is loaded then).
  for (const aside of [historyAside, compareAside, reviewAside]) aside.hidden = true;
  workspace.append(main, checksAside, historyAside, compareAside, reviewAside, panel);
  root.append(header, workspace, status);
  // The desk (File > Open Desk Folder…) takes the workspace's place while it is shown; its code loads on first use.
  const deskSection = element("section", { class: "desk-view", id: "desk-view", "aria-label": "Desk" });
  deskSection.hidden = true;
  workspace.after(deskSection);

  let settings: Settings = await call("settings:get", {});
  let session = new DocumentSession(await call("document:new", {}));
  const getEditor = () => editor;
  let closePageOffer: () => void = () => undefined;

  const actions: ShellActions = {
    file: (id) => run(id)(),
    editLink: () => void editorDialogs().then((d) => d.editLink(editor)),
    insertFigure: () => void editorDialogs().then((d) => d.editFigure(editor, figureAt(editor.state)?.pos)),
    addRelatedLink: () => void editorDialogs().then((d) => d.editRelatedLink(editor)),
    editRelatedLink: (index) => void editorDialogs().then((d) => d.editRelatedLink(editor, index)),
    editDateline: () => void editorDialogs().then((d) => d.editDateline(editor)),
    addNote: () => void notes.startNote(false).catch(showError),
    addDeskNote: () => void notes.startNote(true).catch(showError),
    changeStatus: (to) => void handOff(to).catch(showError),
    editIdentity: () => void askAuthor(false).catch(showError),
    toggleSuggesting: () => void toggleSuggesting().catch(showError),
    find: (replace) => find.open(replace),
    closeFind: () => find.close(),
    toggleSmartQuotes: () => void setSettings({ smartQuotes: !settings.smartQuotes }),
    smartQuotes: () => settings.smartQuotes,
    toggleMetadata: () => {
      panel.hidden = !panel.hidden;
      refreshToolbar(editor.state, true);
      if (!panel.hidden) panel.querySelector("input")?.focus();
    },
    metadataShown: () => !panel.hidden,
    checkCard: () => void checks.openCard(),
    toggleChecks: () => {
      checks.toggle();
      refreshToolbar(editor.state, true);
    },
    checksShown: () => checks.shown(),
    toggleHistory: () =>
      void panels.history().then((history) => {
        history.toggle();
        refreshToolbar(editor.state, true);
      }, showError),
    historyShown: () => panels.built.history?.shown() ?? false,
    toggleReview: () =>
      void panels.review().then((reviewList) => {
        reviewList.toggle();
        refreshToolbar(editor.state, true);
      }, showError),
    reviewShown: () => panels.built.review?.shown() ?? false,
    toggleCheckAsYouType: () =>
      void call("settings:set", { checkAsYouType: !settings.checkAsYouType })
        .then(async (changed) => {
          settings = changed;
          await checks.useSettings(settings);
          refreshToolbar(editor.state, true);
          show(`Check as you type ${settings.checkAsYouType ? "on" : "off"}.`);
        })
        .catch(showError),
    checkAsYouType: () => settings.checkAsYouType,
    editNewsroomDefaults: () =>
      void import("./newsroom-dialog")
        .then(({ editNewsroomDefaults }) =>
          editNewsroomDefaults(settings, async (newsroom) => {
            settings = await call("settings:set", { newsroom });
            show("Newsroom defaults saved.");
          }),
        )
        .catch(showError),
    editNewsroomServers: () =>
      void import("../collab/server-dialog")
        .then(({ editNewsroomServers }) =>
          editNewsroomServers(settings.newsroomServers, async (newsroomServers) => void (settings = await call("settings:set", { newsroomServers })), show),
        )
        .catch(showError),
  };

  const platform = platformOf(navigator.platform);
  const bindings = commandBindings(actions);
  const commands = commandRunner(bindings, getEditor, platform);
  const find = findBar(main, getEditor, commands);
  const refreshToolbar = toolbar(top, toolbarGroups(bindings, commands));
  const refreshMeta = metaPanel(panel, getEditor, commands, (to) =>
    void (async () => {
      const author = settings.identity ?? (await askAuthor(false));
      const { changeStatus } = await workflowCommands();
      if (author) editor.run(changeStatus(to, author));
      else refreshMeta(editor.state);
    })().catch(showError),
    () => settings.newsroom,
  );
  const refreshCounts = countsDisplay(status);
  const notes = noteMargin(main, getEditor, { author: () => (settings.identity ? Promise.resolve(settings.identity) : askAuthor(false)), show });

  /// Asks who is writing (on first start, and from the menu); answers the identity kept in Settings.
  /// Suggest mode on or off; suggestions need a name, asked for first when there is none.
  async function toggleSuggesting(): Promise<void> {
    const on = !isSuggesting(editor.state);
    if (on && !settings.identity && !(await askAuthor(false))) return;
    editor.run(setSuggesting(on));
    document.body.classList.toggle("suggesting", on);
    show(on ? "Suggesting: your edits are suggestions the author can accept or reject." : "Editing: your edits change the article.");
    editor.focus();
  }

  /// "File to Desk…" and "Send Back to Reporter…": the status, who and when, and an optional desk note, in one undo step.
  async function handOff(to: "filed" | "draft"): Promise<void> {
    const author = settings.identity ?? (await askAuthor(false));
    if (!author) return;
    const filing = to === "filed";
    const [{ openForm }, { changeStatus }] = await Promise.all([import("./dialogs"), workflowCommands()]);
    await openForm({
      title: filing ? "File to desk" : "Send back to reporter",
      message: filing ? "The story goes to the desk with the status Filed." : "The story goes back to its reporter with the status Draft.",
      submitLabel: filing ? "File to Desk" : "Send Back",
      fields: [{ name: "note", label: filing ? "Note for the desk (optional)" : "What to do (optional)", type: "textarea" }],
      submit: ({ note }) => {
        if (!editor.run(changeStatus(to, author, note))) return `The story is ${statusLabels[to].toLowerCase()} already.`;
        show(filing ? "Filed to the desk. Save to hand it over." : "Sent back to the reporter. Save to hand it over.");
        return null;
      },
    });
    editor.focus();
  }

  async function askAuthor(firstStart: boolean): Promise<Identity | null> {
    const { askIdentity } = await identityDialog();
    const identity = await askIdentity(settings.identity, async (changes) => (settings = await call("settings:set", { identity: changes })), firstStart);
    if (identity) show(`Your notes are signed ${identity.name} (${identity.initials}).`);
    return identity ?? settings.identity;
  }

  // The review's side panels, built the first time one is opened (their module is loaded then).
  const sidePanels = () => import("../review/side-panels");
  type SidePanels = Awaited<ReturnType<typeof sidePanels>>;
  const built: {
    history?: ReturnType<SidePanels["historyPanel"]>;
    compare?: ReturnType<SidePanels["comparePanel"]>;
    review?: ReturnType<SidePanels["reviewPanel"]>;
  } = {};
  const panels = {
    built,
    history: async () =>
      (built.history ??= (await sidePanels()).historyPanel(historyAside, getEditor, {
        history: () => session.history,
        show,
        pruneRule: () => settings.versionPruning,
        savePruneRule: async (rule) => void (settings = await call("settings:set", { versionPruning: rule })),
      })),
    compare: async () => (built.compare ??= (await sidePanels()).comparePanel(compareAside, getEditor)),
    review: async () => (built.review ??= (await sidePanels()).reviewPanel(reviewAside, getEditor)),
    comparedSide: async (article: ComparedArticle) => (await sidePanels()).comparedSide(article),
  };
  const checks = checksPanel(checksAside, main, getEditor, {
    settings: () => settings,
    saveSettings: async (changes) => {
      settings = await call("settings:set", changes);
      await checks.useSettings(settings);
      show("Checks settings saved.");
    },
    chooseGuideFolder: async (clear) => {
      settings = await call("style:choose-guide-folder", clear ? { clear: true } : {});
      await checks.useSettings(settings);
    },
    show,
  });

  let statusSeen: { session: DocumentSession | null; status: string } = { session: null, status: "" };
  let chipShown = "";
  let chipMeta: ArticleMeta | null = null;
  let chipEmbargo = false;
  /// The title bar's chip: the status, and the embargo in local time while it is still to come.
  /// Typing leaves the metadata as it was (the same object): then only an embargo that has just
  /// passed changes the chip, and the date is not formatted again on every keystroke.
  function showStatusChip(meta: ArticleMeta): void {
    const now = new Date();
    if (meta === chipMeta && (!chipEmbargo || isEmbargoed(meta.embargo, now))) return;
    chipMeta = meta;
    const embargo = embargoChipText(meta.embargo, now);
    chipEmbargo = embargo !== "";
    const key = `${meta.status} ${embargo}`;
    if (key === chipShown) return;
    chipShown = key;
    statusChip.dataset.status = meta.status;
    statusChip.textContent = statusLabels[meta.status];
    if (embargo) statusChip.append(element("span", { class: "status-embargo" }, ` · ${embargo}`));
  }
  function refresh(state: EditorState): void {
    const { status } = metaOf(state);
    // A change of status in the same article (not another article opened) takes a version.
    if (statusSeen.session === session && statusSeen.status !== status && settings.identity) {
      session.history.take({ doc: state.doc, meta: metaOf(state) }, settings.identity, "status", { rule: settings.versionPruning });
    }
    statusSeen = { session, status };
    showStatusChip(metaOf(state));
    refreshToolbar(state);
    refreshMeta(state);
    refreshCounts(state);
    notes.refresh(state);
    find.refresh(state);
    checks.refresh(state);
    built.history?.refresh();
    built.compare?.refresh();
    built.review?.refresh(state);
  }

  const editor: ArticleEditor = new ArticleEditor(main, {
    doc: session.doc,
    meta: session.meta,
    assets: session.assets,
    review: session.review,
    assetHost: {
      add: async (asset) => {
        const added = await call("asset:add", { handle: session.handle, data: asset.data });
        session.mainHolds(added.key);
        return added.key;
      },
      choose: async () => {
        const chosen = await call("asset:choose-image", { handle: session.handle });
        if (!chosen) return null;
        session.mainHolds(chosen.key);
        return { key: chosen.key, asset: { type: chosen.type, data: chosen.data }, name: chosen.name };
      },
    },
    smartQuotes: () => settings.smartQuotes,
    author: () => settings.identity ?? null,
    openLink: (href) =>
      void call("link:open", { href }).then(
        () => show(`Opened ${href} in your browser.`),
        (e: unknown) => showError(e),
      ),
    notify: (text) => show(text, "error"),
    offerPage: (offer) => void offerPage(offer).catch(showError),
    keys: articleKeymap(bindingCommands(bindings), platform),
    plugins: [checks.plugin],
    hooks: {
      addRelatedLink: actions.addRelatedLink,
      editDateline: actions.editDateline,
      editFigure: (pos) => void editorDialogs().then((d) => d.editFigure(editor, pos)),
      editRelatedLink: actions.editRelatedLink,
    },
    onUpdate: (state, docChanged) => {
      refresh(state);
      if (!docChanged) return;
      const wasEdited = session.edited;
      session.changed();
      if (!wasEdited) updateTitle();
    },
  });

  /// A whole page was pasted: its article went in; the bar under the toolbar offers its fields and report.
  async function offerPage(offer: PageOffer): Promise<void> {
    const { offerPageFields } = await pageOfferBar();
    const report = { found: offer.found, warnings: offer.leftOut };
    const tell = (text: string) => {
      show(text);
      message.append(" ", reportButton(report));
    };
    closePageOffer();
    closePageOffer = offerPageFields(header, offer, { editor: getEditor, tell });
    tell(`Pasted the article of a whole page, without the rest of the page.${offer.fields.length ? " Its fields are offered under the toolbar." : ""}`);
  }

  function applyTheme(): void {
    if (settings.theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }

  async function setSettings(changes: Partial<Settings>): Promise<void> {
    settings = await call("settings:set", changes);
    applyTheme();
    refreshToolbar(editor.state, true);
    show(`Smart quotes ${settings.smartQuotes ? "on" : "off"}.`);
  }

  function updateTitle(): void {
    document.title = session.windowTitle;
    docTitle.textContent = session.title;
    docState.textContent = session.edited ? "Edited" : session.path ? "Saved" : "";
  }

  function show(text: string, kind: "info" | "error" = "info"): void {
    message.textContent = text;
    message.dataset.kind = kind;
    // Counts the messages shown, so a script can tell a new "Saved" from the last one.
    message.dataset.count = String(Number(message.dataset.count ?? 0) + 1);
    message.setAttribute("role", kind === "error" ? "alert" : "status");
  }

  function showError(e: unknown): void {
    if (e instanceof ApiError) {
      const details = e.error.details?.length ? ` ${e.error.details.join("; ")}` : "";
      show(`${e.message}${details}`, "error");
    } else show(`Something went wrong: ${(e as Error)?.message ?? String(e)}`, "error");
  }

  function load(opened: OpenedDocument, note?: string): void {
    const previous = session.handle;
    closePageOffer();
    session.dispose();
    built.compare?.close();
    session = new DocumentSession(opened);
    editor.setArticle(session.doc, session.meta, session.assets, session.review);
    // A shared story is bound to its story on the server; any other lets the window's last one go.
    if (newsroom) void newsroom.opened(opened).catch(showError);
    else if (opened.shared) void newsroomWindow().then((window) => window.opened(opened), showError);
    updateTitle();
    if (previous !== session.handle) void call("document:close", { handle: previous }).catch(() => undefined);
    show(note ?? (opened.migratedFrom ? `Opened ${session.title} (updated from version ${opened.migratedFrom}).` : `Opened ${session.title}.`));
    if (opened.versionsDropped) show(`Opened ${session.title}, but some of its earlier versions could not be read: ${opened.versionsDropped.join(" ")}`, "error");
  }

  async function save(as: boolean): Promise<void> {
    if (settings.identity) session.history.take({ doc: editor.doc, meta: editor.meta }, settings.identity, "save", { rule: settings.versionPruning });
    const saved = await session.save(articleNow(), as);
    if (saved) {
      // The file has the new `updated` time; keep any metadata changed while it was written.
      editor.run(replaceMeta({ ...editor.meta, updated: saved.meta.updated }));
      show(`Saved ${session.path}.`);
    }
    updateTitle();
  }

  /// The article as it stands: a shared story's as its shared document holds it (what every replica reads).
  function articleNow(): ReturnType<ArticleEditor["article"]> {
    return newsroom?.articleToSave() ?? editor.article();
  }

  /// The window's newsroom side (shared stories), loaded on first use.
  let newsroom: import("../collab/newsroom-commands").NewsroomWindow | null = null;
  async function newsroomWindow(): Promise<import("../collab/newsroom-commands").NewsroomWindow> {
    const { NewsroomWindow } = await newsroomCommands();
    newsroom ??= new NewsroomWindow({
      editor: getEditor,
      session: () => session,
      settings: () => settings,
      saveSettings: async (changes) => void (settings = await call("settings:set", changes)),
      identity: async () => settings.identity ?? (await askAuthor(false)),
      load,
      save,
      unsavedWorkInTheWay,
      show,
      titlebar,
    });
    return newsroom;
  }

  /// True (and says so) when replacing this window's article would drop unsaved changes.
  function unsavedWorkInTheWay(): boolean {
    if (!session.edited) return false;
    show("This article has unsaved changes: save it first, or open the other article from a new window (File > New).", "error");
    return true;
  }

  const exportContext: ExportContext = {
    handle: () => session.handle,
    articleJSON: () => session.payload(editor.article()),
    article: () => {
      const json = editor.article();
      // With the review, so the pre-export check can count its open notes and suggestions.
      return { meta: json.meta, doc: editor.state.doc, assets: json.assets, review: json.review };
    },
    settings: async () => (settings = await call("settings:get", {})),
    styleErrors: () => checks.errors(editor.state),
    acceptAllSuggestions: () => editor.run(settle(true, "all")),
    markPublished: (at) => void publishing().then(({ markPublished }) => editor.run(markPublished(at, settings.identity))),
  };

  /// Export… (the dialog) and Export Again (the last formats and folder).
  async function exportArticle(again: boolean): Promise<void> {
    const dialog = await exportDialog();
    const files = await (again ? dialog.exportAgain(exportContext) : dialog.openExportDialog(exportContext));
    if (!files) return;
    show(exportedText(files.length));
    message.append(" ", showInFolderButton(() => void call("export:show-in-folder", {}).catch(showError)));
  }

  const fileCommands: Record<FileCommandId, () => Promise<void>> = {
    save: () => save(false),
    "save-as": () => save(true),
    "save-version": async () => {
      const author = settings.identity ?? (await askAuthor(false));
      const name = author ? await (await versionDialog()).askVersionName() : null;
      if (!author || name === null) return;
      session.history.take({ doc: editor.doc, meta: editor.meta }, author, "named", { name, rule: settings.versionPruning });
      await save(false);
    },
    "compare-file": async () => {
      const other = await call("review:compare-file", { handle: session.handle });
      if (!other) return;
      const side = await panels.comparedSide(other);
      (await panels.compare()).show({
        kind: "file",
        title: `Compared with ${other.title}`,
        legend: `Struck through: only in ${other.title}. Underlined: only in this article.`,
        same: `The article is the same as ${other.title}.`,
        other: side,
      });
      show(`Comparing with ${other.title}; nothing of it is kept, and the article is unchanged.`);
    },
    "new-from-template": async () => {
      if (unsavedWorkInTheWay()) return;
      const story = await (await templateDialog()).openTemplateDialog();
      if (story) load(story.opened, `New story from the ${story.template.name} template: save it to give it a name.`);
      editor.focus();
    },
    open: async () => {
      if (unsavedWorkInTheWay()) return;
      const opened = await call("document:open", {});
      if (opened) load(opened);
    },
    import: async () => {
      if (unsavedWorkInTheWay()) return;
      const opened = await call("document:import", {});
      if (opened) {
        load(opened, importSummary(opened.report));
        message.append(" ", reportButton(opened.report));
      }
    },
    export: () => exportArticle(false),
    "export-again": () => exportArticle(true),
    "open-desk": () => openDesk(),
    "show-desk": () => toggleDesk(),
    "share-to-newsroom": async () => (await newsroomWindow()).share(),
    "open-from-newsroom": async () => (await newsroomWindow()).open(),
    "take-offline": async () => (await newsroomWindow()).takeOffline(),
    "bring-online": async () => (await newsroomWindow()).bringOnline(),
  };
  const run = (id: FileCommandId) => () => void fileCommands[id]().catch(showError);

  /// The desk view, built the first time a desk is opened (its module is loaded then).
  let deskShown: import("../desk/desk-view").DeskView | null = null;
  async function deskView(): Promise<import("../desk/desk-view").DeskView> {
    deskShown ??= (await import("../desk/desk-view")).deskView(deskSection, {
      openStory: async (desk, story) => {
        if (unsavedWorkInTheWay()) return false;
        const opened = await call("desk:open-story", { desk, story });
        if (!opened) {
          // Main opens a file once: it is this window's article, or another window came to the front.
          const here = session.path !== null && session.path.replaceAll("\\", "/").endsWith(`/${story}`);
          show(here ? `${session.title} is the article in this window.` : `${story} is open in another window.`);
          if (here) showDesk(false);
          return here;
        }
        load(opened);
        showDesk(false);
        return true;
      },
      close: () => showDesk(false),
      showError,
    });
    return deskShown;
  }

  /// Shows the desk in place of the article, or the article again.
  function showDesk(on: boolean): void {
    deskSection.hidden = !on;
    workspace.hidden = on;
    // The editing tools act on the article, which the desk hides.
    top.hidden = on;
    if (on) deskShown?.focus();
    else editor.focus();
  }

  /// File > Open Desk Folder…: main asks for the folder; the desk view shows its stories.
  async function openDesk(): Promise<void> {
    const view = await deskView();
    const snapshot = await call("desk:open", {});
    if (!snapshot) return;
    const previous = view.token();
    view.load(snapshot);
    if (previous && previous !== snapshot.desk) void call("desk:close", { desk: previous }).catch(() => undefined);
    showDesk(true);
  }

  /// View > Desk: the desk, or the article again; asks for a folder when no desk is open yet.
  async function toggleDesk(): Promise<void> {
    if (deskShown?.token()) showDesk(deskSection.hidden);
    else await openDesk();
  }

  // The window's own keys (File, Find, Metadata…) work wherever the focus is; the editor's keymap and the find bar take theirs first.
  document.addEventListener("keydown", (event) => {
    if (!event.defaultPrevented && commands.handleKey(event, ["window"])) event.preventDefault();
  });
  window.copydesk.on("menu:command", ({ command }) => commands.runFromMenu(command));
  window.copydesk.on("document:opened", (opened) => load(opened));
  window.copydesk.on("document:snapshot-request", ({ requestId, handle }) => {
    const snapshot = handle === session.handle ? session.snapshot(articleNow()) : null;
    void call("document:snapshot", { requestId, snapshot }).catch(showError);
  });
  window.copydesk.on("document:changed-on-disk", (change) => {
    if (change.handle === session.handle) void diskChanged(change).catch(showError);
  });

  /// Another program changed the file: reload when there is nothing to lose, otherwise ask.
  async function diskChanged({ handle, change, message: text }: EventTypes["document:changed-on-disk"]): Promise<void> {
    if (change === "missing") return show(text, "error");
    const ask = async () => {
      const wanted = await askLoadFromDisk(main, session.title, text, () => void showDiskChanges(handle).catch(showError));
      built.compare?.closeIf("disk");
      return wanted;
    };
    if (change === "changed" && session.edited) {
      const wanted = await ask();
      if (!wanted || session.handle !== handle) return show(`${text} Your version is kept; Save will ask which one to keep.`, "error");
    }
    const revision = session.revision;
    const reloaded = await call("document:reload", { handle });
    if (session.handle !== handle) return;
    if (session.revision !== revision && !(await ask())) {
      return show(`${text} Your version is kept; Save will ask which one to keep.`, "error");
    }
    load(reloaded, change === "reload" ? text : `${text} It has been reloaded.`);
  }

  /// The question about the file on disk is open: the window's version against the one on disk, the question left open.
  async function showDiskChanges(handle: string): Promise<void> {
    const disk = await call("document:disk-version", { handle });
    if (session.handle !== handle) return;
    const side = await panels.comparedSide(disk);
    if (session.handle !== handle) return;
    (await panels.compare()).show({
      kind: "disk",
      title: "Your version against the one on disk",
      legend: "Struck through: only in the version on disk. Underlined: only in yours.",
      same: "Your version and the one on disk are the same.",
      other: side,
    });
  }

  window.copydeskApp = {
    articleJSON: () => editor.article(),
    title: () => session.title,
    path: () => session.path,
    edited: () => session.edited,
  };
  updateTitle();
  applyTheme();
  refresh(editor.state);
  void checks.useSettings(settings).catch(showError);
  root.dataset.ready = "true";
  editor.focus();
  if (!settings.identity) await askAuthor(true).catch(showError);
  const { offerRecovery } = await import("./recovery-panel");
  await offerRecovery(main, {
    cannotRestore: () => (session.edited ? "Save or close the article in this window before restoring another." : null),
    restored: (opened) => load(opened, `Restored ${opened.title}. It is not saved yet.`),
    failed: showError,
  }).catch(showError);
}

