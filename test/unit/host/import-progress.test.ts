import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/host/handlers';
import { SAMPLE_FILE } from '../../../electron/host/sample';

const ROOT = join(import.meta.dirname, '../../..');
const PDF = join(ROOT, 'test/fixtures/pdf/seed-print-html.pdf');

/** Handlers whose import dialog picks the seed PDF, recording the progress events sent. */
async function host(onProgress: (done: number, total: number) => void = () => undefined) {
  const disk = await mkdtemp(join(tmpdir(), 'jixiao-progress-'));
  const handlers = createHandlers({
    dialogs: {
      chooseOpenPath: async () => PDF,
      chooseSavePath: async () => null,
      chooseExportPath: async () => null,
      confirmUnsaved: async () => 'cancel',
    },
    clock: { now: () => new Date('2026-11-23T10:00:00Z') },
    config: {
      appName: 'x',
      version: '1',
      platform: 'linux',
      userDataDir: join(disk, 'userData'),
      samplePath: join(ROOT, SAMPLE_FILE),
    },
    events: { importProgress: ({ done, total }) => onProgress(done, total) },
  });
  return handlers;
}

describe('a long import reports progress and can be cancelled', () => {
  it('sends the pages read to the renderer, then opens the document', async () => {
    const seen: Array<[number, number]> = [];
    const handlers = await host((done, total) => seen.push([done, total]));
    const result = await handlers.importFile(undefined);
    expect(result).toMatchObject({ ok: true, importReport: { format: '公开表（PDF 文件）' } });
    expect(seen.length).toBeGreaterThan(9);
    expect(seen.every(([done, total], index) => done === index + 1 && total === seen.length)).toBe(
      true,
    );
  });

  it('stops at cancelImport and opens nothing', async () => {
    const ref: { handlers?: Awaited<ReturnType<typeof host>> } = {};
    const handlers = await host(() => void ref.handlers?.cancelImport(undefined));
    ref.handlers = handlers;
    const result = await handlers.importFile(undefined);
    expect(result).toEqual({ ok: false, code: 'cancelled', message: '已取消导入。' });
  });
});
