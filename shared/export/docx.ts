/**
 * Word writer: Layout → .docx bytes with the `docx` library. Tables use fixed layout and absolute
 * column widths in twips that sum to the text width (WPS relies on them, ARCHITECTURE decision 8);
 * the title block and column header repeat on every page; rows may split across pages; East Asian
 * fonts are named explicitly, with the fallbacks declared in the font table (`w:altName`).
 *
 * The `docx` library writes the package (styles, settings, footers, section properties, each
 * table's properties and grid) but not the table rows: building, preparing and serialising some
 * twenty library objects per cell made a 1,000-project export five times slower than writing its
 * bare text (test/bench/export.bench.ts). `titleRowsXml` and `gridRowsXml` write the rows as XML
 * text instead — byte for byte what `docx` 9 writes for the TableRow, TableCell, Paragraph and
 * TextRun options this writer used to pass it — and `exportDocx` puts them into the empty tables
 * `docx` wrote.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableLayoutType,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type {
  FontRole,
  FontSpec,
  HorizontalAlign,
  Layout,
  LayoutCell,
  LayoutRow,
  LayoutSection,
  Margins,
  TitleLine,
  TitleText,
} from './layout';
import {
  fontAttributes,
  sectionFurniture,
  tinySectionBreaks,
  usesEvenPages,
  withoutTheme,
} from './docxPage';
import { escapeMarkup } from '../text/markup';
import { placeCells } from './cells';

const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips (twentieths of a point), rounded. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Page and column measures of a section in twips, the grid summing exactly to the text width. */
export function sectionTwips(section: LayoutSection): {
  pageWidth: number;
  pageHeight: number;
  /** The page's margins, in twips. */
  margins: Margins;
  textWidth: number;
  columns: number[];
} {
  const { page } = section;
  const margins = {
    top: mmToTwips(page.margins.top),
    right: mmToTwips(page.margins.right),
    bottom: mmToTwips(page.margins.bottom),
    left: mmToTwips(page.margins.left),
    header: mmToTwips(page.margins.header),
    footer: mmToTwips(page.margins.footer),
  };
  const pageWidth = mmToTwips(page.widthMm);
  const pageHeight = mmToTwips(page.heightMm);
  const textWidth = pageWidth - margins.left - margins.right;
  const totalMm = section.columns.reduce((sum, column) => sum + column.widthMm, 0);
  let edgeMm = 0;
  let previous = 0;
  const columns = section.columns.map((column) => {
    edgeMm += column.widthMm;
    const edge = Math.round((edgeMm / totalMm) * textWidth);
    const width = edge - previous;
    previous = edge;
    return width;
  });
  return { pageWidth, pageHeight, margins, textWidth, columns };
}

const NO_LINE: IBorderOptions = { style: BorderStyle.NIL, size: 0, color: 'auto' };

function run(text: string, font: FontSpec, bold: boolean): TextRun {
  return new TextRun({
    text,
    font: fontAttributes(font),
    size: Math.round(font.sizePt * 2),
    bold: bold || font.bold,
  });
}

/**
 * Exact line spacing in twips, 1.35 em: a row takes the same height whichever face Word or WPS
 * substitutes (仿宋_GB2312 and Noto CJK differ by 20 % in natural line height), a little under
 * the layout's measure (measure.ts), so rows never need more room than the layout planned.
 */
export function lineTwips(sizePt: number): number {
  return Math.round(sizePt * 1.35 * 20);
}

/** Paragraphs up to this many characters are kept on one page. */
const SHORT_LINE = 60;

