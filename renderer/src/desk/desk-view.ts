import { articleStatuses, statusLabels, type ArticleStatus } from "../../../shared/article";
import {
  authorsOn,
  columnLabels,
  deskColumns,
  filterStories,
  firstDirection,
  sortStories,
  statusText,
  type DeskColumn,
  type DeskFilter,
  type SortDirection,
} from "../../../shared/desk/desk-list";
import type { DeskSnapshot, DeskStory, EventTypes } from "../../../shared/ipc";
import { call } from "../app/api";
import { element } from "../app/dom";
import "./desk.css";

// The desk (File > Open Desk Folder…): every story of a folder in a table that sorts by any column,
// filters by status, author, urgency, embargo and open review, and searches the stories' text in
// the main process. The list follows the folder: main sends each change as it sees it on disk.
// Double-click or Enter opens a story in the editor; Escape goes back to the article.

/// What the desk needs from the window's shell.
export interface DeskHost {
  /// Opens a story of the desk in the editor; false when it was not opened (unsaved work, open elsewhere).
  openStory(desk: string, id: string): Promise<boolean>;
  /// Goes back to the article.
  close(): void;
  showError(e: unknown): void;
}

/// The desk view of a window.
export interface DeskView {
  /// Shows a desk main opened (replacing the one shown before, if any).
  load(snapshot: DeskSnapshot): void;
  /// The token of the desk shown, or null before one is opened.
  token(): string | null;
  /// Puts the focus in the list (or the search box when the list is empty).
  focus(): void;
}

/// Rows shown at first, and added by "Show more": the filters and the search narrow the rest.
const pageSize = 300;
/// How many changes of a desk not loaded yet are kept until its snapshot arrives.
const earlyLimit = 500;
/// How long the search waits for more typing before it asks main, in ms.
const searchPauseMs = 120;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const shownTime = (iso: string | null) => (iso && !Number.isNaN(Date.parse(iso)) ? dateTime.format(new Date(iso)) : "");
const plural = (n: number, thing: string) => `${n.toLocaleString()} ${thing}${n === 1 ? "" : "s"}`;
const storyCount = (n: number) => (n === 1 ? "1 story" : `${n.toLocaleString()} stories`);

