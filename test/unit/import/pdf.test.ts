/**
 * PDF import through the worker, on the seed and the form fixtures printed by LibreOffice and by
 * Chromium (test/fixtures/pdf, made by scripts/make-pdf-fixtures.ts): each must import to what
 * its source imports to. Hostile and unreadable PDFs are refused with a Chinese message.
 */
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { summariseDocument } from '../../../electron/cli/summary';
import {
  ImportFileError,
  importBytes,
  importFromFile,
  keepImportWorkerWarm,
} from '../../../electron/host/importFile';
import { withSequentialIds } from '../../../shared/model';
import { expectClerkMessage } from './fuzz-helpers';
import { expectSameAsSeed, ROOT, withoutSources } from './seed-helpers';

const FIXTURES = join(ROOT, 'test/fixtures');
const PDF = join(FIXTURES, 'pdf');

async function refusal(run: Promise<unknown>): Promise<ImportFileError> {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  expectClerkMessage((error as ImportFileError).message);
  return error as ImportFileError;
}

describe('the seed printed to PDF imports to the same document as the text', () => {
  it.each([
    // LibreOffice Writer: the printable seed HTML (A4 landscape) and the .docx fixture.
    'seed-print-html.pdf',
    'seed-libreoffice-docx.pdf',
    // Chromium's print: narrow columns, cells in separate boxes (cell spacing), Kangxi radicals.
    'seed-print-chromium.pdf',
    'seed-word-chromium.pdf',
    // Chromium's print of the sheet HTML: title rows inside the table, one row over three pages
    // (the middle page has the row's side borders only).
    'seed-sheet-chromium.pdf',
  ])('%s', async (file) => {
    expectSameAsSeed(await importFromFile(join(PDF, file)), '公开表（PDF 文件）');
  });
});

describe('per-project forms printed to PDF import like their source', () => {
  it.each([
    ['form-national-midterm-docx.pdf', 'form-national-midterm.docx'],
    ['form-national-midterm-chromium.pdf', 'form-national-midterm.docx'],
    ['form-annual-yuan-docx.pdf', 'form-annual-yuan.docx'],
    ['form-annual-yuan-chromium.pdf', 'form-annual-yuan.docx'],
    ['form-long-term-chromium.pdf', 'form-long-term.xlsx'],
  ])('%s', async (file, source) => {
    const pdf = await importFromFile(join(PDF, file));
    const original = await importFromFile(join(FIXTURES, source));
    expect(pdf.report.format).toBe('项目绩效目标申报表（PDF 文件）');
    expect(summariseDocument(pdf.document)).toEqual(summariseDocument(original.document));
    expect(withoutSources(withSequentialIds(pdf.document))).toEqual(
      withoutSources(withSequentialIds(original.document)),
    );
  });
});

/** A PDF written by hand: objects numbered from 1, with a correct cross-reference table. */
function handmadePdf(objects: readonly string[], trailer = ''): Uint8Array {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  // One byte a character: objects are ASCII, compressed streams are given as latin1 text.
  return Uint8Array.from(body, (char) => char.charCodeAt(0));
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
];

