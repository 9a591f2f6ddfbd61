// The array diff alone: the package's index also brings the word diff, whose module-level instances
// no bundler can leave out, into the first frame (versions are taken there).
import { diffArrays } from "diff/lib/diff/array.js";

// Where two lists differ (the blocks of two versions of a body, or their related links), item by
// item: Myers' diff (jsdiff's `diffArrays`) while the lists are close, patience alignment when
// they are far apart, so the work stays near linear either way.

/// Where two lists differ: each hunk is a run of items only the older list has (their indices)
/// followed by a run only the newer has, at the same place.
export interface Hunk {
  deleted: number[];
  inserted: number[];
}

/// Most differing blocks the exact alignment looks for; two versions further apart (two different
/// stories) are aligned on the blocks each has once (`anchoredRuns`), which costs far less.
const maxBlockEdits = 200;

/// A run of items both lists have (neither flag), or only the older (`removed`) or the newer (`added`).
interface Run {
  added: boolean;
  removed: boolean;
  count: number;
}

/// The hunks where `after` differs from `before`, in order.
export function alignedHunks(before: string[], after: string[]): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let current: Hunk | null = null;
  const runs: Run[] = diffArrays(before, after, { maxEditLength: maxBlockEdits }) ?? anchoredRuns(before, after);
  for (const part of runs) {
    const count = part.count;
    if (!part.added && !part.removed) {
      if (current) hunks.push(current);
      current = null;
      i += count;
      j += count;
      continue;
    }
    current ??= { deleted: [], inserted: [] };
    for (let k = 0; k < count; k++) (part.added ? current.inserted : current.deleted).push(part.added ? j++ : i++);
  }
  if (current) hunks.push(current);
  return hunks;
}

/// Patience alignment: the items that each list has exactly once are matched in the longest run
/// that keeps their order; what lies between two matches is taken away from one list and put in
/// the other. O(n log n), for lists too far apart for the exact alignment.
function anchoredRuns(before: string[], after: string[]): Run[] {
  const counts = (items: string[]) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => seen.set(item, seen.has(item) ? -1 : index));
    return seen;
  };
  const once = counts(after);
  const pairs: [number, number][] = [];
  for (const [item, i] of counts(before)) {
    const j = once.get(item);
    if (i >= 0 && j !== undefined && j >= 0) pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  const anchors = longestIncreasing(pairs);
  const runs: Run[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of [...anchors, [before.length, after.length] as [number, number]]) {
    if (ai > i) runs.push({ added: false, removed: true, count: ai - i });
    if (aj > j) runs.push({ added: true, removed: false, count: aj - j });
    if (ai < before.length) runs.push({ added: false, removed: false, count: 1 });
    i = ai + 1;
    j = aj + 1;
  }
  return runs;
}

/// The longest run of pairs whose second members increase (patience sorting), in order.
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous: number[] = [];
  for (let k = 0; k < pairs.length; k++) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]][1] < pairs[k][1]) low = mid + 1;
      else high = mid;
    }
    previous[k] = low > 0 ? tails[low - 1] : -1;
    tails[low] = k;
  }
  const result: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) result.push(pairs[k]);
  return result.reverse();
}
