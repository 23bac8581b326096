/**
 * The HTML print view of a layout (ARCHITECTURE "Export": the third writer of the one layout
 * model). One self-contained document, no scripts, serves both uses:
 *
 * - print (Electron's print/printToPDF, Chromium's page.pdf): CSS paged media, one named `@page`
 *   per page geometry, page numbers in the bottom margin box, the title block and column header
 *   in `<thead>` so Chromium repeats them on every page;
 * - the on-screen preview: under `@media screen` each section flows through a multi-column box
 *   whose columns are exactly the page's text area and wrap into rows (`column-wrap`), so
 *   Chromium's own fragmentation engine — the one printing uses — decides where pages break.
 */
import { cssString, fontFamily } from './fontStack';
import type {
  FontRole,
  HorizontalAlign,
  Layout,
  LayoutCell,
  LayoutColumn,
  LayoutRow,
  LayoutSection,
  Margins,
  PageSetup,
  TitleLine,
  TitleText,
} from './layout';
import { escapeMarkup } from '../text/markup';
import { textWidthMm } from './page';

/** Margin presets of the print view. */
export type MarginPreset = 'official' | 'compact';

/** Page margins of each preset, in millimetres. */
export const MARGIN_PRESETS: Readonly<
  Record<MarginPreset, Pick<Margins, 'top' | 'right' | 'bottom' | 'left'>>
> = {
  /** GB/T 9704-2012: top 37, left 28, type area 156 × 225 mm on portrait A4. */
  official: { top: 37, right: 26, bottom: 35, left: 28 },
  compact: { top: 15, right: 15, bottom: 15, left: 15 },
};

/** Page numbers of the print view; `{page}` and `{pages}` are the page number and count. */
export const PAGE_NUMBER_FORMAT = '第 {page} 页 共 {pages} 页';

