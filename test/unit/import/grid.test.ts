import { describe, expect, it } from 'vitest';
import {
  anchorRows,
  checkZip,
  docxToGrid,
  expandGrid,
  parseFormAmount,
  sheetToGrid,
  sourceOfCell,
  splitCsvRows,
  splitTabRows,
  tableFromTexts,
  type DecodedBlock,
} from '../../../shared/import';
import { zipSync } from 'fflate';

const texts = (table: ReturnType<typeof docxToGrid>[number]) =>
  expandGrid(table).map((row) => row.map((placed) => (placed ? placed.cell.text : '∅')));

describe('Word tables', () => {
  it('resolves gridSpan, vMerge (bare = continue) and gridBefore', () => {
    const cell = (text: string, span = 1, vMerge: '' | 'restart' | 'continue' = '') => ({
      text,
      span,
      vMerge,
    });
    const blocks: DecodedBlock[] = [
      { type: 'paragraph', text: '项目支出绩效目标表' },
      {
        type: 'table',
        rows: [
          { before: 0, cells: [cell('一级指标'), cell('二级指标'), cell('三级指标', 2)] },
          {
            before: 0,
            cells: [cell('产出指标', 1, 'restart'), cell('数量指标'), cell('a'), cell('1')],
          },
          { before: 0, cells: [cell('', 1, 'continue'), cell('质量指标'), cell('b'), cell('2')] },
          { before: 1, cells: [cell('时效指标'), cell('c'), cell('3')] },
        ],
      },
    ];
    const [title, table] = docxToGrid(blocks);
    expect(title?.name).toBe('正文');
    expect(table?.name).toBe('表格 1');
    expect(texts(table!)).toEqual([
      ['一级指标', '二级指标', '三级指标', '三级指标'],
      ['产出指标', '数量指标', 'a', '1'],
      ['产出指标', '质量指标', 'b', '2'],
      ['', '时效指标', 'c', '3'],
    ]);
    const merged = expandGrid(table!)[2]?.[0];
    expect(merged?.anchor).toBe(false);
    expect(merged?.cell.rowSpan).toBe(2);
  });
});

describe('worksheets', () => {
  it('places merges as spans and names cells A1-style', () => {
    const table = sheetToGrid({
      name: '表1',
      cells: [
        [1, 1, '标题'],
        [2, 1, '产出指标'],
        [2, 2, 'x'],
        [3, 2, 'y'],
      ],
      merges: [
        [1, 1, 1, 2],
        [2, 1, 3, 1],
      ],
    });
    expect(table.cells[0]?.[0]).toMatchObject({ text: '标题', colSpan: 2, source: { cell: 'A1' } });
    expect(expandGrid(table).map((row) => row.map((placed) => placed?.cell.text))).toEqual([
      ['标题', '标题'],
      ['产出指标', 'x'],
      ['产出指标', 'y'],
    ]);
  });

  it('refuses a used area no table has', () => {
    expect(() => sheetToGrid({ name: 'S', cells: [[1_000_000, 16_000, 'x']], merges: [] })).toThrow(
      RangeError,
    );
  });
});

describe('rows as the recognisers read them', () => {
  it('reads a sheet without merges cell by cell, with each cell’s own place', () => {
    const table = sheetToGrid({
      name: '表1',
      cells: [
        [1, 1, '项目名称'],
        [1, 3, '总计'],
        [2, 1, '设备购置'],
        [2, 2, '100'],
      ],
      merges: [],
    });
    const rows = anchorRows(table);
    expect(rows.map((row) => row.cells)).toEqual([
      ['项目名称', '', '总计'],
      ['设备购置', '100', ''],
    ]);
    expect(rows[0]?.source).toEqual({ sheet: '表1', row: 1 });
    expect(sourceOfCell(rows[0]!, 2)).toMatchObject({ sheet: '表1', row: 1, cell: 'C1' });
    expect(sourceOfCell(rows[1]!, 1)).toMatchObject({ sheet: '表1', row: 2, cell: 'B2' });
    // Read once: the recognisers that ask again get the same rows.
    expect(anchorRows(table)).toBe(rows);
  });

  it('leaves a merged title in its first cell only', () => {
    const table = sheetToGrid({
      name: '表1',
      cells: [
        [1, 1, '标题'],
        [2, 1, 'a'],
        [2, 2, 'b'],
      ],
      merges: [[1, 1, 1, 2]],
    });
    expect(anchorRows(table).map((row) => row.cells)).toEqual([
      ['标题', ''],
      ['a', 'b'],
    ]);
    expect(sourceOfCell(anchorRows(table)[0]!, 1)).toBeUndefined();
  });

  it('reads text rows as they are, each cell at its line and column', () => {
    const table = tableFromTexts('文本', splitTabRows('项目名称\t总计\n"设备\n购置"\t100'));
    const rows = anchorRows(table);
    expect(rows).toEqual([
      { source: { line: 1 }, cells: ['项目名称', '总计'] },
      { source: { line: 2 }, cells: ['设备\n购置', '100'] },
    ]);
    expect(sourceOfCell(rows[1]!, 1)).toEqual({ line: 2, column: 2 });
    expect(sourceOfCell(rows[1]!, 2)).toBeUndefined();
    // The cells themselves, for a reader that asks for them.
    expect(table.cells[1]?.[1]).toEqual({
      text: '100',
      rowSpan: 1,
      colSpan: 1,
      source: { line: 2, column: 2 },
    });
  });
});

describe('CSV', () => {
  it('reads quoted cells with commas, quotes and line breaks', () => {
    expect(splitCsvRows('a,"b,1","c""d"\n"e\nf",g\n')).toEqual([
      { line: 1, cells: ['a', 'b,1', 'c"d'] },
      { line: 2, cells: ['e\nf', 'g'] },
    ]);
  });
});

describe('amounts on forms', () => {
  it.each([
    ['250万', '元', 25000, '万元'],
    ['10000万元', '元', 1000000, '万元'],
    ['989,200元', '万元', 98920000, '元'],
    ['1,540.00', '万元', 154000, '万元'],
  ] as const)('%s', (text, fallback, cents, unit) => {
    expect(parseFormAmount(text, fallback)).toMatchObject({ cents, unit });
  });
  it('is null for text that is no amount', () => {
    expect(parseFormAmount('约250万', '万元')).toBeNull();
  });
});

describe('zip guard', () => {
  it('accepts an ordinary archive and lists it', () => {
    const check = checkZip(
      zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') }),
    );
    expect(check).toMatchObject({ ok: true, entries: [{ name: 'word/document.xml' }] });
  });

  it('refuses an entry that claims a bomb’s compression ratio, before inflating', () => {
    const zip = zipSync({ 'xl/workbook.xml': new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    const check = checkZip(zip);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.message).toMatch(/压缩比异常.*疑似压缩炸弹/);
  });

  it('refuses a truncated archive', () => {
    const zip = zipSync({ a: new Uint8Array([1, 2, 3]) });
    expect(checkZip(zip.subarray(0, zip.length - 10)).ok).toBe(false);
  });
});
