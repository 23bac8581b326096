/**
 * The code that runs inside the import worker: untrusted bytes in, plain decoded data out
 * (shared/import/decoded.ts validates it in the parent). Only library decoding happens here —
 * ExcelJS for .xlsx, SheetJS for legacy .xls (ARCHITECTURE decision 7: contained in the worker),
 * fflate + xmldom for .docx; the layout recognisers run in the parent on validated data.
 *
 * The worker is started from this function's source text (`importWorkerMain.toString()`), so
 * the same code runs from TypeScript sources under vitest/tsx and from the esbuild (CLI) and
 * electron-vite (main) bundles without a separate worker bundle. The function must therefore be
 * self-contained: it may use only its parameters, globals and the packages it loads through
 * `load`; type-only imports are fine because they are erased.
 */
import type ExcelJS from 'exceljs';
import type * as Fflate from 'fflate';
import type * as Xmldom from '@xmldom/xmldom';
import type * as SheetJs from 'xlsx';
import type { DecodedBlock, DecodedResult, DecodedSheet, WorkerJob } from './protocol';

interface WorkerThreads {
  parentPort: {
    postMessage(value: unknown): void;
    once(event: 'message', listener: (job: WorkerJob) => void): void;
  } | null;
  workerData: { base: string };
}
interface ModuleApi {
  createRequire(base: string): (name: string) => unknown;
}

/** Entry of the worker thread; `threads` and `moduleApi` are `node:worker_threads` and `node:module`. */
export function importWorkerMain(threads: WorkerThreads, moduleApi: ModuleApi): void {
  const load = moduleApi.createRequire(threads.workerData.base);
  const port = threads.parentPort;
  if (!port) return;

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
        return record.richText
          .map((run) => String((run as { text?: unknown }).text ?? ''))
          .join('');
      }
      if ('result' in record) return excelValueText(record.result, format);
      if ('formula' in record || 'sharedFormula' in record) return '';
      if (typeof record.text === 'string') return record.text;
      if ('error' in record) return String(record.error);
    }
    return String(value);
  }

  async function readXlsx(bytes: Uint8Array): Promise<DecodedSheet[]> {
    const Excel = load('exceljs') as typeof ExcelJS;
    const workbook = new Excel.Workbook();
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
    const sheets: DecodedSheet[] = [];
    for (const sheet of workbook.worksheets) {
      const cells: DecodedSheet['cells'] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          // Cells covered by a merge repeat their master's value; only the master is read.
          if (cell.type === Excel.ValueType.Merge) return;
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

  function readXls(bytes: Uint8Array): DecodedSheet[] {
    const Sheets = load('xlsx') as typeof SheetJs;
    const workbook = Sheets.read(bytes, {
      type: 'array',
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: true,
    });
    return workbook.SheetNames.map((name) => {
      const sheet = workbook.Sheets[name] ?? {};
      const cells: DecodedSheet['cells'] = [];
      for (const address of Object.keys(sheet)) {
        if (address.startsWith('!')) continue;
        const cell = sheet[address] as SheetJs.CellObject;
        const { r, c } = Sheets.utils.decode_cell(address);
        let text: string;
        if (typeof cell.w === 'string') text = cell.w;
        else if (cell.v instanceof Date) text = dateText(cell.v);
        else if (typeof cell.v === 'number') text = numberText(cell.v, String(cell.z ?? ''));
        else text = cell.v === undefined || cell.v === null ? '' : String(cell.v);
        if (text !== '' && r >= 0 && c >= 0) cells.push([r + 1, c + 1, text]);
      }
      const merges = (sheet['!merges'] ?? []).map((range): [number, number, number, number] => [
        range.s.r + 1,
        range.s.c + 1,
        range.e.r + 1,
        range.e.c + 1,
      ]);
      return { name, cells, merges };
    });
  }

  function readDocx(bytes: Uint8Array, maxEntryBytes: number): DecodedBlock[] {
    const fflate = load('fflate') as typeof Fflate;
    const { DOMParser } = load('@xmldom/xmldom') as typeof Xmldom;
    const files = fflate.unzipSync(bytes, {
      filter(file) {
        if (file.name !== 'word/document.xml') return false;
        if (file.originalSize > maxEntryBytes) throw new Error('ENTRY_TOO_LARGE');
        return true;
      },
    });
    const xml = files['word/document.xml'];
    if (!xml) throw new Error('NO_DOCUMENT_XML');
    const text = new TextDecoder('utf-8').decode(xml);
    const parsed = new DOMParser({
      onError(level, message) {
        if (level === 'fatalError') throw new Error(`XML: ${message}`);
      },
    }).parseFromString(text, 'text/xml');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    type Element = Xmldom.Element;
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
    if (!body) throw new Error('NO_BODY');
    readBody(body);
    return blocks;
  }

  port.once('message', (job) => {
    const run = async (): Promise<DecodedResult> => {
      if (job.kind === 'xlsx') return { kind: 'sheets', sheets: await readXlsx(job.bytes) };
      if (job.kind === 'xls') return { kind: 'sheets', sheets: readXls(job.bytes) };
      return { kind: 'docx', blocks: readDocx(job.bytes, job.maxEntryBytes) };
    };
    run().then(
      (result) => port.postMessage({ ok: true, result }),
      (error: unknown) =>
        port.postMessage({
          ok: false,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
}
