/**
 * The PDF container reader, run inside the import worker: pdf.js (legacy build, as Node needs)
 * gives each page's text pieces with their positions and its operator list, from which the
 * ruling lines are taken (stroked lines and rectangles, and the thin filled rectangles some
 * programs draw borders with). shared/import/pdfGrid.ts turns them into the neutral grid.
 * pdf.js never runs a PDF's scripts; a PDF that carries any is refused all the same.
 */
import { createRequire } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { dirname, join } from 'node:path';
import type { ContainerRead, ProgressListener } from '../../../shared/import/pipeline';
import { pdfToGrid } from '../../../shared/import/pdfGrid';
import {
  ordinaryHan,
  type PdfPage,
  type PdfRule,
  type PdfText,
} from '../../../shared/import/pdfPage';
import { ImportRefusal } from '../../../shared/import/refusal';
import { boundedOperatorList, boundedTextItems, checkRuleCount } from './pdfLimits';

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument['getPage']>>;
type OwnerDocument = NonNullable<
  Extract<Parameters<PdfJs['getDocument']>[0], { ownerDocument?: unknown }>['ownerDocument']
>;

/** More pages than any department's budget book; a larger count is a hostile file. */
export const MAX_PDF_PAGES = 3000;

const NO_TEXT =
  '这个 PDF 没有文字层（可能是扫描件或图片），程序无法读出其中的表格。请找原始的 Excel / Word 文件，或先用 OCR 软件识别成文字再导入。';
const SCRIPTED =
  'PDF 文件中含有脚本（JavaScript），为安全起见不导入。请在 PDF 阅读器中“打印”为新的 PDF，或找原始的 Excel / Word 文件再导入。';

let loaded: Promise<PdfJs> | undefined;

/** The canvas package pdf.js's display layer loads on Node (Skia, a 33 MB native library). */
const CANVAS = '@napi-rs/canvas';

/**
 * `process.getBuiltinModule` as pdf.js's display layer sees it while it loads: its `require`
 * refuses the canvas package. pdf.js loads it only to stand in for the browser's DOMMatrix,
 * ImageData and Path2D, which drawing a page needs and reading its text and lines does not;
 * without it pdf.js warns (into the worker's unread console) and goes on. Loading it cost each
 * worker about 35 ms of CPU and 24 MB of memory.
 */
function withoutCanvas(getBuiltinModule: NodeJS.Process['getBuiltinModule']) {
  return (id: string): object | undefined => {
    const builtin = getBuiltinModule.call(process, id);
    if (id !== 'module' || !builtin) return builtin;
    const { createRequire } = builtin as { createRequire: (from: string | URL) => NodeJS.Require };
    return Object.create(builtin, {
      createRequire: {
        value: (from: string | URL) => {
          const require = createRequire(from);
          return Object.assign((request: string): unknown => {
            if (request === CANVAS) throw new Error(`${CANVAS} is not loaded for reading text`);
            return require(request);
          }, require);
        },
      },
    }) as object;
  };
}

/**
 * pdf.js and its parser (which runs in this thread as pdf.js's "fake worker", taken from
 * `globalThis.pdfjsWorker`), loaded once. The legacy build's core-js replaces
 * `Array.prototype.push` and `JSON.parse` with script versions on V8 before 12.2 (Node 20) for an
 * edge case nothing here meets; the script `push` alone made a PDF import several times slower,
 * so the engine's own functions are put back once both modules are loaded. The canvas package is
 * kept out (withoutCanvas).
 */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const { push } = Array.prototype;
    const { parse } = JSON;
    const { getBuiltinModule } = process;
    try {
      const parserModule: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      const parser: unknown = await import(parserModule);
      Object.assign(globalThis, { pdfjsWorker: parser });
      if (typeof getBuiltinModule === 'function') {
        Object.defineProperty(process, 'getBuiltinModule', {
          value: withoutCanvas(getBuiltinModule),
        });
      }
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      Object.defineProperty(Array.prototype, 'push', { value: push });
      Object.defineProperty(JSON, 'parse', { value: parse });
      if (typeof getBuiltinModule === 'function') {
        Object.defineProperty(process, 'getBuiltinModule', { value: getBuiltinModule });
      }
    }
  })();
  return loaded;
}

/** pdf.js's character maps (Chinese fonts without embedded Unicode tables need them). */
function cMapUrl(): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return `${join(root, 'cmaps')}/`;
}

