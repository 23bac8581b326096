/**
 * Issue 13: money from .xls is read from the cell's value (a display format never rounds it
 * silently), the Word merge-chain reader is linear, files in a mixed or BOM-less encoding are
 * refused with a message about the encoding, and engine text never reaches a message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ImportFileError, importBytes } from '../../../electron/host/importFile';
import { docxToGrid, type DecodedBlock } from '../../../shared/import/decoded';
import { expectClerkMessage } from './fuzz-helpers';
import { ROOT } from './seed-helpers';

const FIXTURES = join(ROOT, 'test/fixtures');

async function refused(bytes: Uint8Array, name: string): Promise<ImportFileError> {
  const error = await importBytes(bytes, name).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  expectClerkMessage((error as ImportFileError).message);
  return error as ImportFileError;
}

describe('.xls amounts come from the cell value', () => {
  it('imports 638.4 shown as `638` by its format, and says so in the report', async () => {
    const book = XLSX.read(readFileSync(join(FIXTURES, 'seed-libreoffice.xls')), {
      type: 'buffer',
    });
    const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    // 总计 and 财政拨款 of the first project: 638 each.
    const addresses = Object.keys(sheet).filter((key) => sheet[key]?.v === 638);
    expect(addresses).toHaveLength(2);
    for (const address of addresses) sheet[address] = { t: 'n', v: 638.4, z: '#,##0' };
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }));
    // The format really displays the rounded figure.
    const reread = XLSX.read(bytes, { type: 'array' });
    expect(reread.Sheets[reread.SheetNames[0] as string]?.[addresses[0] as string]?.w).toBe('638');

    const result = await importBytes(bytes, 'rounded.xls');
    const project = result.document.units[0]?.projects.find((item) =>
      item.name.startsWith('市机电技师学院安保和物业管理服务经费'),
    );
    expect(project?.money.fiscal).toBe(63_840);
    const lines = result.report.entries.filter((entry) => entry.message.includes('显示为“638”'));
    expect(lines.map((entry) => [entry.kind, entry.message, entry.source?.cell])).toEqual(
      addresses.map((address) => [
        'warning',
        '单元格显示为“638”，实际数值是 638.4：已按实际数值导入，请核对。',
        address,
      ]),
    );
  });
});

/** A Word table of `rows` rows whose first column is one vertical merge, text in every row. */
function mergeChain(rows: number): DecodedBlock[] {
  return [
    {
      type: 'table',
      rows: Array.from({ length: rows }, (_, index) => ({
        before: 0,
        cells: [
          { text: `第${index + 1}段`, span: 1, vMerge: index === 0 ? 'restart' : 'continue' },
          { text: String(index), span: 1, vMerge: '' },
        ],
      })),
    },
  ];
}

function docxOf(rows: number): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const row = (index: number) =>
    `<w:tr><w:tc><w:tcPr><w:vMerge${index === 0 ? ' w:val="restart"' : ''}/></w:tcPr><w:p><w:r><w:t>第${index + 1}段</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>${index}</w:t></w:r></w:p></w:tc></w:tr>`;
  const body = Array.from({ length: rows }, (_, index) => row(index)).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:tbl>${body}</w:tbl></w:body></w:document>`;
  const encode = (text: string) => new TextEncoder().encode(text);
  return zipSync({ '[Content_Types].xml': encode('<Types/>'), 'word/document.xml': encode(xml) });
}

describe('the Word merge chain is read in linear time', () => {
  it('joins a 20,000-row vertical merge in well under a second', () => {
    const started = performance.now();
    const [table] = docxToGrid(mergeChain(20_000));
    const ms = performance.now() - started;
    const anchor = table?.cells[0]?.[0];
    expect(anchor?.rowSpan).toBe(20_000);
    expect(anchor?.text.split('\n')).toHaveLength(20_000);
    expect(anchor?.text.endsWith('第20000段')).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it('keeps the old joining rule: later parts lose trailing blanks, the whole is trimmed', () => {
    const blocks: DecodedBlock[] = [
      {
        type: 'table',
        rows: [' ', ' 甲 ', '乙  '].map((text, index) => ({
          before: 0,
          cells: [{ text, span: 1, vMerge: index === 0 ? 'restart' : 'continue' }],
        })),
      },
    ];
    expect(docxToGrid(blocks)[0]?.cells[0]?.[0]?.text).toBe('甲\n乙');
  });

  it('reads a 20,000-row merge chain .docx inside the worker limits', async () => {
    // Whatever the recognisers then make of such a table, the worker's limits bound it: the
    // clerk gets a Chinese message in bounded time and the window never freezes.
    const started = performance.now();
    const error = await importBytes(docxOf(20_000), 'chain.docx', {
      limits: { timeoutMs: 8000 },
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ImportFileError);
    expectClerkMessage((error as ImportFileError).message);
    expect(performance.now() - started).toBeLessThan(12_000);
  });
});

describe('text in a mixed or unmarked encoding is refused with a message about it', () => {
  const utf8 = readFileSync(join(FIXTURES, 'seed-libreoffice-utf8.csv'));
  const gbk = readFileSync(join(FIXTURES, 'seed-libreoffice-gbk.csv'));
  const lines = (bytes: Buffer) => {
    const out: Buffer[] = [];
    let start = 0;
    for (let at = 0; at < bytes.length; at += 1) {
      if (bytes[at] === 0x0a) {
        out.push(bytes.subarray(start, at + 1));
        start = at + 1;
      }
    }
    return out;
  };

  it('a UTF-8 file with one GBK line', async () => {
    const mixed = lines(utf8);
    mixed[6] = lines(gbk)[6] as Buffer;
    const error = await refused(new Uint8Array(Buffer.concat(mixed)), 'mixed.csv');
    expect(error.message).toMatch(/^文件的编码不一致：前面是 UTF-8，第 7 行却是另一种编码/);
  });

  it('UTF-16 without its byte order mark', async () => {
    const text = utf8.toString('utf8');
    const error = await refused(new Uint8Array(Buffer.from(text, 'utf16le')), 'wide.txt');
    expect(error.message).toMatch(/^文件的编码是不带标记（BOM）的 UTF-16/);
  });

  it('GBK on its own still imports', async () => {
    const result = await importBytes(new Uint8Array(gbk), 'gbk.csv');
    expect(result.report.counts.projects).toBe(14);
  });
});

describe('engine text never reaches a message', () => {
  it('an OLE file with an impossible sector size', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'seed-libreoffice.xls')));
    bytes[30] = 30; // uSectorShift: SheetJS says "Sector Shift: Expected 9 or 12 saw 30".
    const error = await refused(bytes, 'broken.xls');
    expect(error.message).not.toMatch(/Sector|Expected/);
    expect(error.message).toMatch(/^文件已损坏或不是有效的Excel 97-2003 工作簿（\.xls）/);
    expect(error.detail).toMatch(/Sector Shift/);
  });
});
