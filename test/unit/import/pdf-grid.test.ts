/**
 * The PDF geometry on pages built by hand: text drawn twice, wrapped lines, a table over two
 * pages with its header repeated and a row cut by the break, and a table without borders.
 */
import { describe, expect, it } from 'vitest';
import { pdfToGrid } from '../../../shared/import/pdfGrid';
import {
  joinWrapped,
  ordinaryHan,
  withoutDoubles,
  type PdfPage,
  type PdfRule,
  type PdfText,
} from '../../../shared/import/pdfPage';

const piece = (text: string, x: number, y: number, size = 10): PdfText => ({
  text,
  x,
  y,
  width: text.length * size,
  size,
});

/** Borders of a table with columns at `xs` and rows at `ys` (every cell closed). */
function grid(xs: number[], ys: number[]): PdfRule[] {
  const left = xs[0] as number;
  const right = xs.at(-1) as number;
  const top = ys[0] as number;
  const bottom = ys.at(-1) as number;
  return [
    ...xs.map((x) => ({ x1: x, x2: x, y1: top, y2: bottom })),
    ...ys.map((y) => ({ x1: left, x2: right, y1: y, y2: y })),
  ];
}

const texts = (tables: ReturnType<typeof pdfToGrid>) =>
  tables.map((table) => table.cells.map((row) => row.map((cell) => cell.text)));

describe('text pieces', () => {
  it('drops text drawn a second time a fraction of a point away (simulated bold)', () => {
    const kept = withoutDoubles([piece('项目名称', 10, 20), piece('项目名称', 10.4, 20.3)]);
    expect(kept).toHaveLength(1);
    expect(withoutDoubles([piece('合计', 10, 20), piece('合计', 10, 40)])).toHaveLength(2);
  });

  it('joins wrapped lines without spaces between Chinese characters or inside numbers', () => {
    expect(joinWrapped(['市机电技师学院教学实', '训设备维修'])).toBe(
      '市机电技师学院教学实训设备维修',
    );
    expect(joinWrapped(['4,791.', '93'])).toBe('4,791.93');
    expect(joinWrapped(['service', 'level'])).toBe('service level');
  });

  it('reads Kangxi radicals and supplement forms as ordinary characters, punctuation as is', () => {
    expect(ordinaryHan('项⽬⽀出（⻅附件）：')).toBe('项目支出（见附件）：');
  });
});

describe('tables over pages', () => {
  const xs = [0, 100, 200];
  const header = [piece('项目名称', 5, 15), piece('总计', 105, 15)];
  const first: PdfPage = {
    number: 1,
    rules: grid(xs, [0, 20, 40, 60]),
    texts: [
      ...header,
      piece('甲项目', 5, 35),
      piece('10.00', 105, 35),
      piece('乙项目名称很', 5, 55),
      piece('20.00', 105, 55),
    ],
  };
  const second: PdfPage = {
    number: 2,
    rules: grid(xs, [0, 20, 40, 60]),
    texts: [...header, piece('长', 5, 35), piece('丙项目', 5, 55), piece('30.00', 105, 55)],
  };

  it('joins a table continued on the next page: header dropped, the cut row put back', () => {
    const tables = pdfToGrid([first, second], 2);
    expect(texts(tables)).toEqual([
      [
        ['项目名称', '总计'],
        ['甲项目', '10.00'],
        ['乙项目名称很长', '20.00'],
        ['丙项目', '30.00'],
      ],
    ]);
    expect(tables[0]?.cells[3]?.[0]?.source).toMatchObject({ sheet: '第 2 页', row: 3 });
  });

  it('keeps two tables apart when text stands between them', () => {
    const titled: PdfPage = { ...second, texts: [piece('另一张表', 5, -20), ...second.texts] };
    expect(pdfToGrid([first, titled], 2).map((table) => table.name)).toEqual([
      '表格 1',
      '正文',
      '表格 2',
    ]);
  });

  it('merges cells where a border is missing (a span)', () => {
    const rules = grid(xs, [0, 20, 40]).filter(
      // No border between the two cells of the first row.
      (rule) => !(rule.x1 === 100 && rule.x2 === 100),
    );
    rules.push({ x1: 100, x2: 100, y1: 20, y2: 40 });
    const [table] = pdfToGrid(
      [
        {
          number: 1,
          rules,
          texts: [piece('标题', 50, 15), piece('甲', 5, 35), piece('乙', 105, 35)],
        },
      ],
      1,
    );
    expect(table?.cells[0]?.map((cell) => [cell.text, cell.colSpan])).toEqual([['标题', 2]]);
    expect(table?.cells[1]?.map((cell) => cell.text)).toEqual(['甲', '乙']);
  });
});

describe('tables without borders', () => {
  it('splits lines into the columns no line crosses', () => {
    const page: PdfPage = {
      number: 1,
      rules: [],
      texts: [
        piece('项目名称', 0, 10),
        piece('总计', 200, 10),
        piece('甲项目', 0, 30),
        piece('10.00', 200, 30),
      ],
    };
    expect(texts(pdfToGrid([page], 1))).toEqual([
      [
        ['项目名称', '总计'],
        ['甲项目', '10.00'],
      ],
    ]);
  });
});
