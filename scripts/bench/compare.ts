/**
 * Runs our implementation and its anchor (the library a user would otherwise reach for) in the same
 * process with tinybench, prints a table and returns the ratios. `BENCH_TIME` (ms per task, default
 * 500) shortens runs, e.g. in CI smoke checks.
 */
import { Bench } from 'tinybench';

export interface BenchCase {
  /** What is measured, e.g. `working days +10 from a random 2025 date`. */
  readonly name: string;
  /** Our code. */
  readonly ours: () => unknown;
  /** The anchor doing the same job. */
  readonly anchor: () => unknown;
  /** Which anchor, e.g. `date-holidays 3.37 + date-fns`. */
  readonly anchorName: string;
}

export interface BenchRow {
  readonly name: string;
  readonly anchor: string;
  readonly oursOpsPerSecond: number;
  readonly anchorOpsPerSecond: number;
  /** How many times faster ours is (below 1: slower). */
  readonly ratio: number;
  /**
   * Mean time of a run of ours and of the anchor, in ms (total time / runs). For cases that cycle through inputs of
   * very different cost, this is the time of an average input; the ops/s above average each run's rate, which the
   * cheapest inputs dominate.
   */
  readonly oursMeanMs: number;
  readonly anchorMeanMs: number;
}

/** How many runs of each task at least (tinybench runs a task until both its time and its iterations are spent). */
export interface CompareOptions {
  /** At least this many runs per task (default tinybench's 64); fewer for an anchor that takes seconds a run. */
  readonly iterations?: number;
}

/** Runs every case and prints `ours`, `anchor` and `ratio` per case. */
export async function compare(
  title: string,
  cases: readonly BenchCase[],
  options: CompareOptions = {},
): Promise<BenchRow[]> {
  const time = Number(process.env.BENCH_TIME ?? 500);
  const bench = new Bench({
    time,
    warmup: true,
    warmupTime: Math.min(100, time),
    ...(options.iterations !== undefined
      ? { iterations: options.iterations, warmupIterations: Math.min(16, options.iterations) }
      : {}),
  });
  for (const c of cases) {
    bench.add(`ours: ${c.name}`, c.ours);
    bench.add(`anchor: ${c.name}`, c.anchor);
  }
  await bench.run();
  const hz = (name: string): number => {
    const task = bench.getTask(name);
    const result = task?.result as { throughput?: { mean?: number }; hz?: number } | undefined;
    return result?.throughput?.mean ?? result?.hz ?? Number.NaN;
  };
  const period = (name: string): number =>
    (bench.getTask(name)?.result as { period?: number } | undefined)?.period ?? Number.NaN;
  const rows = cases.map((c) => {
    const ours = hz(`ours: ${c.name}`);
    const anchor = hz(`anchor: ${c.name}`);
    return {
      name: c.name,
      anchor: c.anchorName,
      oursOpsPerSecond: ours,
      anchorOpsPerSecond: anchor,
      ratio: ours / anchor,
      oursMeanMs: period(`ours: ${c.name}`),
      anchorMeanMs: period(`anchor: ${c.name}`),
    };
  });
  console.log(`\n${title}`);
  console.table(
    rows.map((r) => ({
      case: r.name,
      anchor: r.anchor,
      'ours ops/s': Math.round(r.oursOpsPerSecond).toLocaleString('en-US'),
      'anchor ops/s': Math.round(r.anchorOpsPerSecond).toLocaleString('en-US'),
      ratio: `${r.ratio.toFixed(1)}×`,
    })),
  );
  return rows;
}
