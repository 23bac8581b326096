/**
 * How much of a page the PDF reader takes before it calls the file hostile. A page of a budget
 * table holds a few thousand text pieces and drawing operators (Chromium's print of the seed:
 * about 800 pieces and 3,300 operators a page); a small file can pack a million operators into
 * one page (a compressed content stream repeats well), which pdf.js would read for minutes. The
 * reader counts while pdf.js delivers and stops it at the limit, long before the worker's time
 * limit, with a message that says why.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ImportRefusal } from '../../../shared/import/refusal';

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument['getPage']>>;
type OperatorList = Awaited<ReturnType<PdfPageProxy['getOperatorList']>>;
type TextItem = Awaited<ReturnType<PdfPageProxy['getTextContent']>>['items'][number];

export const PDF_PAGE_LIMITS = {
  /** Drawing operators on one page. */
  operators: 200_000,
  /** Text pieces on one page. */
  texts: 50_000,
  /** Ruling lines on one page (joining them into tables compares neighbours). */
  rules: 20_000,
};

function tooMuch(page: number, what: string, limit: number): ImportRefusal {
  return new ImportRefusal(
    `PDF 文件第 ${page} 页的内容过多（超过 ${limit.toLocaleString('zh-CN')} 个${what}），不像是一张表格，已停止读取。请确认文件的来源，或找原始的 Excel / Word 文件再导入。`,
    'unsupported',
  );
}

/**
 * The page's operator list, refused as soon as more than the limit has arrived. pdf.js hands the
 * list over in chunks to its page object's `_renderPageChunk`; the count is taken there (pdf.js
 * 4.x). Once refused, pdf.js is stopped by destroying the document (the reader always does).
 */
export async function boundedOperatorList(
  page: PdfPageProxy,
  pageNumber: number,
  limit = PDF_PAGE_LIMITS.operators,
): Promise<OperatorList> {
  type Chunk = { length: number };
  const proxy = page as unknown as {
    _renderPageChunk?: (this: unknown, chunk: Chunk, state: unknown) => void;
  };
  const deliver = proxy._renderPageChunk;
  if (typeof deliver !== 'function') return page.getOperatorList();
  let count = 0;
  let refuse: (error: ImportRefusal) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => (refuse = reject));
  proxy._renderPageChunk = function (chunk: Chunk, state: unknown) {
    count += chunk.length;
    if (count > limit) refuse(tooMuch(pageNumber, '绘图指令', limit));
    else deliver.call(this, chunk, state);
  };
  try {
    return await Promise.race([page.getOperatorList(), refused]);
  } finally {
    delete proxy._renderPageChunk;
  }
}

/** The page's text pieces, read as pdf.js streams them and refused past the limit. */
export async function boundedTextItems(
  page: PdfPageProxy,
  pageNumber: number,
  limit = PDF_PAGE_LIMITS.texts,
): Promise<TextItem[]> {
  const reader = (
    page.streamTextContent({ disableNormalization: false }) as ReadableStream<{
      items: TextItem[];
    }>
  ).getReader();
  const items: TextItem[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return items;
    for (const item of value.items) items.push(item);
    if (items.length > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooMuch(pageNumber, '文字片段', limit);
    }
  }
}

/** Refuses a page with more ruling lines than any table draws. */
export function checkRuleCount(count: number, pageNumber: number): void {
  if (count > PDF_PAGE_LIMITS.rules) throw tooMuch(pageNumber, '线条', PDF_PAGE_LIMITS.rules);
}
