import { performance } from 'node:perf_hooks';

export interface Figure {
  name: string;
  /** Median milliseconds of the measured operation. */
  ms: number;
  /** Median milliseconds of the baseline measured in the same run. */
  baselineMs: number;
  baseline: string;
  ratio: number;
  /** Target ratio, when the issue names one. */
  target?: number;
}

/** Median wall time of `runs` calls after one warm-up call. */
export async function median(
  runs: number,
  operation: () => unknown | Promise<unknown>,
): Promise<number> {
  await operation();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/** Prints figures as an aligned table. */
export function printFigures(title: string, figures: readonly Figure[]): void {
  console.log(`\n${title}`);
  for (const figure of figures) {
    const verdict =
      figure.target === undefined
        ? ''
        : figure.ratio <= figure.target
          ? `  ✓ 目标 ≤${figure.target}×`
          : `  ✗ 目标 ≤${figure.target}×`;
    console.log(
      `  ${figure.name.padEnd(44)} ${figure.ms.toFixed(1).padStart(9)} ms   ${figure.baseline}: ${figure.baselineMs.toFixed(1).padStart(8)} ms   ${figure.ratio.toFixed(2)}×${verdict}`,
    );
  }
}