const BOXED_XML =
  '<w:tcBorders>' +
  ['top', 'left', 'bottom', 'right']
    .map((side) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`)
    .join('') +
  '</w:tcBorders>';
const OPEN_XML =
  '<w:tcBorders>' +
  ['top', 'left', 'bottom', 'right']
    .map((side) => `<w:${side} w:val="nil" w:color="auto" w:sz="0"/>`)
    .join('') +
  '</w:tcBorders>';

/** `w:rPr` of a run: the font named for every script, its size, bold on or off. */
function runPropertiesXml(font: FontSpec, bold: boolean): string {
  const name = escapeMarkup(font.name);
  const size = Math.round(font.sizePt * 2);
  return (
    `<w:rPr><w:rFonts w:ascii="${name}" w:cs="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:hint="eastAsia"/>` +
    (bold || font.bold ? '<w:b/><w:bCs/>' : '<w:b w:val="false"/><w:bCs w:val="false"/>') +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`
  );
}

/**
 * One paragraph per '\n'-separated line; an empty text still needs one paragraph. A short line
 * (a name, an amount) is not torn across a page break (`keepLines`); long text still flows.
 * `keepNext` keeps the row on the page of the next one.
 */
function paragraphsXml(
  text: string,
  runProperties: string,
  align: HorizontalAlign,
  keepNext: boolean,
  line: number,
): string {
  const spacing = `<w:spacing w:after="0" w:before="0" w:line="${line}" w:lineRule="exact"/><w:jc w:val="${align}"/></w:pPr>`;
  const next = keepNext ? '<w:keepNext/>' : '';
  let xml = '';
  for (const line of text.split('\n')) {
    xml += `<w:p><w:pPr>${next}${line.length <= SHORT_LINE ? '<w:keepLines/>' : ''}${spacing}`;
    if (line !== '') {
      xml += `<w:r>${runProperties}<w:t xml:space="preserve">${escapeMarkup(line)}</w:t></w:r>`;
    }
    xml += '</w:p>';
  }
  return xml;
}

function spanWidth(columns: readonly number[], start: number, span: number): number {
  let width = 0;
  for (let column = start; column < start + span; column += 1) width += columns[column] ?? 0;
  return width;
}

/** Title-block lines as borderless table rows, so they repeat with the header on every page. */
function titleRowsXml(
  lines: readonly TitleLine[],
  layout: Layout,
  columns: readonly number[],
): string {
  const count = columns.length;
  const titleCell = (
    part: TitleText | undefined,
    align: HorizontalAlign,
    start: number,
    span: number,
  ) => {
    const font = layout.fonts[part?.font ?? 'table'];
    return (
      `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${spanWidth(columns, start, span)}"/>` +
      (span ? `<w:gridSpan w:val="${span}"/>` : '') +
      OPEN_XML +
      `<w:tcMar><w:top w:type="dxa" w:w="0"/><w:bottom w:type="dxa" w:w="${align === 'center' ? 120 : 60}"/></w:tcMar>` +
      '<w:vAlign w:val="bottom"/></w:tcPr>' +
      paragraphsXml(
        part?.text ?? '',
        runPropertiesXml(font, false),
        align,
        false,
        lineTwips(font.sizePt),
      ) +
      '</w:tc>'
    );
  };
  let xml = '';
  for (const line of lines) {
    xml += '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>';
    xml +=
      line.center || count < 2
        ? titleCell(line.center ?? line.left ?? line.right, 'center', 0, count)
        : titleCell(line.left, 'left', 0, count - 1) + titleCell(line.right, 'right', count - 1, 1);
    xml += '</w:tr>';
  }
  return xml;
}

/**
 * Body or header rows, with vertical merges written explicitly (restart, then continue cells).
 * Header rows repeat on every page and never split; a body row that is short (keepTogether) moves
 * whole to the next page, and a tall one carries no cantSplit, so it breaks across pages.
 */