/// Builds the desk view in `section`.
export function deskView(section: HTMLElement, host: DeskHost): DeskView {
  let desk: DeskSnapshot | null = null;
  const stories = new Map<string, DeskStory>();
  /// Changes that arrived before the snapshot they follow (main may send them first).
  let early: EventTypes["desk:changed"][] = [];
  let sort: { column: DeskColumn; direction: SortDirection } = { column: "updated", direction: "descending" };
  const filter: DeskFilter = {};
  let query = "";
  let found: ReadonlySet<string> | undefined;
  let limit = pageSize;
  let current: string | null = null;
  let shownList: DeskStory[] = [];

  const title = element("h2", { class: "desk-title", id: "desk-title" }, "Desk");
  const folder = element("span", { class: "desk-folder" });
  const progress = element("progress", { class: "desk-progress", "aria-label": "Reading the stories" });
  const state = element("span", { class: "desk-state", role: "status" });
  const back = element("button", { type: "button", class: "desk-back" }, "Back to the article");
  const head = element("header", { class: "desk-head" });
  head.append(title, folder, progress, state, back);

  const search = element("input", { type: "search", id: "desk-search", placeholder: "Words in headlines and stories", autocomplete: "off", spellcheck: "false" });
  const statusSelect = select("desk-status", [["", "All statuses"], ...articleStatuses.map((s): [string, string] => [s, statusLabels[s]])]);
  const authorSelect = select("desk-author", [["", "All authors"]]);
  const urgencySelect = select("desk-urgency", [["", "Any urgency"], ...Array.from({ length: 9 }, (_, i): [string, string] => [String(i + 1), String(i + 1)])]);
  const embargoSelect = select("desk-embargo", [["", "Any"], ["yes", "Embargoed"], ["no", "Not embargoed"]]);
  const reviewSelect = select("desk-review", [["", "Any"], ["yes", "Open notes or suggestions"], ["no", "None open"]]);
  const count = element("span", { class: "desk-count", "aria-live": "polite" });
  const filters = element("div", { class: "desk-filters", role: "search", "aria-label": "Filter the desk" });
  filters.append(
    labelled("Search", search, "desk-search-field"),
    labelled("Status", statusSelect),
    labelled("Author", authorSelect),
    labelled("Urgency", urgencySelect),
    labelled("Embargo", embargoSelect),
    labelled("Notes", reviewSelect),
    count,
  );

  const table = element("table", { class: "desk-table", "aria-labelledby": "desk-title", "aria-describedby": "desk-help" });
  const headerRow = element("tr");
  const headers = new Map<DeskColumn, HTMLTableCellElement>();
  for (const column of deskColumns) {
    const th = element("th", { scope: "col", class: `desk-col-${column}` });
    const button = element("button", { type: "button", class: "desk-sort" }, columnLabels[column]);
    button.addEventListener("click", () => sortBy(column));
    th.append(button);
    headers.set(column, th);
    headerRow.append(th);
  }
  const thead = element("thead");
  thead.append(headerRow);
  const tbody = element("tbody");
  table.append(thead, tbody);
  const help = element("p", { class: "desk-help", id: "desk-help" }, "Double-click a story, or press Enter on it, to open it. Arrow keys move between stories.");
  const more = element("button", { type: "button", class: "desk-more" });
  const empty = element("p", { class: "desk-empty" });
  const scroller = element("div", { class: "desk-scroller" });
  scroller.append(table, empty, more);
  section.replaceChildren(head, filters, help, scroller);

  back.addEventListener("click", () => host.close());
  section.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.defaultPrevented) {
      event.preventDefault();
      host.close();
    }
  });
  more.addEventListener("click", () => {
    limit += pageSize;
    render();
  });

  const choose = (apply: () => void) => () => {
    apply();
    limit = pageSize;
    render();
  };
  statusSelect.addEventListener("change", choose(() => (filter.status = (statusSelect.value || undefined) as ArticleStatus | undefined)));
  authorSelect.addEventListener("change", choose(() => (filter.author = authorSelect.value || undefined)));
  urgencySelect.addEventListener("change", choose(() => (filter.urgency = urgencySelect.value ? Number(urgencySelect.value) : undefined)));
  embargoSelect.addEventListener("change", choose(() => (filter.embargoed = embargoSelect.value ? embargoSelect.value === "yes" : undefined)));
  reviewSelect.addEventListener("change", choose(() => (filter.openReview = reviewSelect.value ? reviewSelect.value === "yes" : undefined)));

  let searchTimer: ReturnType<typeof setTimeout> | null = null;
  let searchRun = 0;
  search.addEventListener("input", () => {
    if (searchTimer) clearTimeout(searchTimer);
    searchTimer = setTimeout(() => void runSearch(), searchPauseMs);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && shownList.length > 0) {
      event.preventDefault();
      focusRow(current ?? shownList[0].id);
    }
  });

  /// Asks main for the stories holding the words typed; an answer to an older query is dropped.
  async function runSearch(): Promise<void> {
    searchTimer = null;
    query = search.value.trim();
    const run = ++searchRun;
    if (!desk || query === "") {
      found = undefined;
    } else {
      try {
        const { ids } = await call("desk:search", { desk: desk.desk, query });
        if (run !== searchRun) return;
        found = new Set(ids);
      } catch (e) {
        host.showError(e);
        return;
      }
    }
    limit = pageSize;
    render();
  }

  tbody.addEventListener("dblclick", (event) => {
    const row = (event.target as Element).closest("tr");
    if (row?.dataset.id) void open(row.dataset.id);
  });
  tbody.addEventListener("click", (event) => {
    const row = (event.target as Element).closest("tr");
    if (row?.dataset.id) focusRow(row.dataset.id);
  });
  tbody.addEventListener("keydown", (event) => {
    const index = shownList.findIndex((s) => s.id === current);
    const go = (to: number) => {
      event.preventDefault();
      const target = shownList[Math.max(0, Math.min(shownList.length - 1, to))];
      if (target) focusRow(target.id);
    };
    if (event.key === "ArrowDown") go(index + 1);
    else if (event.key === "ArrowUp") go(index - 1);
    else if (event.key === "PageDown") go(index + 10);
    else if (event.key === "PageUp") go(index - 10);
    else if (event.key === "Home") go(0);
    else if (event.key === "End") go(shownList.length - 1);
    else if (event.key === "Enter" && current) {
      event.preventDefault();
      void open(current);
    }
  });

  async function open(id: string): Promise<void> {
    if (!desk) return;
    const story = stories.get(id);
    if (story?.problem) return host.showError(new Error(`${id} ${story.problem}.`));
    try {
      await host.openStory(desk.desk, id);
    } catch (e) {
      host.showError(e);
    }
  }

  window.copydesk.on("desk:changed", (change) => {
    if (!desk || change.desk !== desk.desk) {
      // Kept for the desk being opened; a few hundred at most (those of a desk let go are dropped at the next load).
      early.push(change);
      if (early.length > earlyLimit) early.shift();
      return;
    }
    apply(change);
  });

  function apply(change: EventTypes["desk:changed"]): void {
    if (!desk || change.seq <= desk.seq) return;
    desk = { ...desk, seq: change.seq, progress: change.progress, problem: change.problem };
    for (const story of change.changed) stories.set(story.id, story);
    for (const id of change.removed) stories.delete(id);
    // A story saved again may now hold the words searched for, or no longer.
    if (query && (change.changed.length > 0 || change.removed.length > 0) && !searchTimer) searchTimer = setTimeout(() => void runSearch(), searchPauseMs);
    scheduleRender();
  }

  let frame = 0;
  function scheduleRender(): void {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  }

  function sortBy(column: DeskColumn): void {
    sort = sort.column === column ? { column, direction: sort.direction === "ascending" ? "descending" : "ascending" } : { column, direction: firstDirection[column] };
    render();
  }

  function render(): void {
    if (!desk) return;
    const all = [...stories.values()];
    refreshAuthors(all);
    const list = sortStories(filterStories(all, { ...filter, found }), sort.column, sort.direction);
    shownList = list.slice(0, limit);
    for (const [column, th] of headers) {
      if (column === sort.column) th.setAttribute("aria-sort", sort.direction);
      else th.removeAttribute("aria-sort");
    }
    const hadFocus = tbody.contains(document.activeElement);
    if (!shownList.some((s) => s.id === current)) current = shownList[0]?.id ?? null;
    const rows = document.createDocumentFragment();
    for (const story of shownList) rows.append(row(story));
    tbody.replaceChildren(rows);
    if (hadFocus && current) focusRow(current);

    const { indexing, done, total } = desk.progress;
    progress.hidden = !indexing;
    if (indexing) {
      progress.max = Math.max(total, 1);
      progress.value = done;
    }
    state.textContent = desk.problem ?? (indexing ? `Reading stories: ${done.toLocaleString()} of ${total.toLocaleString()}…` : storyCount(all.length));
    state.classList.toggle("desk-error", desk.problem !== null);
    count.textContent = list.length === all.length ? "" : `${list.length.toLocaleString()} of ${storyCount(all.length)} shown`;
    empty.hidden = shownList.length > 0;
    empty.textContent = all.length === 0 ? (indexing ? "Reading the folder…" : "There are no stories (.article files) in this folder.") : "No story matches the filters and the search.";
    more.hidden = list.length <= shownList.length;
    more.textContent = `Show ${Math.min(pageSize, list.length - shownList.length).toLocaleString()} more (${(list.length - shownList.length).toLocaleString()} not shown)`;
  }

  function row(story: DeskStory): HTMLTableRowElement {
    const tr = element("tr", { "data-id": story.id, tabindex: story.id === current ? "0" : "-1" });
    const headline = element("td", { class: "desk-col-headline" });
    if (story.problem) {
      tr.classList.add("desk-unreadable");
      headline.append(element("span", { class: "desk-problem" }, story.problem));
    } else headline.append(element("span", { class: "desk-headline" }, story.headline || "(no headline)"));
    headline.append(element("span", { class: "desk-file" }, story.id));
    const status = element("td", { class: "desk-col-status" });
    if (story.status) status.append(element("span", { class: "desk-status", "data-status": story.status }, statusText(story)));
    const embargoed = story.embargo !== null && Date.parse(story.embargo) > Date.now();
    const review = [story.notes ? plural(story.notes, "note") : "", story.suggestions ? plural(story.suggestions, "suggestion") : ""].filter(Boolean).join(", ");
    tr.append(
      headline,
      status,
      element("td", { class: "desk-col-authors" }, story.authors.join(", ")),
      element("td", { class: "desk-col-words" }, story.problem ? "" : story.words.toLocaleString()),
      element("td", { class: `desk-col-embargo${embargoed ? " desk-embargoed" : ""}` }, shownTime(story.embargo)),
      element("td", { class: "desk-col-urgency" }, story.urgency === null ? "" : String(story.urgency)),
      element("td", { class: "desk-col-updated" }, shownTime(story.updated)),
      element("td", { class: "desk-col-review" }, review),
    );
    return tr;
  }

  function focusRow(id: string): void {
    const previous = current ? tbody.querySelector<HTMLElement>(`tr[tabindex="0"]`) : null;
    previous?.setAttribute("tabindex", "-1");
    current = id;
    const target = [...tbody.rows].find((r) => r.dataset.id === id);
    target?.setAttribute("tabindex", "0");
    target?.focus();
  }

  let authorsShown = "";
  function refreshAuthors(all: DeskStory[]): void {
    const authors = authorsOn(all);
    const key = authors.join("\n");
    if (key === authorsShown) return;
    authorsShown = key;
    const chosen = authorSelect.value;
    authorSelect.replaceChildren(option("", "All authors"), ...authors.map((a) => option(a, a)));
    authorSelect.value = authors.includes(chosen) ? chosen : "";
  }

  return {
    load(snapshot) {
      desk = snapshot;
      stories.clear();
      for (const story of snapshot.stories) stories.set(story.id, story);
      const waiting = early.filter((c) => c.desk === snapshot.desk);
      early = [];
      for (const change of waiting) apply(change);
      folder.textContent = snapshot.path;
      search.value = "";
      query = "";
      found = undefined;
      limit = pageSize;
      current = null;
      render();
    },
    token: () => desk?.desk ?? null,
    focus() {
      if (current) focusRow(current);
      else search.focus();
    },
  };
}

function option(value: string, label: string): HTMLOptionElement {
  const o = element("option", { value }, label);
  return o;
}

function select(id: string, options: [string, string][]): HTMLSelectElement {
  const s = element("select", { id });
  s.append(...options.map(([value, label]) => option(value, label)));
  return s;
}

function labelled(label: string, control: HTMLElement, extraClass = ""): HTMLElement {
  const field = element("div", { class: `desk-field ${extraClass}`.trim() });
  field.append(element("label", { for: control.id }, label), control);
  return field;
}
