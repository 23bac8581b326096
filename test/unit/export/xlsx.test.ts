import { DOMParser, type Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { disclosureLayout, exportXlsx, formLayout, MONEY_FORMAT } from '../../../shared/export';
import { cellHeightPt } from '../../../shared/export/measure';
import { LONG_GOAL, SAMPLE_PROJECT_NAMES, sampleDocument, unzipText } from './helpers';

/** Reads a workbook with SheetJS, independent of the writer. */
function read(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', cellStyles: true, cellNF: true, cellFormula: true });
}

function value(sheet: XLSX.WorkSheet, address: string): unknown {
  return sheet[address]?.v;
}

function rowValues(sheet: XLSX.WorkSheet, row: number): unknown[] {
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
  const values: unknown[] = [];
  for (let column = range.s.c; column <= range.e.c; column += 1) {
    values.push(sheet[XLSX.utils.encode_cell({ r: row, c: column })]?.v ?? '');
  }
  return values;
}

function allCells(sheet: XLSX.WorkSheet): Array<[string, XLSX.CellObject]> {
  return Object.entries(sheet).filter(([key]) => !key.startsWith('!')) as Array<
    [string, XLSX.CellObject]
  >;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function parseXml(xml: string | undefined): Element {
  const root = new DOMParser().parseFromString(xml ?? '', 'text/xml').documentElement;
  if (!root) throw new Error('xml does not parse');
  return root;
}

function byName(node: Element, name: string): Element[] {
  return Array.from(node.getElementsByTagNameNS(NS, name));
}

/** Which style ids (cellXfs index) draw a thin line on the given sides, from styles.xml. */
function boxedStyles(
  files: Record<string, string>,
  sides: readonly string[] = ['left', 'right', 'top', 'bottom'],
): Set<number> {
  const styles = parseXml(files['xl/styles.xml']);
  const borders = byName(byName(styles, 'borders')[0] as Element, 'border').map((border) =>
    sides.every((side) => byName(border, side)[0]?.getAttribute('style') === 'thin'),
  );
  const xfs = byName(byName(styles, 'cellXfs')[0] as Element, 'xf');
  return new Set(
    xfs
      .map((xf, index) => (borders[Number(xf.getAttribute('borderId') ?? 0)] ? index : -1))
      .filter((index) => index >= 0),
  );
}

describe('exportXlsx: disclosure table', () => {
  let bytes: Uint8Array;
  let workbook: XLSX.WorkBook;
  let sheet: XLSX.WorkSheet;
  let files: Record<string, string>;
  beforeAll(async () => {
    // Without a year: the title block is the title and the 部门名称 line (the year line is tested
    // in exports.test.ts).
    bytes = await exportXlsx(disclosureLayout({ ...sampleDocument(), fiscalYear: null }));
    workbook = read(bytes);
    sheet = workbook.Sheets[workbook.SheetNames[0] as string] as XLSX.WorkSheet;
    files = unzipText(bytes);
  });

  it('has one sheet with the title block, header and rows', () => {
    expect(workbook.SheetNames).toEqual(['绩效目标表']);
    expect(value(sheet, 'A1')).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(value(sheet, 'A2')).toBe('部门名称：广州市人力资源和社会保障局');
    expect(value(sheet, 'G2')).toBe('单位：万元');
    expect(rowValues(sheet, 2)).toEqual([
      '项目名称（资金使用单位）',
      '总计',
      '财政拨款',
      '财政专户拨款',
      '其他资金',
      '绩效目标',
      '绩效指标',
    ]);
    expect(rowValues(sheet, 3)).toEqual(['合计', 136954.8, 124106.63, 2.5, 12845.67, '', '']);
    const names = allCells(sheet)
      .filter(([address]) => address.startsWith('A'))
      .map(([, cell]) => cell.v);
    for (const name of SAMPLE_PROJECT_NAMES) expect(names).toContain(name);
  });

  it('writes money as numbers with a blank-zero format', () => {
    const total = sheet.B4 as XLSX.CellObject;
    expect(total.t).toBe('n');
    expect(total.z).toBe(MONEY_FORMAT);
    expect(total.w).toBe('136,954.80');
    const zeroRow = allCells(sheet).find(([, cell]) => cell.v === SAMPLE_PROJECT_NAMES[3]);
    const row = XLSX.utils.decode_cell(zeroRow?.[0] ?? 'A1').r;
    const zero = sheet[XLSX.utils.encode_cell({ r: row, c: 1 })] as XLSX.CellObject;
    expect(zero.v).toBe(0);
    expect(zero.w ?? '').toBe('');
  });

  it('never writes a formula, even for text starting with = + - @', () => {
    for (const [, cell] of allCells(sheet)) expect(cell.f).toBeUndefined();
    const sheetXml = Object.entries(files).filter(([path]) => path.startsWith('xl/worksheets/'));
    for (const [, xml] of sheetXml) expect(xml).not.toMatch(/<f[ >]/);
    const formula = allCells(sheet).find(([, cell]) => cell.v === SAMPLE_PROJECT_NAMES[2]);
    expect(formula?.[1].t).toBe('s');
    const row = XLSX.utils.decode_cell(formula?.[0] ?? 'A1').r;
    expect(sheet[XLSX.utils.encode_cell({ r: row, c: 5 })]?.v).toBe(
      '+完成年度任务\n-不发生安全事故\n@全体师生受益',
    );
    expect(String(sheet[XLSX.utils.encode_cell({ r: row, c: 6 })]?.v)).toMatch(
      /^1、1-产出指标；11-数量指标；=1\+1；/,
    );
  });

  it('cuts the row above 409 pt into sheet rows after sentences, under the name merged down', () => {
    const merges = (sheet['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range));
    expect(merges).toEqual(expect.arrayContaining(['A1:G1', 'A2:F2']));
    const campus = allCells(sheet).find(([, cell]) => cell.v === SAMPLE_PROJECT_NAMES[1]);
    const start = XLSX.utils.decode_cell(campus?.[0] ?? 'A1').r;
    const nameMerge = (sheet['!merges'] ?? []).find(
      (range) => range.s.r === start && range.s.c === 0,
    );
    const end = nameMerge?.e.r ?? start;
    expect(end).toBeGreaterThan(start);
    expect(merges).toContain(
      XLSX.utils.encode_range({ s: { r: start, c: 1 }, e: { r: end, c: 1 } }),
    );
    // The goal's pieces, read top to bottom, give the goal back exactly, line breaks included:
    // each cut falls after a sentence inside a paragraph.
    const pieces: string[] = [];
    for (let row = start; row <= end; row += 1) {
      const piece = sheet[XLSX.utils.encode_cell({ r: row, c: 5 })]?.v;
      if (typeof piece === 'string') pieces.push(piece);
    }
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(LONG_GOAL);
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/[。；]$/);
  });

  it('sets a height on every row, tall enough for its text and within Excel’s 409 pt', () => {
    const rows = sheet['!rows'] ?? [];
    const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1');
    expect(rows.length).toBeGreaterThanOrEqual(range.e.r + 1);
    for (let row = 0; row <= range.e.r; row += 1) {
      expect(rows[row]?.hpt).toBeGreaterThan(0);
      expect(rows[row]?.hpt).toBeLessThanOrEqual(409);
    }
    // The first project row holds a 123-character goal in the goal column: several lines.
    const layout = disclosureLayout(sampleDocument());
    const goal = layout.sections[0]?.bodyRows[2]?.cells[5]?.text ?? '';
    const width = layout.sections[0]?.columns[5]?.widthMm ?? 0;
    expect(rows[5]?.hpt).toBeGreaterThanOrEqual(cellHeightPt(goal, width, 10.5) - 0.25);
  });

  it('sets column widths, print area, print titles and A4 landscape fitted to one page wide', () => {
    const cols = sheet['!cols'] ?? [];
    expect(cols).toHaveLength(7);
    for (const col of cols) expect(col?.wch ?? col?.width).toBeGreaterThan(5);
    const names = workbook.Workbook?.Names ?? [];
    const titles = names.find((name) => name.Name === '_xlnm.Print_Titles');
    expect(titles?.Ref).toBe("'绩效目标表'!$1:$3");
    const area = names.find((name) => name.Name === '_xlnm.Print_Area');
    expect(area?.Ref).toMatch(/^'绩效目标表'!\$A\$1:\$G\$\d+$/);
    const xml = parseXml(files['xl/worksheets/sheet1.xml']);
    const setup = byName(xml, 'pageSetup')[0];
    expect(setup?.getAttribute('paperSize')).toBe('9');
    expect(setup?.getAttribute('orientation')).toBe('landscape');
    expect(setup?.getAttribute('fitToWidth')).toBe('1');
    expect(setup?.getAttribute('fitToHeight')).toBe('0');
    expect(byName(xml, 'pageSetUpPr')[0]?.getAttribute('fitToPage')).toBe('1');
    // GB/T 9704: odd pages right, even pages left, one character in, in a named 4号 font.
    expect(byName(xml, 'headerFooter')[0]?.getAttribute('differentOddEven')).toBe('1');
    expect(byName(xml, 'oddFooter')[0]?.textContent).toBe('&R&"宋体,常规"&14 — &P —　');
    expect(byName(xml, 'evenFooter')[0]?.textContent).toBe('&L&"宋体,常规"&14 　— &P —');
  });

  it('draws borders on every table cell, inside merged ranges too', () => {
    const boxed = boxedStyles(files);
    const sides = boxedStyles(files, ['left', 'right']);
    const xml = parseXml(files['xl/worksheets/sheet1.xml']);
    const cells = byName(xml, 'c');
    const tableCells = cells.filter(
      (cell) => Number(/\d+/.exec(cell.getAttribute('r') ?? '')?.[0]) >= 3,
    );
    expect(tableCells.length).toBeGreaterThan(7 * 8);
    for (const cell of tableCells) {
      const style = Number(cell.getAttribute('s'));
      expect(sides.has(style)).toBe(true);
      // Only the pieces of a cut goal or indicator cell (above 409 pt) go without a line between.
      if (!boxed.has(style)) expect(cell.getAttribute('r')).toMatch(/^[FG]\d+$/);
    }
    // The title block has no border.
    const title = cells.find((cell) => cell.getAttribute('r') === 'A1');
    expect(boxed.has(Number(title?.getAttribute('s')))).toBe(false);
  });
});

describe('exportXlsx: per-project forms', () => {
  it('makes one sheet per project with valid unique names', async () => {
    const document = sampleDocument();
    const first = document.units[0]?.projects[0];
    const second = document.units[0]?.projects[3];
    if (!first || !second) throw new Error('no projects');
    first.name = '重复的项目名称：[一期]/*?';
    second.name = '重复的项目名称：[一期]/*?';
    const workbook = read(await exportXlsx(formLayout(document, { variant: 'annual' })));
    expect(workbook.SheetNames).toHaveLength(5);
    expect(workbook.SheetNames[0]).toBe('重复的项目名称：_一期____');
    expect(workbook.SheetNames[3]).toBe('重复的项目名称：_一期____（2）');
    expect(workbook.SheetNames[2]).toBe('=SUM(A1_A9)项目名称以等号开头');
    for (const name of workbook.SheetNames) {
      expect(Array.from(name).length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('writes the form with merged 一级/二级 cells and print titles', async () => {
    const workbook = read(await exportXlsx(formLayout(sampleDocument(), { variant: 'annual' })));
    const sheet = workbook.Sheets[workbook.SheetNames[1] as string] as XLSX.WorkSheet;
    expect(value(sheet, 'A1')).toBe('项目支出绩效目标表');
    expect(value(sheet, 'A2')).toBe('（2025年度）');
    expect(rowValues(sheet, 2)).toEqual(['项目名称', SAMPLE_PROJECT_NAMES[1], '', '', '']);
    const headerRow = allCells(sheet).find(([, cell]) => cell.v === '一级指标');
    const start = XLSX.utils.decode_cell(headerRow?.[0] ?? 'A1').r;
    expect(rowValues(sheet, start)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '实施周期指标值',
      '年度指标值',
    ]);
    const merges = (sheet['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range));
    expect(merges).toContain(`A${start + 2}:A${start + 11}`);
    expect(merges).toContain(`B${start + 2}:B${start + 6}`);
    const names = workbook.Workbook?.Names ?? [];
    const titles = names.filter((name) => name.Name === '_xlnm.Print_Titles');
    expect(titles).toHaveLength(5);
    // The indicator header repeats on the pages after its first; the page header says what the
    // page continues.
    expect(titles[1]?.Ref).toBe(`'${workbook.SheetNames[1]}'!$${start + 1}:$${start + 1}`);
    expect(titles[1]?.Sheet).toBe(1);
    const setup = parseXml(
      unzipText(await exportXlsx(formLayout(sampleDocument(), { variant: 'annual' })))[
        'xl/worksheets/sheet2.xml'
      ],
    );
    expect(byName(setup, 'pageSetup')[0]?.getAttribute('orientation')).toBe('portrait');
    expect(byName(setup, 'headerFooter')[0]?.getAttribute('differentFirst')).toBe('1');
    // Each project's sheet is numbered from its own first page, so LibreOffice takes it as a
    // first page (it numbered the workbook straight through and put （续） on it).
    expect(byName(setup, 'pageSetup')[0]?.getAttribute('useFirstPageNumber')).toBe('1');
    expect(byName(setup, 'pageSetup')[0]?.getAttribute('firstPageNumber')).toBe('1');
    expect(byName(setup, 'firstHeader')[0]?.textContent ?? '').toBe('');
    expect(byName(setup, 'oddHeader')[0]?.textContent).toBe(
      `&L&"仿宋_GB2312,常规"&11 项目名称：${SAMPLE_PROJECT_NAMES[1]}（续）`,
    );
  });

  it('leaves zero blank in the form’s money block, as the disclosure table does', async () => {
    const workbook = read(await exportXlsx(formLayout(sampleDocument(), { variant: 'annual' })));
    const sheet = workbook.Sheets[workbook.SheetNames[4] as string] as XLSX.WorkSheet;
    const label = allCells(sheet).find(([, cell]) => cell.v === '财政专户拨款');
    const { r } = XLSX.utils.decode_cell(label?.[0] ?? 'A1');
    const amount = sheet[XLSX.utils.encode_cell({ r, c: 2 })] as XLSX.CellObject;
    expect(amount.v).toBe(0);
    expect(amount.w ?? '').toBe('');
  });
});