function gridRowsXml(
  rows: readonly LayoutRow[],
  columns: readonly number[],
  table: FontSpec,
  header: boolean,
): string {
  const placed = placeCells(rows, columns.length);
  const count = columns.length;
  // continuing[row][column]: the cell merged down over that position from a row above.
  const continuing: Array<Array<LayoutCell | undefined>> = placed.map(() => new Array(count));
  placed.forEach((row, rowIndex) => {
    for (const { cell, column } of row) {
      for (
        let offset = 1;
        offset < cell.rowSpan && rowIndex + offset < placed.length;
        offset += 1
      ) {
        (continuing[rowIndex + offset] as Array<LayoutCell | undefined>)[column] = cell;
      }
    }
  });
  const runProperties = [runPropertiesXml(table, false), runPropertiesXml(table, true)];
  const line = lineTwips(table.sizePt);
  const cellProperties = new Map<string, string>();
  const propertiesXml = (
    width: number,
    span: number,
    merge: '' | 'restart' | 'continue',
    top: boolean,
  ) => {
    const key = `${width}|${span}|${merge}|${top}`;
    let xml = cellProperties.get(key);
    if (xml === undefined) {
      xml =
        `<w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>` +
        (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') +
        (merge ? `<w:vMerge w:val="${merge}"/>` : '') +
        BOXED_XML +
        `<w:vAlign w:val="${top ? 'top' : 'center'}"/></w:tcPr>`;
      cellProperties.set(key, xml);
    }
    return xml;
  };
  const parts: string[] = [];
  placed.forEach((row, rowIndex) => {
    const layoutRow = rows[rowIndex];
    const keepNext = !header && layoutRow?.keepWithNext === true;
    const cantSplit = header || layoutRow?.keepTogether === true;
    let xml = header
      ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
      : cantSplit
        ? '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
        : '<w:tr>';
    const byColumn: Array<LayoutCell | undefined> = new Array(count);
    for (const item of row) byColumn[item.column] = item.cell;
    const above = continuing[rowIndex] as Array<LayoutCell | undefined>;
    let column = 0;
    while (column < count) {
      const own = byColumn[column];
      const item = own ?? above[column];
      if (!item) throw new Error(`版面错误：第 ${rowIndex + 1} 行第 ${column + 1} 列为空`);
      const merge = own ? (item.rowSpan > 1 ? 'restart' : '') : 'continue';
      xml +=
        '<w:tc>' +
        propertiesXml(
          spanWidth(columns, column, item.colSpan),
          item.colSpan,
          merge,
          item.verticalAlign === 'top',
        ) +
        (own
          ? paragraphsXml(
              item.text,
              runProperties[item.bold ? 1 : 0] as string,
              item.align,
              keepNext,
              line,
            )
          : keepNext
            ? '<w:p><w:pPr><w:keepNext/></w:pPr></w:p>'
            : '<w:p/>') +
        '</w:tc>';
      column += item.colSpan;
    }
    parts.push(`${xml}</w:tr>`);
  });
  return parts.join('');
}

/** A table of the section's grid, without rows (`exportDocx` puts the rows in). */
function emptyTable(twips: ReturnType<typeof sectionTwips>): Table {
  return new Table({
    rows: [],
    width: { size: twips.textWidth, type: WidthType.DXA },
    columnWidths: twips.columns,
    layout: TableLayoutType.FIXED,
    borders: {
      top: NO_LINE,
      bottom: NO_LINE,
      left: NO_LINE,
      right: NO_LINE,
      insideHorizontal: NO_LINE,
      insideVertical: NO_LINE,
    },
    margins: { top: 28, bottom: 28, left: 85, right: 85 },
  });
}

/** A 1 pt paragraph: between two tables (so Word keeps them apart) and at the end of the body. */
function tinyParagraph(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: 'exact' } });
}

/**
 * A section's options for `docx`, its tables without rows, and the rows' XML for each table. A
 * section with a repeated block (a form's indicators) gets a second table whose first row is a
 * repeated header row, so the indicator header prints on every page the indicators continue on.
 */
