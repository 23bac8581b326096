/**
 * The command line reads text and CSV in its own process (electron/host/import/inProcess.ts);
 * the app reads them in the import worker. Both must give the same document, the same report and
 * the same refusals, and the built command must save what the worker's result would save.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serialiseDocument } from '../../../electron/host/documentFile';
import {
  ImportFileError,
  importBytes,
  importFromFile,
  readTextInProcess,
} from '../../../electron/host/importFile';
import { withSequentialIds } from '../../../shared/model';
import { FIXTURES, ROOT, SEED, tempFolder } from './helpers';

const TEXTS = [
  SEED,
  join(FIXTURES, 'seed-libreoffice-utf8.csv'),
  join(FIXTURES, 'seed-libreoffice-gbk.csv'),
  join(FIXTURES, 'seed-pdftotext.txt'),
  join(FIXTURES, 'seed-cell-lines.txt'),
];

async function bothWays<T>(read: () => Promise<T>): Promise<{ worker: T; here: T }> {
  readTextInProcess(false);
  const worker = await read();
  readTextInProcess(true);
  try {
    return { worker, here: await read() };
  } finally {
    readTextInProcess(false);
  }
}

async function failure(read: () => Promise<unknown>): Promise<ImportFileError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('the import did not fail');
}

afterEach(() => readTextInProcess(false));

describe('text read in the command line’s process', () => {
  it.each(TEXTS.map((path) => [path.slice(FIXTURES.length + 1), path]))(
    'gives the worker’s document and report for %s',
    async (_, path) => {
      const { worker, here } = await bothWays(() => importFromFile(path));
      expect(here.report).toEqual(worker.report);
      expect(serialiseDocument(withSequentialIds(here.document))).toBe(
        serialiseDocument(withSequentialIds(worker.document)),
      );
    },
  );

  it('really runs here: a worker time limit of 1 ms stops the worker, not this read', async () => {
    const limits = { limits: { timeoutMs: 1 } };
    const { worker, here } = await bothWays(() =>
      importFromFile(SEED, limits).then(
        (result) => result.report.counts.projects,
        (error: ImportFileError) => error.message,
      ),
    );
    expect(worker).toMatch(/^读取超时/);
    expect(here).toBe(14);
  });

  it('refuses what the worker refuses, with the same Chinese message', async () => {
    const utf8 = readFileSync(join(FIXTURES, 'seed-libreoffice-utf8.csv'));
    const gbkLine = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]);
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array(Buffer.concat([utf8, gbkLine])), 'mixed.csv'],
      [new Uint8Array(Buffer.from('没有表格的一段文字\n第二行', 'utf8')), 'note.txt'],
      [new Uint8Array(Buffer.from(utf8.toString('utf8'), 'utf16le')), 'wide.txt'],
    ];
    for (const [bytes, name] of cases) {
      const { worker, here } = await bothWays(() => failure(() => importBytes(bytes, name)));
      expect(here.message).toBe(worker.message);
      expect(here.code).toBe(worker.code);
      expect(here.message).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});

describe('the built command', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('saves from a text file exactly what the worker’s result would save (ids aside)', async () => {
    folder = await tempFolder();
    const out = join(folder, 'seed.jixiao.json');
    execFileSync(process.execPath, [join(ROOT, 'bin/jixiao.js'), 'import', SEED, '-o', out], {
      encoding: 'utf8',
    });
    const saved = JSON.parse(readFileSync(out, 'utf8')) as Parameters<typeof withSequentialIds>[0];
    readTextInProcess(false);
    const { document } = await importFromFile(SEED);
    expect(serialiseDocument(withSequentialIds(saved) as typeof document)).toBe(
      serialiseDocument(withSequentialIds(document)),
    );
  });
});
