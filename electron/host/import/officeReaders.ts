/**
 * The Office container readers, run inside the import worker: untrusted bytes in, plain decoded
 * data out (shared/import/decoded.ts validates it before the grid is built). ExcelJS for .xlsx,
 * SheetJS for legacy .xls (ARCHITECTURE decision 7: contained in the worker, and only for files
 * with the OLE signature), fflate + xmldom for .docx.
 */
import type ExcelJSType from 'exceljs';
import { unzipSync } from 'fflate';
import type { Element } from '@xmldom/xmldom';
import type * as SheetJsType from 'xlsx';
import type { DecodedBlock, DecodedResult, DecodedSheet } from '../../../shared/import/decoded';
import { columnLetters } from '../../../shared/model/cellAddress';
import { ImportRefusal } from '../../../shared/import/refusal';

/** Numbers as a person reads them: no binary noise (`0.30000000000000004` → `0.3`). */
function numberText(value: number, format: string): string {
  const plain = (n: number): string => String(Number(n.toPrecision(15)));
  if (/%/.test(format.replace(/"[^"]*"|\\./g, ''))) return `${plain(value * 100)}%`;
  return plain(value);
}

function dateText(value: Date): string {
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

function excelValueText(value: unknown, format: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, format);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.richText)) {
      return record.richText.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
    }
    if ('result' in record) return excelValueText(record.result, format);
    if ('formula' in record || 'sharedFormula' in record) return '';
    if (typeof record.text === 'string') return record.text;
    if ('error' in record) return String(record.error);
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<DecodedSheet[]> {
  const ExcelJS = (await import('exceljs')).default as typeof ExcelJSType;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const sheets: DecodedSheet[] = [];
  for (const sheet of workbook.worksheets) {
    const cells: DecodedSheet['cells'] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        // Cells covered by a merge repeat their master's value; only the master is read.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const text = excelValueText(cell.value, cell.numFmt ?? '');
        if (text !== '') cells.push([rowNumber, column, text]);
      });
    });
    const merges = Object.values(
      (
        sheet as unknown as {
          _merges: Record<string, { top: number; left: number; bottom: number; right: number }>;
        }
      )._merges,
    ).map((range): [number, number, number, number] => [
      range.top,
      range.left,
      range.bottom,
      range.right,
    ]);
    sheets.push({ name: sheet.name, cells, merges });
  }
  return sheets;
}

/**
 * The number a displayed text says (`1,234.50`, `￥638`, `95%` as 95), or null when the text is
 * no plain number (a date, words).
 */
function shownNumber(text: string): number | null {
  const plain = text.replace(/[,，\s¥￥元]/gu, '').replace(/^\((.*)\)$/u, '-$1');
  if (!/^[-+]?\d+(?:\.\d+)?%?$/u.test(plain)) return null;
  return Number(plain.replace('%', ''));
}

/**
 * Legacy workbooks through SheetJS. Cells are read from their value, never from the text their
 * format displays (`#,##0` shows 638.4 as `638`); where the two say different numbers the cell
 * is listed in `shown` so the report says so.
 */
async function readXls(bytes: Uint8Array): Promise<DecodedSheet[]> {
  const SheetJs = (await import('xlsx')) as typeof SheetJsType;
  const workbook = SheetJs.read(bytes, {
    type: 'array',
    cellFormula: false,
    cellHTML: false,
    cellStyles: false,
    cellDates: true,
  });
  return workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name] ?? {};
    const cells: DecodedSheet['cells'] = [];
    const shown: NonNullable<DecodedSheet['shown']> = [];
    for (const address of Object.keys(sheet)) {
      if (address.startsWith('!')) continue;
      const cell = sheet[address] as SheetJsType.CellObject;
      const { r, c } = SheetJs.utils.decode_cell(address);
      if (r < 0 || c < 0) continue;
      let text: string;
      if (cell.v instanceof Date) text = dateText(cell.v);
      else if (typeof cell.v === 'number') {
        const format = String(cell.z ?? '');
        text = numberText(cell.v, format);
        const displayed = typeof cell.w === 'string' ? shownNumber(cell.w) : null;
        const value = shownNumber(text);
        if (displayed !== null && value !== null && displayed !== value && shown.length < 10_000) {
          shown.push([
            r + 1,
            c + 1,
            (cell.w as string).slice(0, 200),
            text,
            `${columnLetters(c + 1)}${r + 1}`,
          ]);
        }
      } else if (typeof cell.w === 'string' && cell.v === undefined) text = cell.w;
      else text = cell.v === undefined || cell.v === null ? '' : String(cell.v);
      if (text !== '') cells.push([r + 1, c + 1, text]);
    }
    const merges = (sheet['!merges'] ?? []).map((range): [number, number, number, number] => [
      range.s.r + 1,
      range.s.c + 1,
      range.e.r + 1,
      range.e.c + 1,
    ]);
    return { name, cells, merges, ...(shown.length > 0 ? { shown } : {}) };
  });
}