/** A page-number format as a CSS `content` value with page counters. */
function counterContent(format: string): string {
  return format
    .split(/(\{pages?\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

/**
 * Where the print view puts its page numbers: the layout's side, or the centre for layouts
 * numbered on the outside edge (GB/T 9704), whose `第 X 页 共 Y 页` reads best centred.
 */
export function printPageNumberAlign(layout: Layout): HorizontalAlign {
  const { align } = layout.pageNumbers;
  return align === 'outside' ? 'center' : align;
}

/** Space between the running head and the top of the text area. */
export const RUNNING_HEAD_GAP_MM = 3;

/** Gap drawn between pages in the on-screen preview. */
export const SCREEN_PAGE_GAP_MM = 8;

export interface HtmlOptions {
  /** Margin preset; without one, each section keeps its layout's own margins (as in Word). */
  margins?: MarginPreset;
}

/** A section's page with the chosen margins and its columns scaled to the new text width. */
export interface PrintGeometry {
  page: PageSetup;
  columns: LayoutColumn[];
}

/**
 * The page and column widths a section prints with. Column widths keep their proportions and
 * still sum to the text width (0.1 mm steps, rounding absorbed by the running edge).
 */
export function printGeometry(section: LayoutSection, preset?: MarginPreset): PrintGeometry {
  if (!preset) return { page: section.page, columns: section.columns };
  const page: PageSetup = {
    ...section.page,
    margins: { ...section.page.margins, ...MARGIN_PRESETS[preset] },
  };
  const total = Math.round(textWidthMm(page) * 10);
  const sum = section.columns.reduce((width, column) => width + column.widthMm, 0);
  let cumulative = 0;
  let previous = 0;
  const columns = section.columns.map((column) => {
    cumulative += column.widthMm;
    const edge = Math.round((cumulative / sum) * total);
    const widthMm = (edge - previous) / 10;
    previous = edge;
    return { key: column.key, widthMm };
  });
  return { page, columns };
}

/** Cell text with its paragraphs ('\n') as line breaks. */
function textHtml(text: string): string {
  return text.split('\n').map(escapeMarkup).join('<br>');
}

/** A millimetre length for CSS, without float noise. */
function mm(value: number): string {
  return `${Math.round(value * 100) / 100}mm`;
}

const FONT_ROLES: readonly FontRole[] = ['title', 'subtitle', 'unit', 'table', 'pageNumber'];

function fontRules(layout: Layout): string {
  return FONT_ROLES.map((role) => {
    const font = layout.fonts[role];
    const weight = font.bold ? 'bold' : 'normal';
    return `.font-${role} { font-family: ${fontFamily(font)}; font-size: ${font.sizePt}pt; font-weight: ${weight}; }`;
  }).join('\n');
}

const MARGIN_BOX = { left: 'bottom-left', center: 'bottom-center', right: 'bottom-right' } as const;

/** The `@page` rule of a page name: size, margins, page number and an optional running head. */
function atPageRule(name: string, page: PageSetup, layout: Layout, runningHead?: string): string {
  const { top, right, bottom, left } = page.margins;
  const number = layout.fonts.pageNumber;
  const table = layout.fonts.table;
  const box = MARGIN_BOX[printPageNumberAlign(layout)];
  const head = runningHead
    ? `
  @top-left {
    content: ${cssString(runningHead)};
    vertical-align: bottom;
    padding-bottom: ${mm(RUNNING_HEAD_GAP_MM)};
    font-family: ${fontFamily(table)};
    font-size: ${table.sizePt}pt;
  }`
    : '';
  return `
@page ${name} {
  size: A4 ${page.orientation};
  margin: ${mm(top)} ${mm(right)} ${mm(bottom)} ${mm(left)};
  @${box} {
    content: ${counterContent(PAGE_NUMBER_FORMAT)};
    font-family: ${fontFamily(number)};
    font-size: ${number.sizePt}pt;
  }${head}
}
.sheet.${name} { page: ${name}; }`;
}

/** `@page` and preview rules for one page geometry, under its page name. */
function pageRules(name: string, page: PageSetup, layout: Layout): string {
  const { top, right, bottom, left } = page.margins;
  const textHeight = page.heightMm - top - bottom;
  const period = page.heightMm + SCREEN_PAGE_GAP_MM;
  return `${atPageRule(name, page, layout)}
@media screen {
  .sheet.${name} {
    width: ${mm(page.widthMm)};
    padding: ${mm(top)} ${mm(right)} ${mm(bottom)} ${mm(left)};
    background: repeating-linear-gradient(to bottom, #fff 0 ${mm(page.heightMm)}, transparent ${mm(page.heightMm)} ${mm(period)});
  }
  .sheet.${name} > .flow {
    column-height: ${mm(textHeight)};
    row-gap: ${mm(bottom + SCREEN_PAGE_GAP_MM + top)};
  }
}`;
}

/**
 * The running head of a section that names what its continuation pages continue
 * (`continuedLabel`): Word and Excel print `项目名称：…（续）` from the second page on. A CSS
 * margin box cannot tell a section's first page from the next ones (`:first` is the document's
 * first page only), so the print view names the project on every page of its section, without
 * （续）, and repeats the indicator header below it (see `blockTableHtml`).
 */
function runningHeadOf(section: LayoutSection): string | undefined {
  return section.continuedLabel?.replace(/（续）$/, '');
}

const BASE_CSS = `
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; color: #000; }
body { margin: 0; }
.sheet + .sheet { break-before: page; }
table.grid { border-collapse: collapse; table-layout: fixed; }
table.grid thead { display: table-header-group; break-inside: avoid; }
table.grid td, table.grid th {
  border: 0.5pt solid #000;
  padding: 0.5mm 1.5mm;
  line-height: 1.35;
  overflow-wrap: anywhere;
  font-weight: normal;
}
table.grid tfoot { display: table-footer-group; break-inside: avoid; }
table.grid tr.page-foot td { border: none; border-top: 0.5pt solid #000; padding: 0; height: 0; line-height: 0; }
table.grid .title-cell { border: none; padding: 0 0 3pt; }
table.grid .title-cell.center { padding-bottom: 6pt; text-align: center; }
.title-split { display: flex; justify-content: space-between; gap: 6mm; }
/* The indicator table's top border lies on the last border of the table above it. */
table.grid.block { margin-top: -0.5pt; }
table.grid tr.keep { break-inside: avoid; }
table.grid tr.split { break-inside: auto; }
table.grid tr.with-next,
table.grid tr.row-indicator-header { break-after: avoid; }
.a-left { text-align: left; }
.a-center { text-align: center; }
.a-right { text-align: right; }
.v-top { vertical-align: top; }
.v-middle { vertical-align: middle; }
.money { font-variant-numeric: tabular-nums; }
table.grid .bold { font-weight: bold; }
@media screen {
  html { background: #d4d4d4; }
  body { padding: ${mm(SCREEN_PAGE_GAP_MM)} 0; }
  .sheet { box-sizing: border-box; margin: 0 auto ${mm(SCREEN_PAGE_GAP_MM)}; position: relative; }
  .sheet > .flow { column-count: 1; column-gap: 0; column-fill: auto; column-wrap: wrap; }
  .preview-page-number { position: absolute; display: flex; align-items: center; }
  .preview-running-head { position: absolute; display: flex; align-items: flex-end; box-sizing: border-box; }
}`;

function titlePart(part: TitleText): string {
  return `<span class="font-${part.font}">${textHtml(part.text)}</span>`;
}

function titleLineHtml(line: TitleLine, columnCount: number): string {
  if (line.center) {
    return `<tr class="title-line"><td class="title-cell center" colspan="${columnCount}">${titlePart(line.center)}</td></tr>`;
  }
  const left = line.left ? titlePart(line.left) : '<span></span>';
  const right = line.right ? titlePart(line.right) : '<span></span>';
  return `<tr class="title-line"><td class="title-cell" colspan="${columnCount}"><div class="title-split">${left}${right}</div></td></tr>`;
}

function cellHtml(cell: LayoutCell, tag: 'td' | 'th'): string {
  const classes = [`a-${cell.align}`, `v-${cell.verticalAlign}`, cell.kind];
  if (cell.bold) classes.push('bold');
  const spans =
    (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '') +
    (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '');
  return `<${tag} class="${classes.join(' ')}"${spans}>${textHtml(cell.text)}</${tag}>`;
}

function rowHtml(row: LayoutRow, tag: 'td' | 'th'): string {
  const classes = [`row-${row.role}`, row.keepTogether ? 'keep' : 'split'];
  if (row.keepWithNext) classes.push('with-next');
  return `<tr class="${classes.join(' ')}">${row.cells.map((cell) => cellHtml(cell, tag)).join('')}</tr>`;
}

/** `top right bottom left` in millimetres: the preview places its page numbers with them. */
function marginList(page: PageSetup): string {
  const { top, right, bottom, left } = page.margins;
  return [top, right, bottom, left].join(' ');
}

/** An empty footer repeats at the foot of every page: it closes a row split by a page break. */
function pageFoot(columnCount: number): string {
  return `<tfoot><tr class="page-foot"><td colspan="${columnCount}"></td></tr></tfoot>`;
}

/**
 * The block of a section with `repeatBlockFrom` (a form's indicators) as a second table whose
 * head is the block's first row (一级指标 / 二级指标 …), so it repeats on every page the block
 * continues on, as in Word and Excel.
 */
function blockTableHtml(
  block: readonly LayoutRow[],
  columns: readonly LayoutColumn[],
  colgroup: string,
): string {
  const width = columns.reduce((sum, column) => sum + column.widthMm, 0);
  const [header, ...rows] = block;
  return [
    `<table class="grid font-table block" style="width: ${mm(width)}">`,
    colgroup,
    `<thead>${header ? rowHtml(header, 'th') : ''}</thead>`,
    `<tbody>${rows.map((row) => rowHtml(row, 'td')).join('')}</tbody>`,
    pageFoot(columns.length),
    '</table>',
  ].join('\n');
}

function sectionHtml(
  section: LayoutSection,
  geometry: PrintGeometry,
  pageNames: readonly string[],
): string {
  const { columns } = geometry;
  const width = columns.reduce((sum, column) => sum + column.widthMm, 0);
  const titleRows = section.titleBlock.map((line) => titleLineHtml(line, columns.length));
  const head = [
    ...(section.repeatTitleBlock ? titleRows : []),
    ...section.headerRows.map((row) => rowHtml(row, 'th')),
  ];
  const before = section.repeatTitleBlock
    ? ''
    : `<table class="grid" style="width: ${mm(width)}"><tbody>${titleRows.join('')}</tbody></table>`;
  const cols = columns
    .map(
      (column) =>
        `<col data-key="${escapeMarkup(column.key)}" style="width: ${mm(column.widthMm)}">`,
    )
    .join('');
  const colgroup = `<colgroup>${cols}</colgroup>`;
  const split = section.repeatBlockFrom ?? section.bodyRows.length;
  const block = section.bodyRows.slice(split);
  const upper = section.bodyRows.slice(0, split);
  const runningHead = runningHeadOf(section);
  const headData = runningHead ? ` data-running-head="${escapeMarkup(runningHead)}"` : '';
  return [
    `<section class="sheet ${pageNames.join(' ')}" data-section="${escapeMarkup(section.id)}" data-page-height-mm="${geometry.page.heightMm}" data-margins-mm="${marginList(geometry.page)}"${headData}>`,
    '<div class="flow">',
    before,
    `<table class="grid font-table" style="width: ${mm(width)}">`,
    colgroup,
    head.length > 0 ? `<thead>${head.join('')}</thead>` : '',
    `<tbody>${upper.map((row) => rowHtml(row, 'td')).join('')}</tbody>`,
    pageFoot(columns.length),
    '</table>',
    block.length > 0 ? blockTableHtml(block, columns, colgroup) : '',
    '</div>',
    '</section>',
  ].join('\n');
}

/** Content-Security-Policy of the print document itself: styles only, nothing that runs. */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * A complete, self-contained, printable HTML document for a layout: no scripts, inline CSS,
 * every text escaped (it is user data). Each section starts on a new page.
 */
export function layoutToHtml(layout: Layout, options: HtmlOptions = {}): string {
  const pageNames = new Map<string, string>();
  const rules: string[] = [];
  const bodies = layout.sections.map((section, index) => {
    const geometry = printGeometry(section, options.margins);
    const key = JSON.stringify([geometry.page.orientation, geometry.page.margins]);
    let name = pageNames.get(key);
    if (name === undefined) {
      name = `page-${pageNames.size + 1}`;
      pageNames.set(key, name);
      rules.push(pageRules(name, geometry.page, layout));
    }
    const runningHead = runningHeadOf(section);
    if (runningHead === undefined) return sectionHtml(section, geometry, [name]);
    // Its own page name: the running head is the section's.
    const own = `${name}-s${index + 1}`;
    rules.push(atPageRule(own, geometry.page, layout, runningHead));
    return sectionHtml(section, geometry, [name, own]);
  });
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeMarkup(PRINT_CSP)}">`,
    '<meta name="color-scheme" content="light">',
    `<title>${escapeMarkup(layout.title)}</title>`,
    `<style>${BASE_CSS}\n${fontRules(layout)}\n${rules.join('\n')}</style>`,
    '</head>',
    '<body>',
    ...bodies,
    '</body>',
    '</html>',
  ].join('\n');
}
