// Figures: each is the median of its runs, with the runs' range as its spread.

/// One figure: the median of its runs and their range.
export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/// The value at quantile q (0..1) of some numbers, by linear interpolation; NaN when there are none.
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/// A figure from its runs' values.
export function figure(runs: readonly number[]): Figure {
  const finite = runs.filter((v) => Number.isFinite(v));
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), runs: [...runs] };
}

/// Times a function `runs` times after `warmup` calls; each run is the median of `repeat` calls, in ms.
export async function timeRuns(fn: () => unknown, options: { runs?: number; repeat?: number; warmup?: number } = {}): Promise<Figure> {
  const { runs = 3, repeat = 1, warmup = 1 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const values: number[] = [];
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
    values.push(median(times));
  }
  return figure(values);
}