const SCRIPT_NAMES = [Buffer.from('/JavaScript', 'latin1'), Buffer.from('/JS', 'latin1')];
/** What may follow a name: white space (NBSP included, as the old text scan took it), `/ < ( [`. */
const AFTER_NAME = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x2f, 0x3c, 0x28, 0x5b]);

/**
 * A `/JavaScript` or `/JS` name in the file's uncompressed objects. Searched in the bytes (a
 * native search): decoding the whole file to text first took longer than the search.
 */
export function namesScript(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const name of SCRIPT_NAMES) {
    for (let at = buffer.indexOf(name); at !== -1; at = buffer.indexOf(name, at + 1)) {
      if (AFTER_NAME.has(buffer[at + name.length] ?? -1)) return true;
    }
  }
  return false;
}

/**
 * Where pdf.js "installs" a page's fonts. With font faces disabled it would instead compile every
 * glyph's outline into drawing commands while building the operator list (a third of a PDF
 * import's time), which only rendering needs: here fonts are accepted and thrown away.
 */
const FONT_SINK = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
} as unknown as OwnerDocument;

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: readonly number[]): Matrix {
  const [a, b, c, d, e, f] = n as Matrix;
  return [
    a * m[0] + b * m[2],
    a * m[1] + b * m[3],
    c * m[0] + d * m[2],
    c * m[1] + d * m[3],
    e * m[0] + f * m[2] + m[4],
    e * m[1] + f * m[3] + m[5],
  ];
}

/** Ruling lines of a page, in viewport coordinates (y down). */
async function pageRules(lib: PdfJs, page: PdfPageProxy, number: number): Promise<PdfRule[]> {
  const { OPS } = lib;
  const viewport = page.getViewport({ scale: 1 });
  const list = await boundedOperatorList(page, number);
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let pending: Array<{ kind: 'line' | 'rect'; points: Array<[number, number]> }> = [];
  const point = (x: number, y: number): [number, number] => {
    const px = ctm[0] * x + ctm[2] * y + ctm[4];
    const py = ctm[1] * x + ctm[3] * y + ctm[5];
    return viewport.convertToViewportPoint(px, py) as [number, number];
  };
  const rule = (a: [number, number], b: [number, number]): void => {
    const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
    const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
    if (y2 - y1 < 0.5 && x2 - x1 > 2) rules.push({ x1, x2, y1: (y1 + y2) / 2, y2: (y1 + y2) / 2 });
    else if (x2 - x1 < 0.5 && y2 - y1 > 2)
      rules.push({ x1: (x1 + x2) / 2, x2: (x1 + x2) / 2, y1, y2 });
  };
  const paint = (stroke: boolean): void => {
    for (const shape of pending) {
      if (shape.kind === 'line') {
        for (let n = 1; n < shape.points.length; n += 1) {
          rule(shape.points[n - 1] as [number, number], shape.points[n] as [number, number]);
        }
        continue;
      }
      const [p, q, r, s] = shape.points as Array<[number, number]>;
      if (!p || !q || !r || !s) continue;
      const xs = [p[0], q[0], r[0], s[0]];
      const ys = [p[1], q[1], r[1], s[1]];
      const width = Math.max(...xs) - Math.min(...xs);
      const height = Math.max(...ys) - Math.min(...ys);
      if (stroke) {
        rule(p, q);
        rule(q, r);
        rule(r, s);
        rule(s, p);
      } else if (width <= 2.5 && height > 2) {
        // A thin filled rectangle is a border drawn as a bar.
        const x = (Math.max(...xs) + Math.min(...xs)) / 2;
        rule([x, Math.min(...ys)], [x, Math.max(...ys)]);
      } else if (height <= 2.5 && width > 2) {
        const y = (Math.max(...ys) + Math.min(...ys)) / 2;
        rule([Math.min(...xs), y], [Math.max(...xs), y]);
      }
    }
    pending = [];
  };
  for (let index = 0; index < list.fnArray.length; index += 1) {
    const fn = list.fnArray[index];
    const args = list.argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.constructPath) {
      const ops = (args?.[0] ?? []) as number[];
      const coords = (args?.[1] ?? []) as number[];
      let at = 0;
      let line: Array<[number, number]> = [];
      const flushLine = () => {
        if (line.length > 1) pending.push({ kind: 'line', points: line });
        line = [];
      };
      for (const op of ops) {
        if (op === OPS.moveTo) {
          flushLine();
          line = [point(coords[at] as number, coords[at + 1] as number)];
          at += 2;
        } else if (op === OPS.lineTo) {
          line.push(point(coords[at] as number, coords[at + 1] as number));
          at += 2;
        } else if (op === OPS.rectangle) {
          flushLine();
          const [x, y, w, h] = coords.slice(at, at + 4) as [number, number, number, number];
          pending.push({
            kind: 'rect',
            points: [point(x, y), point(x + w, y), point(x + w, y + h), point(x, y + h)],
          });
          at += 4;
        } else if (op === OPS.curveTo) {
          flushLine();
          at += 6;
        } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
          flushLine();
          at += 4;
        } else if (op === OPS.closePath && line.length > 1) {
          line.push(line[0] as [number, number]);
        }
      }
      flushLine();
    } else if (
      fn === OPS.stroke ||
      fn === OPS.closeStroke ||
      fn === OPS.fillStroke ||
      fn === OPS.eoFillStroke ||
      fn === OPS.closeFillStroke ||
      fn === OPS.closeEOFillStroke
    )
      paint(true);
    else if (fn === OPS.fill || fn === OPS.eoFill) paint(false);
    else if (fn === OPS.endPath) pending = [];
  }
  checkRuleCount(rules.length, number);
  return rules;
}

