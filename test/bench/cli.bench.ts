/**
 * Command-line benchmark: `jixiao import` of a department's table as tab-separated text (5,000
 * projects, as copied out of a published table) and `jixiao inspect` of the document it saved,
 * each a whole run of the built command (start-up included), against a bare `JSON.parse` of that
 * document in a fresh `node` (its heap as small as the commands' own; a parse in this long-lived
 * process swung between 102 and 222 ms from run to run), measured in the same rounds so a busy
 * machine slows them alike.
 * Beside them, what no import or inspect can avoid (no target): Node's start-up, decoding the
 * file's text, and for import writing the document out (JSON.stringify, encoding, fsync) — the
 * room a target leaves for the work itself is the target less this floor. The rest (each run less
 * its round's floor) is printed too: what a change to the program itself can still move.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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

/** A bare `JSON.parse` of the file at `path`, timed inside a fresh `node` (reading not counted). */
const PARSE_ALONE = `const text = require('node:fs').readFileSync(process.argv[1], 'utf8');
const start = performance.now();
JSON.parse(text);
process.stdout.write(String(performance.now() - start));`;

function parseInFreshNode(path: string): number {
  const ms = Number(
    execFileSync(process.execPath, ['-e', PARSE_ALONE, path], { encoding: 'utf8' }),
  );
  if (!Number.isFinite(ms)) throw new Error(`JSON.parse 基线没有给出时间：${path}`);
  return ms;
}

function jixiao(args: string[]): void {
  execFileSync(process.execPath, [BIN, ...args], { stdio: 'ignore' });
}

/**
 * Writes `text` as a save does: encoded a piece at a time through one small buffer (a whole
 * 24 MB encoding costs more in fresh memory than in encoding), written, flushed to disk.
 */
function writeFlushed(path: string, text: string): void {
  const file = openSync(path, 'w');
  try {
    const piece = 256 * 1024;
    const buffer = Buffer.allocUnsafeSlow(piece * 3);
    const encoder = new TextEncoder();
    for (let start = 0; start < text.length;) {
      let end = Math.min(start + piece, text.length);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1; // never cut a pair
      const { written } = encoder.encodeInto(text.slice(start, end), buffer);
      writeSync(file, buffer, 0, written);
      start = end;
    }
    fsyncSync(file);
  } finally {
    closeSync(file);
  }
}

/** What every run pays whatever the program does, measured in this process (and a bare `node`). */
function floorOf(source: string, saved: string, work: string): { import: number; inspect: number } {
  const startup = timed(() => execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' }));
  const sourceBytes = readFileSync(source);
  const savedBytes = readFileSync(saved);
  const decodeSource = timed(() => new TextDecoder('utf-8', { fatal: true }).decode(sourceBytes));
  const decodeSaved = timed(() => savedBytes.toString('utf8'));
  const document: unknown = JSON.parse(savedBytes.toString('utf8'));
  let text = '';
  const stringify = timed(() => (text = JSON.stringify(document)));
  const write = timed(() => writeFlushed(join(work, 'floor.json'), text));
  return {
    import: startup + decodeSource + stringify + write,
    inspect: startup + decodeSaved,
  };
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
    const floors: Array<{ import: number; inspect: number }> = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      // A new file each time: an existing one would be checked and backed up first.
      const saved = join(work, `department-${round}.jixiao.json`);
      const importMs = timed(() => jixiao(['import', source, '-o', saved]));
      const inspectMs = timed(() => jixiao(['inspect', saved]));
      const parseMs = parseInFreshNode(saved);
      const floor = floorOf(source, saved, work);
      if (round === 0) continue;
      floors.push(floor);
      imports.push(importMs);
      inspects.push(inspectMs);
      parses.push(parseMs);
    }
    const baselineMs = medianOf(parses);
    // Each run less its own round's floor: what a change to the program itself can still move.
    const beyond = (runs: readonly number[], command: 'import' | 'inspect') =>
      runs.map((ms, index) => ms - (floors[index] as { import: number; inspect: number })[command]);
    const label = `${projects.toLocaleString('en-US')} 个项目`;
    return (
      [
        ['jixiao import（制表符文本）', medianOf(imports), 4],
        [
          '其中必不可少：启动 + 解码文本 + 序列化、写入和落盘',
          medianOf(floors.map((floor) => floor.import)),
        ],
        ['其余（导入本身：识别、校验、加载代码、垃圾回收）', medianOf(beyond(imports, 'import'))],
        ['jixiao inspect（导入后的文档）', medianOf(inspects), 3],
        [
          '其中必不可少：启动 + 解码文档（另加 JSON.parse）',
          medianOf(floors.map((floor) => floor.inspect)),
        ],
        ['其余（JSON.parse、校验、加载代码、垃圾回收）', medianOf(beyond(inspects, 'inspect'))],
      ] as const
    ).map(([what, ms, target]) => ({
      name: `${label}：${what}`,
      ms,
      baselineMs,
      baseline: 'JSON.parse 同一文档（单独的 node 进程）',
      ratio: ms / baselineMs,
      ...(target === undefined ? {} : { target }),
    }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