async function readDocx(bytes: Uint8Array, maxEntryBytes: number): Promise<DecodedBlock[]> {
  const { DOMParser } = await import('@xmldom/xmldom');
  const files = unzipSync(bytes, {
    filter(file) {
      if (file.name !== 'word/document.xml') return false;
      if (file.originalSize > maxEntryBytes) {
        throw new ImportRefusal('Word 文档（.docx）中的正文过大，已拒绝。', 'unsupported');
      }
      return true;
    },
  });
  const xml = files['word/document.xml'];
  if (!xml) throw new ImportRefusal('Word 文档（.docx）中没有正文，文件可能已损坏。');
  const text = new TextDecoder('utf-8').decode(xml);
  const parsed = new DOMParser({
    onError(level, message) {
      if (level === 'fatalError') throw new Error(`XML: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const children = (node: Element): Element[] => {
    const list: Element[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) list.push(child as Element);
    }
    return list;
  };
  const isW = (node: Element, name: string): boolean =>
    node.localName === name && node.namespaceURI === W;
  const child = (node: Element, name: string): Element | undefined =>
    children(node).find((candidate) => isW(candidate, name));
  const value = (node: Element | undefined): string | null =>
    node ? (node.getAttributeNS(W, 'val') ?? node.getAttribute('w:val')) : null;
  const count = (node: Element | undefined): number => {
    const number = Number.parseInt(value(node) ?? '1', 10);
    return Number.isFinite(number) && number > 0 ? Math.min(number, 1000) : 1;
  };

  /** Text of a paragraph-like subtree: runs, tabs and breaks, without deleted text. */
  const textOf = (node: Element): string => {
    let out = '';
    const walk = (element: Element): void => {
      for (const item of children(element)) {
        if (isW(item, 't')) out += item.textContent ?? '';
        else if (isW(item, 'tab')) out += '\t';
        else if (isW(item, 'br') || isW(item, 'cr')) out += '\n';
        else if (isW(item, 'p')) {
          if (out !== '' && !out.endsWith('\n')) out += '\n';
          walk(item);
        } else if (
          !isW(item, 'delText') &&
          !isW(item, 'instrText') &&
          !isW(item, 'rPr') &&
          !isW(item, 'pPr')
        )
          walk(item);
      }
    };
    walk(node);
    return out;
  };

  const blocks: DecodedBlock[] = [];
  const readTable = (table: Element): void => {
    const rows: Extract<DecodedBlock, { type: 'table' }>['rows'] = [];
    for (const row of children(table)) {
      if (!isW(row, 'tr')) continue;
      const properties = child(row, 'trPr');
      const before = properties ? child(properties, 'gridBefore') : undefined;
      const cells: Extract<DecodedBlock, { type: 'table' }>['rows'][number]['cells'] = [];
      const collect = (parent: Element): void => {
        for (const item of children(parent)) {
          if (isW(item, 'tc')) {
            const cellProperties = child(item, 'tcPr');
            const span = cellProperties ? child(cellProperties, 'gridSpan') : undefined;
            const merge = cellProperties ? child(cellProperties, 'vMerge') : undefined;
            // A bare <w:vMerge/> continues the merge above; only val="restart" starts one.
            const vMerge = merge ? (value(merge) === 'restart' ? 'restart' : 'continue') : '';
            cells.push({ text: textOf(item), span: count(span), vMerge });
          } else if (isW(item, 'sdt') || isW(item, 'customXml')) {
            const content = child(item, 'sdtContent') ?? item;
            collect(content);
          }
        }
      };
      collect(row);
      rows.push({ before: before ? count(before) : 0, cells });
    }
    blocks.push({ type: 'table', rows });
  };
  const readBody = (body: Element): void => {
    for (const item of children(body)) {
      if (isW(item, 'tbl')) readTable(item);
      else if (isW(item, 'p')) blocks.push({ type: 'paragraph', text: textOf(item) });
      else if (isW(item, 'sdt')) readBody(child(item, 'sdtContent') ?? item);
    }
  };
  const root = parsed.documentElement;
  const body = root ? child(root as Element, 'body') : undefined;
  if (!body) throw new ImportRefusal('Word 文档（.docx）中没有正文，文件可能已损坏。');
  readBody(body);
  return blocks;
}

/** Decodes one Office container into plain data for the pipeline to validate. */
export async function readOffice(
  kind: 'xlsx' | 'xls' | 'docx',
  bytes: Uint8Array,
  maxEntryBytes: number,
): Promise<DecodedResult> {
  if (kind === 'xlsx') return { kind: 'sheets', sheets: await readXlsx(bytes) };
  if (kind === 'xls') return { kind: 'sheets', sheets: await readXls(bytes) };
  return { kind: 'docx', blocks: await readDocx(bytes, maxEntryBytes) };
}