describe('PDFs that cannot or must not be read', () => {
  it('says a scan has no text layer', async () => {
    const error = await refusal(importFromFile(join(PDF, 'scan.pdf')));
    expect(error.message).toMatch(/^这个 PDF 没有文字层（可能是扫描件或图片）/);
  });

  it('refuses an encrypted PDF', async () => {
    const error = await refusal(importFromFile(join(PDF, 'encrypted.pdf')));
    expect(error.message).toMatch(/^PDF 文件已加密（需要密码才能打开）/);
  });

  it('refuses a PDF with JavaScript in it', async () => {
    const scripted = handmadePdf([
      "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert('x')) >> >>",
      ...PAGE_OBJECTS.slice(1),
      '<< /Length 0 >>\nstream\n\nendstream',
    ]);
    const error = await refusal(importBytes(scripted, 'x.pdf'));
    expect(error.message).toMatch(/^PDF 文件中含有脚本（JavaScript）/);
  });

  it('refuses a truncated PDF', async () => {
    const { readFile } = await import('node:fs/promises');
    const whole = new Uint8Array(await readFile(join(PDF, 'seed-print-html.pdf')));
    const error = await refusal(importBytes(whole.slice(0, 2000), 'cut.pdf'));
    expect(error.code).toBe('invalid-document');
  });

  it('refuses a deeply nested PDF within the limits', async () => {
    const deep = handmadePdf([
      ...PAGE_OBJECTS,
      `<< /Length 0 /Nest ${'['.repeat(200_000)}${']'.repeat(200_000)} >>\nstream\n\nendstream`,
    ]);
    const started = performance.now();
    const error = await refusal(importBytes(deep, 'deep.pdf', { limits: { timeoutMs: 10_000 } }));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(error.code).toMatch(/invalid-document|unsupported/);
  });

  it.each([
    ['path', '0 0 m 9 0 l S\n'],
    ['text', 'BT /F1 1 Tf 1 1 Td (a) Tj ET\n'],
  ])(
    'stops at a page of a million %s operators, quickly and off the main thread',
    async (_kind, operator) => {
      // A 30–70 KB file: one page whose compressed content repeats one operator 10^6 times.
      const content = deflateSync(Buffer.from(operator.repeat(1_000_000))).toString('latin1');
      const bomb = handmadePdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
        `<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n${content}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ]);
      expect(bomb.length).toBeLessThan(100_000);
      // The main thread keeps answering while the worker reads: a 50 ms timer never waits long.
      let longestWait = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        longestWait = Math.max(longestWait, performance.now() - last);
        last = performance.now();
      }, 50);
      const started = performance.now();
      try {
        const error = await refusal(
          importBytes(bomb, 'million.pdf', { limits: { timeoutMs: 30_000 } }),
        );
        // Refused by the page limit, not by the worker's time limit (which reads 读取超时).
        expect(error.message).toMatch(/^PDF 文件第 1 页的内容过多（超过 200,000 个绘图指令）/);
        expect(error.code).toBe('unsupported');
        expect(performance.now() - started).toBeLessThan(20_000);
        expect(longestWait).toBeLessThan(1_500);
      } finally {
        clearInterval(ticker);
      }
    },
  );

  it('refuses bytes named .pdf that are no PDF, and a non-OLE file named .xls', async () => {
    const pdf = await refusal(importBytes(new TextEncoder().encode('项目名称\t总计'), 'x.pdf'));
    expect(pdf.message).toMatch(/不是真正的 PDF 文件/);
    const html = new TextEncoder().encode('<table><tr><td>项目名称</td></tr></table>');
    const xls = await refusal(importBytes(html, 'x.xls'));
    expect(xls.message).toMatch(/^文件名是 \.xls，但内容不是 Excel 97-2003 工作簿/);
  });
});

describe('a standby worker (the app keeps one ready)', () => {
  it('reads the next file like a fresh one', async () => {
    keepImportWorkerWarm(true);
    try {
      // Give the standby time to compile pdf.js; the import works either way.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const first = await importFromFile(join(PDF, 'seed-print-html.pdf'));
      expectSameAsSeed(first, '公开表（PDF 文件）');
      // The next file gets the next standby, never the worker that read the first.
      const second = await importFromFile(join(PDF, 'form-annual-yuan-docx.pdf'));
      expect(second.report.counts).toEqual({ units: 1, projects: 2, indicators: 8 });
    } finally {
      keepImportWorkerWarm(false);
    }
  });
});

describe('progress and cancelling', () => {
  it('reports progress page by page and stops when cancelled', async () => {
    const path = join(PDF, 'seed-print-html.pdf');
    const seen: Array<[number, number]> = [];
    await importFromFile(path, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen.length).toBeGreaterThan(9);
    expect(seen.at(-1)?.[0]).toBe(seen.at(-1)?.[1]);
    const controller = new AbortController();
    const error = await importFromFile(path, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'cancelled', message: '已取消导入。' });
  });
});
