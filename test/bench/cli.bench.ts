/**
 * Command-line benchmark: `jixiao import` of a department's table as tab-separated text (5,000
 * projects, as copied out of a published table) and `jixiao inspect` of the document it saved,
 * each a whole run of the built command (start-up included), against a bare `JSON.parse` of that
 * document in this process, measured in the same rounds so a busy machine slows them alike.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { disclosureText } from '../../shared/export/disclosureText';
import { generateDocument } from './generate';
import type { Figure } from './measure';

const BIN = join(import.meta.dirname, '../../bin/jixiao.js');

/** Runs of each command; the median counts (after one uncounted warm-up round). */
const ROUNDS = 3;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function medianOf(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

function jixiao(args: string[]): void {
  execFileSync(process.execPath, [BIN, ...args], { stdio: 'ignore' });
}

/** Import and inspect of a `projects`-project tab text, with their same-run JSON.parse. */
export async function runCliBench(projects = 5000): Promise<Figure[]> {
  const work = mkdtempSync(join(tmpdir(), 'jixiao-bench-cli-'));
  try {
    const source = join(work, 'department.txt');
    writeFileSync(source, disclosureText(generateDocument(projects, 15, 1)));
    const imports: number[] = [];
    const inspects: number[] = [];
    const parses: number[] = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      // A new file each time: an existing one would be checked and backed up first.
      const saved = join(work, `department-${round}.jixiao.json`);
      const importMs = timed(() => jixiao(['import', source, '-o', saved]));
      const inspectMs = timed(() => jixiao(['inspect', saved]));
      const text = readFileSync(saved, 'utf8');
      const parseMs = timed(() => JSON.parse(text));
      if (round === 0) continue;
      imports.push(importMs);
      inspects.push(inspectMs);
      parses.push(parseMs);
    }
    const baselineMs = medianOf(parses);
    const label = `${projects.toLocaleString('en-US')} 个项目`;
    return [
      ['jixiao import（制表符文本）', medianOf(imports), 4],
      ['jixiao inspect（导入后的文档）', medianOf(inspects), 3],
    ].map(([what, ms, target]) => ({
      name: `${label}：${what}`,
      ms: ms as number,
      baselineMs,
      baseline: 'JSON.parse 同一文档',
      ratio: (ms as number) / baselineMs,
      target: target as number,
    }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