function sectionOptions(
  layout: Layout,
  section: LayoutSection,
  last: boolean,
): { options: ISectionOptions; rowsXml: string[] } {
  const twips = sectionTwips(section);
  const landscape = section.page.orientation === 'landscape';
  const table = layout.fonts.table;
  const before: Paragraph[] = section.repeatTitleBlock
    ? []
    : section.titleBlock.map((line) => {
        const part = line.center ?? line.left ?? line.right;
        return new Paragraph({
          alignment: line.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { after: 120 },
          children: part ? [run(part.text, layout.fonts[part.font], false)] : [],
        });
      });
  const split = section.repeatBlockFrom ?? section.bodyRows.length;
  const block = section.bodyRows.slice(split);
  const rowsXml = [
    (section.repeatTitleBlock ? titleRowsXml(section.titleBlock, layout, twips.columns) : '') +
      gridRowsXml(section.headerRows, twips.columns, table, true) +
      gridRowsXml(section.bodyRows.slice(0, split), twips.columns, table, false),
  ];
  if (block.length > 0) {
    rowsXml.push(
      gridRowsXml(block.slice(0, 1), twips.columns, table, true) +
        gridRowsXml(block.slice(1), twips.columns, table, false),
    );
  }
  const furniture = sectionFurniture(layout, section);
  const options: ISectionOptions = {
    properties: {
      // Explicit: LibreOffice runs an untyped last section on from the page before.
      type: SectionType.NEXT_PAGE,
      page: {
        size: {
          // docx swaps width and height for landscape itself.
          width: landscape ? twips.pageHeight : twips.pageWidth,
          height: landscape ? twips.pageWidth : twips.pageHeight,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: twips.margins,
        ...(furniture.pageNumbers ? { pageNumbers: furniture.pageNumbers } : {}),
      },
      titlePage: furniture.titlePage,
    },
    ...(furniture.headers ? { headers: furniture.headers } : {}),
    footers: furniture.footers,
    children: [
      ...before,
      emptyTable(twips),
      ...(block.length > 0 ? [tinyParagraph(), emptyTable(twips)] : []),
      // A body must not end with a table (Word adds a paragraph; LibreOffice otherwise runs the
      // last section on from the page before). Tiny, so it never spills onto a page of its own.
      ...(last ? [tinyParagraph()] : []),
    ],
  };
  return { options, rowsXml };
}

/**
 * The font table with each font's first fallback as `w:altName` and the GB2312 character set,
 * so Word and WPS substitute a Chinese face of the same kind when a GB2312 font is missing.
 */
function fontTable(fonts: Record<FontRole, FontSpec>): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const font of Object.values(fonts)) {
    if (seen.has(font.name)) continue;
    seen.add(font.name);
    const altName = font.fallbacks[0];
    entries.push(
      `<w:font w:name="${escapeMarkup(font.name)}">` +
        (altName ? `<w:altName w:val="${escapeMarkup(altName)}"/>` : '') +
        '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>',
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}

/** Where the rows go: the end of a table `docx` wrote without rows. */
const EMPTY_TABLE_END = '</w:tblGrid></w:tbl>';

/** Writes a layout as a Word document; each section starts on a new page. */
export async function exportDocx(layout: Layout): Promise<Uint8Array> {
  const table = layout.fonts.table;
  const sections = layout.sections.map((section, index) =>
    sectionOptions(layout, section, index === layout.sections.length - 1),
  );
  const document = new Document({
    title: layout.title,
    evenAndOddHeaderAndFooters: usesEvenPages(layout),
    creator: '绩效目标表编辑器',
    styles: {
      default: {
        document: {
          run: {
            font: fontAttributes(table),
            size: Math.round(table.sizePt * 2),
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: sections.map((section) => section.options),
  });
  const packed = await Packer.pack(document, 'uint8array', false, [
    { path: 'word/fontTable.xml', data: fontTable(layout.fonts) },
  ]);
  // The package as docx wrote it, in its order, with the rows put into the tables. Text is escaped,
  // so the end of an empty table occurs exactly once per section.
  const files = unzipSync(packed);
  const pieces = strFromU8(files['word/document.xml'] ?? new Uint8Array()).split(EMPTY_TABLE_END);
  const tables = sections.flatMap((section) => section.rowsXml);
  if (pieces.length !== tables.length + 1) {
    throw new Error(
      `导出错误：Word 文档中找到 ${pieces.length - 1} 个表格，应为 ${tables.length} 个`,
    );
  }
  let xml = pieces[0] ?? '';
  tables.forEach((rowsXml, index) => {
    xml += `</w:tblGrid>${rowsXml}</w:tbl>${pieces[index + 1] ?? ''}`;
  });
  files['word/document.xml'] = strToU8(tinySectionBreaks(xml));
  withoutTheme(files, strFromU8, strToU8);
  return zipSync(files);
}
