import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocumentFile } from '../../../electron/host/documentFile';
import {
  documentSettingsSchema,
  readDocumentData,
  SCHEMA_VERSION,
  type JixiaoDocument,
} from '../../../shared/model';

const KILLS = 200;

function versionDocument(tag: string, projects: number): JixiaoDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: `版本${tag}`,
    department: '广州市人力资源和社会保障局',
    fiscalYear: 2025,
    moneyUnit: '万元',
    frameworkId: 'gz-2025',
    settings: documentSettingsSchema.parse({}),
    units: [
      {
        id: `u-${tag}`,
        name: '广州市机电技师学院',
        projects: Array.from({ length: projects }, (_, index) => ({
          id: `p-${tag}-${index}`,
          name: `项目${tag}${index}`,
          money: { fiscal: 10000 + index, specialAccount: 0, other: 0 },
          goals: {
            annual: '提高学院教育教学质量，保障实训教学、竞赛训练安全、有序进行。'.repeat(8),
          },
          indicators: Array.from({ length: 15 }, (_, n) => ({
            id: `i-${tag}-${index}-${n}`,
            level1: '产出指标',
            level2: '数量指标',
            name: `新增设备数量${n}`,
            period: { sign: '≥' as const, value: String(n), unit: '台套' },
            annual: { sign: '≥' as const, value: String(n), unit: '台套' },
          })),
          raw: [],
        })),
      },
    ],
  };
}

let childScript = '';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jixiao-crash-'));
  childScript = join(dir, 'child.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'error',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
});

/**
 * Starts the saving child, waits until it has finished one save (so the run does not depend on
 * how fast this machine starts node), then kills it after a random delay while it keeps saving.
 */
function runAndKill(
  path: string,
  versionsFile: string,
  turn: number,
  delayMs: number,
): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [childScript, path, versionsFile, String(turn)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let saves = 0;
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      saves += chunk.toString().split('\n').length - 1;
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') fail(new Error(`child ended by itself (${code}): ${errors}`));
      else done(saves);
    });
  });
}

describe('crash safety of saving', () => {
  it(`leaves the old or the new version on disk whenever the process is killed (${KILLS} kills)`, async () => {
    const versions = [versionDocument('甲', 40), versionDocument('乙', 160)];
    const versionsFile = join(dir, 'versions.json');
    await writeFile(versionsFile, JSON.stringify(versions));
    const path = join(dir, 'doc.jixiao.json');
    const seen = new Set<string>();
    let killedMidWrite = 0;
    let totalSaves = 0;
    let mostLeftovers = 0;
    for (let kill = 0; kill < KILLS; kill += 1) {
      const delay = Math.floor(Math.random() * 25);
      totalSaves += await runAndKill(path, versionsFile, kill, delay);
      const files = await readdir(dir);
      if (files.some((name) => name.endsWith('.tmp'))) killedMidWrite += 1;
      if (!files.includes('doc.jixiao.json')) continue; // killed before the very first save finished
      // Read without opening (opening sweeps leftovers): the next save alone must clean up.
      const checked = readDocumentData(JSON.parse(await readFile(path, 'utf8')));
      if (!checked.ok) throw new Error(`kill ${kill}: ${checked.message}`);
      const { document } = checked;
      const match = versions.findIndex(
        (version) => JSON.stringify(version) === JSON.stringify(document),
      );
      expect(match, `kill ${kill}: the file is neither version`).toBeGreaterThanOrEqual(0);
      seen.add(document.title);
      if (files.includes('doc.jixiao.json.bak')) {
        const backup = JSON.parse(await readFile(`${path}.bak`, 'utf8')) as JixiaoDocument;
        expect(versions.map((version) => version.title)).toContain(backup.title);
      }
      // Leftovers are counted, never removed here: the next save must sweep them away, so at
      // most the temp files of the one save just killed can be on disk.
      const leftovers = files.filter((file) => file.endsWith('.tmp') || file.endsWith('.bak-tmp'));
      mostLeftovers = Math.max(mostLeftovers, leftovers.length);
      expect(leftovers.length, `kill ${kill}: ${leftovers.join(', ')}`).toBeLessThanOrEqual(2);
    }
    await writeDocumentFile(path, versions[0] as JixiaoDocument);
    expect((await readdir(dir)).filter((file) => file.includes('doc.jixiao.json')).sort()).toEqual([
      'doc.jixiao.json',
      'doc.jixiao.json.bak',
    ]);
    // The test only proves something if kills really landed in the middle of saves.
    expect(seen.size).toBe(2);
    expect(totalSaves).toBeGreaterThanOrEqual(KILLS);
    expect(killedMidWrite).toBeGreaterThan(KILLS / 20);
    expect(mostLeftovers).toBeGreaterThan(0);
  }, 600_000);
});
