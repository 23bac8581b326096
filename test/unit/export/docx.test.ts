import type { Element } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { disclosureLayout, exportDocx, formLayout } from '../../../shared/export';
import { mmToTwips } from '../../../shared/export/docx';
import {
  attr,
  cellText,
  children,
  documentXml,
  elements,
  LONG_GOAL,
  SAMPLE_PROJECT_NAMES,
  sampleDocument,
  unzipText,
} from './helpers';

/** Reads `word/document.xml` with xmldom, independent of the writer. */
function sections(body: Element): Element[] {
  return elements(body, 'sectPr');
}

function gridWidths(table: Element): number[] {
  return elements(table, 'gridCol').map((col) => Number(attr(col, 'w')));
}

function textWidth(sectPr: Element): number {
  const size = children(sectPr, 'pgSz')[0];
  const margin = children(sectPr, 'pgMar')[0];
  return Number(attr(size, 'w')) - Number(attr(margin, 'left')) - Number(attr(margin, 'right'));
}

function rowTexts(row: Element): string[] {
  return children(row, 'tc').map(cellText);
}

describe('exportDocx: disclosure table', () => {
  let bytes: Uint8Array;
  let body: Element;
  beforeAll(async () => {
    // Without a year (the year line is tested in exports.test.ts).
    bytes = await exportDocx(disclosureLayout({ ...sampleDocument(), fiscalYear: null }));
    body = documentXml(bytes);
  });

  it('is a zip with the Word parts', () => {
    expect(bytes[0]).toBe(0x50);
    expect(bytes[1]).toBe(0x4b);
    const files = unzipText(bytes);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['word/document.xml', '[Content_Types].xml', 'word/fontTable.xml']),
    );
  });

  it('sets A4 landscape with the layout margins', () => {
    const [sectPr] = sections(body);
    const size = children(sectPr as Element, 'pgSz')[0];
    expect(attr(size, 'orient')).toBe('landscape');
    expect(Number(attr(size, 'w'))).toBe(mmToTwips(297));
    expect(Number(attr(size, 'h'))).toBe(mmToTwips(210));
    const margin = children(sectPr as Element, 'pgMar')[0];
    expect(Number(attr(margin, 'left'))).toBe(mmToTwips(8));
  });

  it('uses one fixed-layout table whose grid sums to the text width', () => {
    const tables = elements(body, 'tbl');
    expect(tables).toHaveLength(1);
    const table = tables[0] as Element;
    expect(attr(elements(table, 'tblLayout')[0], 'type')).toBe('fixed');
    const widths = gridWidths(table);
    expect(widths).toHaveLength(7);
    const total = widths.reduce((sum, width) => sum + width, 0);
    expect(total).toBe(textWidth(sections(body)[0] as Element));
    expect(Number(attr(elements(table, 'tblW')[0], 'w'))).toBe(total);
    expect(attr(elements(table, 'tblW')[0], 'type')).toBe('dxa');
  });

  it('repeats the title block and header on every page and lets body rows split', () => {
    const rows = children(elements(body, 'tbl')[0] as Element, 'tr');
    const isHeader = (row: Element) => elements(row, 'tblHeader').length > 0;
    expect(rows.slice(0, 3).every(isHeader)).toBe(true);
    expect(rows.slice(3).some(isHeader)).toBe(false);
    expect(rowTexts(rows[0] as Element)).toEqual(['项目支出绩效目标表（含转移支付项目）']);
    expect(rowTexts(rows[1] as Element)).toEqual([
      '部门名称：广州市人力资源和社会保障局',
      '单位：万元',
    ]);
    expect(rowTexts(rows[2] as Element)).toEqual([
      '项目名称（资金使用单位）',
      '总计',
      '财政拨款',
      '财政专户拨款',
      '其他资金',
      '绩效目标',
      '绩效指标',
    ]);
    // Short rows (合计, unit rows, a one-line project) move whole to the next page; the
    // 800-character row may break (it must).
    const splits = rows.slice(3).map((row) => {
      const cantSplit = elements(row, 'cantSplit')[0];
      return (
        cantSplit === undefined || ['false', '0', 'off'].includes(attr(cantSplit, 'val') ?? '')
      );
    });
    const campus = rows.slice(3).findIndex((row) => rowTexts(row)[0] === SAMPLE_PROJECT_NAMES[1]);
    expect(splits[campus]).toBe(true);
    expect(splits.slice(0, 2)).toEqual([false, false]);
    // Title row spans all seven columns; 部门名称 spans six and 单位 one.
    expect(attr(elements(rows[0] as Element, 'gridSpan')[0], 'val')).toBe('7');
    expect(attr(elements(rows[1] as Element, 'gridSpan')[0], 'val')).toBe('6');
  });

  it('writes rows, amounts and paragraphs', () => {
    const rows = children(elements(body, 'tbl')[0] as Element, 'tr').slice(3);
    expect(rowTexts(rows[0] as Element).slice(0, 5)).toEqual([
      '合计',
      '136,954.80',
      '124,106.63',
      '2.50',
      '12,845.67',
    ]);
    const names = rows.map((row) => rowTexts(row)[0]);
    for (const name of SAMPLE_PROJECT_NAMES) expect(names).toContain(name);
    const campus = rows.find((row) => rowTexts(row)[0] === SAMPLE_PROJECT_NAMES[1]) as Element;
    expect(rowTexts(campus)[5]).toBe(LONG_GOAL);
    const goalCell = children(campus, 'tc')[5] as Element;
    expect(elements(goalCell, 'p')).toHaveLength(4);
    // Zero amounts are blank; money is right-aligned.
    const zero = rows.find((row) => rowTexts(row)[0] === SAMPLE_PROJECT_NAMES[3]) as Element;
    expect(rowTexts(zero).slice(1, 5)).toEqual(['', '', '', '']);
    const moneyCell = children(rows[0] as Element, 'tc')[1] as Element;
    expect(attr(elements(moneyCell, 'jc')[0], 'val')).toBe('right');
    // A unit's subtotal row stays on the page of its first project.
    const unit2 = rows.find((row) => rowTexts(row)[0] === '广州市轻工技师学院') as Element;
    expect(elements(unit2, 'keepNext').length).toBeGreaterThan(0);
    expect(elements(zero, 'keepNext')).toHaveLength(0);
  });

  it('names the East Asian fonts explicitly, with fallbacks in the font table', () => {
    const fonts = elements(body, 'rFonts');
    const eastAsia = new Set(fonts.map((font) => attr(font, 'eastAsia')));
    expect(eastAsia).toEqual(new Set(['方正小标宋简体', '楷体_GB2312', '仿宋_GB2312']));
    const files = unzipText(bytes);
    expect(files['word/styles.xml']).toContain('w:eastAsia="仿宋_GB2312"');
    expect(files['word/fontTable.xml']).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>',
    );
    expect(files['word/fontTable.xml']).toContain(
      '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>',
    );
    const footer = Object.entries(files).find(([path]) => /word\/footer\d*\.xml/.test(path))?.[1];
    expect(footer).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/s);
  });

  it('keeps text that looks like a formula as text', () => {
    const xml = unzipText(bytes)['word/document.xml'] ?? '';
    expect(xml).toContain('=SUM(A1:A9)项目名称以等号开头');
    expect(elements(body, 'fldSimple')).toHaveLength(0);
    expect(elements(body, 'instrText')).toHaveLength(0);
  });

  it('honours a table font override', async () => {
    const custom = documentXml(
      await exportDocx(disclosureLayout(sampleDocument(), { fonts: { table: '宋体' } })),
    );
    const eastAsia = new Set(elements(custom, 'rFonts').map((font) => attr(font, 'eastAsia')));
    expect(eastAsia.has('宋体')).toBe(true);
    expect(eastAsia.has('仿宋_GB2312')).toBe(false);
  });
});

