import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/host/handlers';
import type { PrintPort } from '../../../electron/host/ports';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import { dispatch } from '../../../electron/host/gate/dispatch';
import type { Failure } from '../../../shared/ipc';

const ROOT = join(import.meta.dirname, '../../..');
const PDF = new TextEncoder().encode('%PDF-1.7\n% test\n');

/** A printer that records what it was asked to print and answers from queues. */
function fakePrinter() {
  const calls: Array<{ kind: 'print' | 'pdf'; html: string; landscape: boolean }> = [];
  const printAnswers: boolean[] = [];
  let pdfBytes: Uint8Array = PDF;
  const printer: PrintPort = {
    async print(html, landscape) {
      calls.push({ kind: 'print', html, landscape });
      return printAnswers.shift() ?? true;
    },
    async toPdf(html, landscape) {
      calls.push({ kind: 'pdf', html, landscape });
      return pdfBytes;
    },
  };
  return { printer, calls, printAnswers, setPdf: (bytes: Uint8Array) => (pdfBytes = bytes) };
}

async function host(withPrinter = true) {
  const disk = await mkdtemp(join(tmpdir(), 'jixiao-print-'));
  const exportAnswers: Array<string | null> = [];
  const exportCalls: string[] = [];
  const fake = fakePrinter();
  const handlers = createHandlers({
    dialogs: {
      chooseOpenPath: async () => null,
      chooseSavePath: async () => null,
      chooseExportPath: async (name, extension) => {
        exportCalls.push(`${name}|${extension}`);
        return exportAnswers.shift() ?? null;
      },
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
    ...(withPrinter ? { printer: fake.printer } : {}),
  });
  const sample = await handlers.openSample(undefined);
  if (!sample.ok) throw new Error(sample.message);
  return { handlers, disk, exportAnswers, exportCalls, sample, ...fake };
}

describe('打印… and 导出 PDF… through the host', () => {
  it('prints the disclosure table landscape and the forms portrait, with the chosen margins', async () => {
    const { handlers, sample, calls } = await host();
    const { documentId, document } = sample;
    expect(
      await handlers.printDocument({ documentId, document, options: { layout: 'disclosure' } }),
    ).toEqual({ ok: true });
    expect(
      await handlers.printDocument({
        documentId,
        document,
        options: { layout: 'form', variant: 'midterm', margins: 'compact' },
      }),
    ).toEqual({ ok: true });
    expect(calls.map((call) => [call.kind, call.landscape])).toEqual([
      ['print', true],
      ['print', false],
    ]);
    expect(calls[0]!.html).toContain('size: A4 landscape;');
    expect(calls[1]!.html).toContain('size: A4 portrait;');
    expect(calls[1]!.html).toContain('margin: 15mm 15mm 15mm 15mm;');
    // The shipped sample has no 中期 data: the form marks it instead of leaving it silently blank.
    expect(calls[1]!.html).toContain('中期资金总额（文档未填）');
  });

  it('says cancelled when the user closes the print dialog', async () => {
    const { handlers, sample, printAnswers } = await host();
    printAnswers.push(false);
    const result = await handlers.printDocument({
      documentId: sample.documentId,
      document: sample.document,
      options: { layout: 'disclosure' },
    });
    expect(result).toMatchObject({ ok: false, code: 'cancelled' });
  });

  it('asks where to save the PDF, then writes what the print engine made', async () => {
    const { handlers, sample, disk, exportAnswers, exportCalls, calls } = await host();
    const target = join(disk, '公开表.pdf');
    exportAnswers.push(target);
    const result = await handlers.exportPdf({
      documentId: sample.documentId,
      document: sample.document,
      options: { layout: 'disclosure', margins: 'official' },
    });
    expect(result).toEqual({ ok: true, fileName: '公开表.pdf', bytes: PDF.byteLength });
    expect(exportCalls).toEqual(['2025年项目支出绩效目标表（含转移支付项目）（公开表）.pdf|pdf']);
    expect(calls[0]).toMatchObject({ kind: 'pdf', landscape: true });
    expect(calls[0]!.html).toContain('margin: 37mm 26mm 35mm 28mm;');
    expect(await readFile(target)).toEqual(Buffer.from(PDF));
  });

  it('writes nothing when the save dialog is cancelled or the engine returns no PDF', async () => {
    const { handlers, sample, disk, exportAnswers, setPdf } = await host();
    const argument = {
      documentId: sample.documentId,
      document: sample.document,
      options: { layout: 'form' as const, variant: 'annual' as const },
    };
    expect(await handlers.exportPdf(argument)).toMatchObject({ ok: false, code: 'cancelled' });
    setPdf(new TextEncoder().encode('<html>not a pdf'));
    exportAnswers.push(join(disk, '分项目表.pdf'));
    expect(await handlers.exportPdf(argument)).toMatchObject({ ok: false, code: 'internal' });
    expect((await readdir(disk)).filter((name) => name.endsWith('.pdf'))).toEqual([]);
  });

  it('refuses closed documents, missing printers and invalid options', async () => {
    const { handlers, sample } = await host(false);
    const argument = {
      documentId: sample.documentId,
      document: sample.document,
      options: { layout: 'disclosure' as const },
    };
    expect(await handlers.printDocument(argument)).toMatchObject({
      ok: false,
      code: 'unsupported',
    });
    expect(await handlers.exportPdf({ ...argument, documentId: 'gone' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    const invalid = (await dispatch(
      handlers,
      'exportPdf',
      { ...argument, options: { layout: 'disclosure', margins: 'tiny' } },
      { senderUrl: 'app://jixiao/index.html', isMainFrame: true },
    )) as Failure;
    expect(invalid).toMatchObject({ ok: false, code: 'invalid-argument' });
  });
});
