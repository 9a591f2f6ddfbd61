import type { Browser, CDPSession } from "@playwright/test";

// Main-thread time from a Chrome trace (CDP Tracing), split as DevTools' Performance panel does:
// script, style, layout, paint (paint, pre-paint, layerize, commit…) and other, each event
// counted by its self time (its duration less its children's) on the renderer main thread of the
// page that marked the window.

export type CpuSplit = { script: number; style: number; layout: number; paint: number; other: number; total: number };

const categories = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"];

const kinds: Record<string, keyof Omit<CpuSplit, "total">> = {};
for (const name of ["FunctionCall", "EvaluateScript", "v8.compile", "v8.compileModule", "v8.evaluateModule", "EventDispatch", "TimerFire", "FireAnimationFrame", "FireIdleCallback", "RunMicrotasks", "V8.Execute", "v8.run", "v8.callFunction", "MinorGC", "MajorGC", "V8.GCScavenger", "V8.GCFinalizeMC", "V8.GC_MC_BACKGROUND_EVALUATE", "HandlePostMessage", "XHRReadyStateChange", "v8.newInstance", "BlinkGC.AtomicPhase", "CppGC.AtomicPhase"]) kinds[name] = "script";
for (const name of ["UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "StyleRecalcInvalidationTracking"]) kinds[name] = "style";
for (const name of ["Layout", "ComputeIntersections", "IntersectionObserverController::computeIntersections", "HitTest"]) kinds[name] = "layout";
for (const name of ["Paint", "PaintImage", "PrePaint", "Layerize", "UpdateLayer", "UpdateLayerTree", "CompositeLayers", "Commit", "PaintSetup", "Decode Image", "RasterTask", "Decode LazyPixelRef"]) kinds[name] = "paint";

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  args?: { name?: string };
}

/// A trace being recorded for the whole browser; `stop` gives its events.
export async function startTrace(browser: Browser): Promise<{ stop(): Promise<TraceEvents> }> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const kept: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => {
    for (const event of value as unknown as TraceEvent[]) {
      if (event.ph === "X" || event.ph === "B" || event.ph === "E" || (event.cat ?? "").includes("user_timing")) kept.push(event);
    }
  });
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: categories, recordMode: "recordContinuously" }, transferMode: "ReportEvents" });
  return {
    async stop() {
      const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
      await cdp.send("Tracing.end");
      await done;
      await cdp.detach();
      return new TraceEvents(kept);
    },
  };
}

/// The events of a trace, ready to be summed over windows marked by a page.
export class TraceEvents {
  constructor(private readonly events: TraceEvent[]) {}

  /// The µs time stamp, process and thread of a page's mark `bench:<name>` (null when the trace has none).
  mark(name: string): { ts: number; pid: number; tid: number } | null {
    const event = this.events.find((e) => e.name === `bench:${name}`);
    return event ? { ts: event.ts, pid: event.pid, tid: event.tid } : null;
  }

  /// Main-thread self time by kind, in ms, of the events that start inside the windows (µs) on that thread.
  split(pid: number, tid: number, windows: [number, number][]): CpuSplit {
    const total: CpuSplit = { script: 0, style: 0, layout: 0, paint: 0, other: 0, total: 0 };
    const slices = this.slices(pid, tid);
    for (const slice of slices) {
      if (!windows.some(([from, to]) => slice.ts >= from && slice.ts < to)) continue;
      const kind = kinds[slice.name] ?? slice.inherited ?? "other";
      total[kind] += slice.self / 1000;
      total.total += slice.self / 1000;
    }
    return total;
  }

  /// The event names with the most self time inside the windows on that thread, in ms (for profile notes).
  top(pid: number, tid: number, windows: [number, number][], count = 12): [string, number][] {
    const byName = new Map<string, number>();
    for (const slice of this.slices(pid, tid)) {
      if (!windows.some(([from, to]) => slice.ts >= from && slice.ts < to)) continue;
      byName.set(slice.name, (byName.get(slice.name) ?? 0) + slice.self / 1000);
    }
    return [...byName].sort((a, b) => b[1] - a[1]).slice(0, count);
  }

  /// Complete slices of one thread with their self time; a slice of no known kind takes its parent's.
  private slices(pid: number, tid: number): { name: string; ts: number; self: number; inherited?: keyof Omit<CpuSplit, "total"> }[] {
    const own = this.events.filter((e) => e.pid === pid && e.tid === tid && (e.ph === "X" || e.ph === "B" || e.ph === "E"));
    const complete: { name: string; ts: number; end: number }[] = [];
    const open: TraceEvent[] = [];
    for (const e of own.sort((a, b) => a.ts - b.ts)) {
      if (e.ph === "X") complete.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0) });
      else if (e.ph === "B") open.push(e);
      else {
        const begin = open.pop();
        if (begin) complete.push({ name: begin.name, ts: begin.ts, end: e.ts });
      }
    }
    // Parents before children: by start, the longer first.
    complete.sort((a, b) => a.ts - b.ts || b.end - a.end);
    const result: { name: string; ts: number; self: number; inherited?: keyof Omit<CpuSplit, "total"> }[] = [];
    const stack: { end: number; index: number; kind?: keyof Omit<CpuSplit, "total"> }[] = [];
    for (const slice of complete) {
      while (stack.length && stack[stack.length - 1].end <= slice.ts) stack.pop();
      const parent = stack[stack.length - 1];
      const end = parent ? Math.min(slice.end, parent.end) : slice.end;
      if (parent) result[parent.index].self -= end - slice.ts;
      const kind = kinds[slice.name] ?? parent?.kind;
      result.push({ name: slice.name, ts: slice.ts, self: end - slice.ts, inherited: parent?.kind });
      stack.push({ end, index: result.length - 1, kind });
    }
    return result;
  }
}