describe('exportDocx: per-project forms', () => {
  let body: Element;
  beforeAll(async () => {
    body = documentXml(await exportDocx(formLayout(sampleDocument(), { variant: 'annual' })));
  });

  it('puts each project in its own portrait section (a new page), indicators in a second table', () => {
    // Per project: the upper table, then the indicator table whose header row repeats.
    const all = elements(body, 'tbl');
    expect(all).toHaveLength(2 * SAMPLE_PROJECT_NAMES.length);
    const tables = all.filter((_, index) => index % 2 === 0);
    for (const indicators of all.filter((_, index) => index % 2 === 1)) {
      const header = children(indicators, 'tr')[0] as Element;
      expect(rowTexts(header)[0]).toBe('一级指标');
      expect(elements(header, 'tblHeader')).toHaveLength(1);
    }
    const sectPrs = sections(body);
    expect(sectPrs).toHaveLength(SAMPLE_PROJECT_NAMES.length);
    for (const sectPr of sectPrs) {
      const size = children(sectPr, 'pgSz')[0];
      expect(attr(size, 'orient')).toBe('portrait');
      expect(Number(attr(size, 'w'))).toBe(mmToTwips(210));
      const type = children(sectPr, 'type')[0];
      expect(type === undefined || attr(type, 'val') === 'nextPage').toBe(true);
    }
    tables.forEach((table, index) => {
      const total = gridWidths(table).reduce((sum, width) => sum + width, 0);
      expect(total).toBe(textWidth(sectPrs[index] as Element));
      const rows = children(table, 'tr');
      expect(rowTexts(rows[2] as Element)).toEqual(['项目名称', SAMPLE_PROJECT_NAMES[index]]);
    });
  });

  it('merges 一级 and 二级 vertically with vMerge restart/continue', () => {
    const table = elements(body, 'tbl')[3] as Element;
    const rows = children(table, 'tr');
    const start = rows.findIndex((row) => rowTexts(row)[0] === '一级指标');
    const indicatorRows = rows.slice(start + 1);
    expect(indicatorRows).toHaveLength(15);
    const merge = (row: Element, column: number) => {
      const vMerge = elements(children(row, 'tc')[column] as Element, 'vMerge')[0];
      return vMerge ? attr(vMerge, 'val') || 'continue' : 'none';
    };
    expect(indicatorRows.map((row) => merge(row, 0))).toEqual([
      'restart',
      ...Array<string>(9).fill('continue'),
      'restart',
      'continue',
      'continue',
      'continue',
      'none',
    ]);
    expect(indicatorRows.slice(0, 5).map((row) => merge(row, 1))).toEqual([
      'restart',
      'continue',
      'continue',
      'continue',
      'continue',
    ]);
    // Every row has five grid positions filled (continue cells included).
    for (const row of indicatorRows) {
      const spans = children(row, 'tc').map((cell) =>
        Number(attr(elements(cell, 'gridSpan')[0], 'val') || 1),
      );
      expect(spans.reduce((sum, span) => sum + span, 0)).toBe(5);
    }
    expect(rowTexts(indicatorRows[0] as Element)).toEqual([
      '产出指标',
      '数量指标',
      '备份策略',
      '本地全量备份不小于每周一次',
      '本地全量备份不小于每周一次',
    ]);
  });

  it('writes the money block with its label merged down', () => {
    const table = elements(body, 'tbl')[8] as Element;
    const rows = children(table, 'tr');
    const first = rows.findIndex((row) => rowTexts(row)[0] === '项目资金\n（万元）');
    expect(rowTexts(rows[first] as Element)).toEqual([
      '项目资金\n（万元）',
      '年度资金总额',
      '123,956.00',
    ]);
    expect(attr(elements(rows[first] as Element, 'vMerge')[0], 'val')).toBe('restart');
    expect(rowTexts(rows[first + 4] as Element)).toEqual(['', '上年结转', '100.00']);
  });
});