async function pageTexts(page: PdfPageProxy, number: number): Promise<PdfText[]> {
  const viewport = page.getViewport({ scale: 1 });
  const texts: PdfText[] = [];
  for (const item of await boundedTextItems(page, number)) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, , , e, f] = item.transform as number[];
    const [x, y] = viewport.convertToViewportPoint(e as number, f as number) as [number, number];
    texts.push({
      text: ordinaryHan(item.str),
      x,
      y,
      width: item.width,
      size: Math.hypot(a as number, b as number) || item.height || 10,
    });
  }
  return texts;
}

function refusalFor(error: unknown): ImportRefusal | null {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') {
    return new ImportRefusal(
      'PDF 文件已加密（需要密码才能打开），无法导入。请在 PDF 阅读器中输入密码后“打印”为不加密的 PDF，或找原始的 Excel / Word 文件再导入。',
      'unsupported',
    );
  }
  if (name === 'InvalidPDFException' || name === 'MissingPDFException') {
    return new ImportRefusal(
      'PDF 文件已损坏（结构不完整，可能没有下载完整），无法读取。请重新获取文件后再导入。',
      'invalid-document',
      String((error as Error).message),
    );
  }
  return null;
}

/** Reads a PDF's pages into the neutral grid, reporting progress page by page. */
export async function readPdf(
  bytes: Uint8Array,
  progress: ProgressListener,
): Promise<ContainerRead> {
  if (namesScript(bytes)) throw new ImportRefusal(SCRIPTED, 'unsupported');
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: FONT_SINK,
    useSystemFonts: false,
    enableXfa: false,
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    verbosity: 0,
  });
  let document: PdfDocument;
  try {
    document = await task.promise;
  } catch (error) {
    throw refusalFor(error) ?? error;
  }
  let abandoned = false;
  try {
    if ((await document.getJSActions()) !== null) throw new ImportRefusal(SCRIPTED, 'unsupported');
    const total = document.numPages;
    if (total > MAX_PDF_PAGES) {
      throw new ImportRefusal(
        `PDF 文件的页数过多（${total} 页，上限 ${MAX_PDF_PAGES} 页），已拒绝。`,
        'unsupported',
      );
    }
    const pages: PdfPage[] = [];
    let textCount = 0;
    for (let number = 1; number <= total; number += 1) {
      const page = await document.getPage(number);
      const scripts = await page.getJSActions();
      if (scripts && Object.keys(scripts).length > 0)
        throw new ImportRefusal(SCRIPTED, 'unsupported');
      // Drawing first: a hostile page reaches that limit soonest.
      const rules = await pageRules(lib, page, number);
      const texts = await pageTexts(page, number);
      textCount += texts.length;
      pages.push({ number, texts, rules });
      page.cleanup();
      progress(number, total * 2);
    }
    if (textCount === 0) throw new ImportRefusal(NO_TEXT, 'unsupported');
    const tables = pdfToGrid(pages, total, {
      progress: (done) => progress(total + done, total * 2),
    });
    return { tables, entries: [] };
  } catch (error) {
    // pdf.js may still be busy with the page that was refused: the worker is discarded after
    // the reply, so the document is not waited for.
    abandoned = true;
    void document.destroy().catch(() => undefined);
    throw refusalFor(error) ?? error;
  } finally {
    if (!abandoned) await document.destroy();
  }
}
