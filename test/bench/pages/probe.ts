// The in-page half of the typing benchmark, loaded before any editor: it times each key from the
// keydown's own time stamp to (a) the editor's DOM updated (a MutationObserver created after the
// editor's own, so it is told after the editor handled the change) and (b) the end of the next
// frame after that (requestAnimationFrame, then a message task after the frame's work); it keeps
// the Event Timing entries of the keys and the long tasks. The driver (test/bench/typing.ts)
// reads it through `window.benchProbe`.

/// One key as the page saw it, in ms from the page's time origin.
export interface KeyTiming {
  keydown: number;
  dom: number | null;
  frame: number | null;
  /// Event Timing duration of the key (its keydown and keypress entries), or null when under the API's 16 ms threshold.
  eventDuration: number | null;
}

/// A long task (over 50 ms), in ms from the page's time origin.
export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchProbe {
  /// Starts watching the editor's DOM; call once the editor is mounted.
  watch(editor: Element): void;
  /// Puts the caret in the middle of a body paragraph (`paragraphs` selects them; `at` 0.5 is the
  /// middle one), scrolled into view.
  placeCaret(paragraphs: string, at?: number): Promise<void>;
  /// Resolves once the last key's DOM update and next frame are in.
  settled(): Promise<void>;
  /// The keys since `from` (an index), with their Event Timing durations.
  keys(from?: number): KeyTiming[];
  keyCount(): number;
  longTasks(): LongTask[];
  /// Marks a moment in the page's timeline (and in a trace): `bench:<name>`.
  mark(name: string): number;
  /// Time from the page's time origin to the end of the first frame after the editor became editable.
  editableAt: Promise<number>;
  /// Called by the page when its editor is mounted and editable.
  ready(editor: Element): void;
  /// A frame after now has been painted (resolves with its end, in ms).
  nextFrame(): Promise<number>;
}

declare global {
  interface Window {
    benchProbe: BenchProbe;
  }
}

const records: { keydown: number; dom: number | null; frame: number | null; pending: number }[] = [];
const longTasks: LongTask[] = [];
const events: { name: string; start: number; duration: number }[] = [];
let waiters: (() => void)[] = [];

function frameEnd(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

function settledNow(): boolean {
  const last = records[records.length - 1];
  return !last || (last.frame !== null && last.pending === 0);
}

function wake(): void {
  if (!settledNow()) return;
  const ready = waiters;
  waiters = [];
  for (const resolve of ready) resolve();
}

/// The record waits for the frame after this moment.
function awaitFrame(record: (typeof records)[number]): void {
  record.pending++;
  void frameEnd().then((end) => {
    record.pending--;
    record.frame = Math.max(record.frame ?? 0, end);
    wake();
  });
}

window.addEventListener(
  "keydown",
  (event) => {
    if (event.repeat) return;
    const record = { keydown: event.timeStamp, dom: null, frame: null, pending: 0 };
    records.push(record);
    // A key that changes nothing still has a next frame.
    awaitFrame(record);
  },
  true,
);

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: "longtask", buffered: true });

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.name === "keydown" || entry.name === "keypress") events.push({ name: entry.name, start: entry.startTime, duration: entry.duration });
  }
}).observe({ type: "event", buffered: true, durationThreshold: 16 } as PerformanceObserverInit);

let markReady: (at: number) => void = () => undefined;
const editableAt = new Promise<number>((resolve) => (markReady = resolve));

const probe: BenchProbe = {
  watch(editor) {
    new MutationObserver(() => {
      const record = records[records.length - 1];
      if (!record) return;
      record.dom = performance.now();
      awaitFrame(record);
    }).observe(editor, { childList: true, characterData: true, subtree: true, attributes: true });
  },
  async placeCaret(selector, at = 0.5) {
    const paragraphs = document.querySelectorAll(selector);
    const paragraph = paragraphs[Math.floor(paragraphs.length * at)] as HTMLElement;
    // The space after the paragraph's middle, in whichever text node holds it (a paragraph under
    // review is several: the words before a suggestion or a note, the marked ones, those after).
    const texts = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let rest = Math.floor(paragraph.textContent!.length / 2);
    let text = texts.nextNode()!;
    let middle = text.textContent!.indexOf(" ", rest);
    while (middle < 0 && texts.nextNode()) {
      rest = Math.max(0, rest - text.textContent!.length);
      text = texts.currentNode;
      middle = text.textContent!.indexOf(" ", rest);
    }
    (paragraph.closest("[contenteditable=true]") as HTMLElement).focus();
    paragraph.scrollIntoView({ block: "center" });
    document.getSelection()!.collapse(text, Math.max(0, middle));
    await frameEnd();
    await frameEnd();
  },
  settled: () => (settledNow() ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve))),
  keys(from = 0) {
    return records.slice(from).map((record) => {
      const own = events.filter((e) => Math.abs(e.start - record.keydown) < 0.5 || (e.name === "keypress" && e.start >= record.keydown && e.start - record.keydown < 4));
      const duration = own.length ? Math.max(...own.map((e) => e.duration)) : null;
      return { keydown: record.keydown, dom: record.dom, frame: record.frame, eventDuration: duration };
    });
  },
  keyCount: () => records.length,
  longTasks: () => longTasks.slice(),
  mark(name) {
    performance.mark(`bench:${name}`);
    return performance.now();
  },
  editableAt,
  ready(editor) {
    probe.watch(editor);
    void frameEnd().then(markReady);
  },
  nextFrame: frameEnd,
};

window.benchProbe = probe;
