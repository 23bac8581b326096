import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { summariseDocument } from '../../../electron/cli/summary';
import { importFromFile } from '../../../electron/host/importFile';
import { ImportError, importTextTable, type ImportResult } from '../../../shared/import';
import { readFlowText } from '../../../shared/import/flowText';
import { readLayoutText } from '../../../shared/import/layoutText';
import { documentSchema } from '../../../shared/model';
import { seededRandom } from '../../seededRandom';
import { ROOT, expectSameAsSeed, fromText } from './seed-helpers';

const LAYOUT = join(ROOT, 'test/fixtures/seed-pdftotext-layout.txt');
const READING = join(ROOT, 'test/fixtures/seed-pdftotext.txt');
const LAYOUT_FORMAT = '公开表（按版面空格对齐的文本）';
const READING_FORMAT = '公开表（PDF 按阅读顺序提取的文本）';

/** -layout: rows on pages without the header cannot be matched to its columns by position. */
const LAYOUT_GUESS =
  /^按版面排列的文本中，第 93、106、113、137、160 行等 11 行的金额与表头没有对齐，空白的金额单元格无法按位置判断/;
/** Reading order: blank amounts leave no trace, and pdftotext drops hyphens at line ends. */
const READING_GUESS =
  /^按阅读顺序提取的文本中空白的金额单元格没有留下位置：第 .* 行等 16 行只有总计和一个资金金额，已按财政拨款读取/;
const HYPHENS = /^PDF 提取的文本在换行处去掉了 6 处指标编码后的连字符/;

const fileLines = (path: string) => readFileSync(path, 'utf8').split('\n');

describe('the seed printed to PDF by LibreOffice and extracted by pdftotext imports like the tab text', () => {
  it('has fixtures shaped as pdftotext writes them', () => {
    const layout = readFileSync(LAYOUT, 'utf8');
    const reading = readFileSync(READING, 'utf8');
    expect(layout.split('\f')).toHaveLength(10);
    expect(reading.split('\f')).toHaveLength(10);
    // Cells side by side, header labels wrapped over three lines.
    expect(layout).toMatch(/^ +总计 +财政拨款 +其他资金 +绩效目标 +绩效指标$/mu);
    expect(layout).toMatch(/^位） +拨款$/mu);
    // What the readers repair: spaces between Chinese and digits, hyphens dropped at line ends.
    expect(layout).toContain('校园维稳处理率 100%');
    expect(reading).toContain('31服务对象满意度');
    expect(reading).not.toContain('\t');
  });

  it('reads -layout text through the host to the same document', async () => {
    const result = await importFromFile(LAYOUT);
    expectSameAsSeed(result, LAYOUT_FORMAT, [LAYOUT_GUESS]);
    const guess = result.report.entries.find((entry) => LAYOUT_GUESS.test(entry.message));
    expect(guess).toMatchObject({ kind: 'warning', source: { line: 93 } });
    expect(fileLines(LAYOUT)[92]).toMatch(/ 380\.00 +380\.00 /u);
  });

  it('reads reading-order text through the host to the same document', async () => {
    const result = await importFromFile(READING);
    expectSameAsSeed(result, READING_FORMAT, [READING_GUESS, HYPHENS]);
    expect(result.report.entries.find((entry) => HYPHENS.test(entry.message))).toMatchObject({
      kind: 'normalised',
    });
  });

  it.each([
    ['-layout', LAYOUT],
    ['reading order', READING],
  ])('names the line each report entry comes from (%s)', async (_, path) => {
    const lines = fileLines(path);
    const result = await importFromFile(path);
    const recovered = result.report.entries.find((entry) => entry.kind === 'recovered');
    // The 定向培养 goal cell, which holds the indicator run, starts on that line.
    expect(lines[(recovered?.source?.line ?? 0) - 1]?.trim()).toMatch(
      /^<p>通过本项目，全面提高职业院校教师质/u,
    );
    for (const entry of result.report.entries) {
      expect(lines[(entry.source?.line ?? 0) - 1]?.trim()).not.toBe('');
    }
  });

  it.each([
    ['-layout', LAYOUT],
    ['reading order', READING],
  ])('imports with jixiao inspect (%s)', async (_, path) => {
    let stdout = '';
    const code = await runCli(['inspect', path, '--json'], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(JSON.stringify(summariseDocument(fromText.document))),
    );
  });
});

const RUN =
  '1、1-产出指标；11-数量指标；培训人数；实施周期指标值：10人；年度指标值：10人。2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：90%；年度指标值：90%。';
/** A line with each text starting at its column (in characters, as pdftotext counts). */
function laid(...cells: Array<[number, string]>): string {
  let line = '';
  for (const [col, text] of cells) {
    line = `${line.padEnd(col)}${line.length > 0 && line.length >= col ? ' ' : ''}${text}`;
  }
  return line;
}
const HEADER = laid(
  [0, '项目名称'],
  [10, '总计'],
  [20, '财政拨款'],
  [30, '财政专户拨款'],
  [42, '其他资金'],
  [52, '绩效目标'],
  [64, '绩效指标'],
);
const laidText = (...lines: string[]) =>
  ['部门名称：某局', '单位：万元', HEADER, '', ...lines].join('\n');

describe('-layout text: what positions and blank lines settle, and what they do not', () => {
  it('places amounts under the labels they line up with, with nothing to report', () => {
    const result = importTextTable(
      laidText(
        laid([0, '项目甲'], [10, '8.00'], [20, '5.00'], [42, '3.00'], [52, '目标'], [64, RUN]),
      ),
    );
    expect(result.report.format).toBe(LAYOUT_FORMAT);
    const project = result.document.units[0]?.projects[0];
    expect(project?.money).toEqual({ fiscal: 500, specialAccount: 0, other: 300 });
    expect(project?.indicators).toHaveLength(2);
    // Only what the disclosure reader says of any table without year or unit row.
    expect(result.report.entries.map((entry) => entry.message)).toEqual([
      '标题中没有年度，预算年度留空，请在文档信息中填写。',
      '表格中没有资金使用单位行，项目归入单位「某局」。',
    ]);
  });

  it('joins wrapped cells that keep their column and reads CJK by characters', () => {
    const result = importTextTable(
      laidText(
        laid([0, '项目甲第一'], [52, '目标的前半'], [64, RUN.slice(0, 30)]),
        laid([0, '部分'], [10, '5.00'], [20, '5.00'], [52, '和后半。'], [64, RUN.slice(30)]),
      ),
    );
    const project = result.document.units[0]?.projects[0];
    expect(project?.name).toBe('项目甲第一部分');
    expect(project?.goals.annual).toBe('目标的前半和后半。');
    expect(project?.indicators).toHaveLength(2);
  });

  it('keeps a note after the last row raw, with its line', () => {
    const result = importTextTable(
      laidText(
        laid([0, '项目甲'], [10, '5.00'], [20, '5.00'], [52, '目标'], [64, RUN]),
        '',
        laid([52, '注：本表为公开数据']),
      ),
    );
    const project = result.document.units[0]?.projects[0];
    expect(project?.indicators).toHaveLength(2);
    expect(JSON.stringify(result.document)).toContain('注：本表为公开数据');
  });

  it('cuts rows with no blank line between them by content, and says so', () => {
    const result = importTextTable(
      laidText(
        laid([0, '项目甲'], [10, '5.00'], [20, '5.00'], [52, '目标甲'], [64, RUN.slice(0, 40)]),
        laid([64, RUN.slice(40)]),
        // The next row's indicators start above its amounts, as a vertically centred cell does.
        laid([64, RUN.slice(0, 40)]),
        laid([0, '项目乙'], [10, '3.00'], [20, '3.00'], [52, '目标乙'], [64, RUN.slice(40)]),
      ),
    );
    const projects = result.document.units.flatMap((unit) => unit.projects);
    expect(
      projects.map((project) => [project.name, project.goals.annual, project.indicators.length]),
    ).toEqual([
      ['项目甲', '目标甲', 2],
      ['项目乙', '目标乙', 2],
    ]);
    expect(result.report.entries).toContainEqual(
      expect.objectContaining({ kind: 'warning', source: { line: 7 } }),
    );
  });
});

const GARBAGE = [
  ' ',
  '  ',
  '\f',
  '\n',
  '1、',
  '。',
  '4,791.93',
  '0',
  '总计',
  '：',
  '<p>',
  '项目名称',
];
type Mutation = (text: string, next: () => number) => string;
const pick = (next: () => number, length: number) => Math.floor(next() * length);
const mutations: Record<string, Mutation> = {
  truncate: (text, next) => text.slice(0, pick(next, text.length)),
  dropLines: (text, next) =>
    text
      .split('\n')
      .filter(() => next() > 0.2)
      .join('\n'),
  shuffle: (text, next) => {
    const lines = text.split('\n');
    for (let index = lines.length - 1; index > 0; index -= 1) {
      if (next() > 0.3) continue;
      const other = pick(next, index + 1);
      [lines[index], lines[other]] = [lines[other] as string, lines[index] as string];
    }
    return lines.join('\n');
  },
  garble: (text, next) => {
    const chars = Array.from(text);
    for (let count = 0; count < 40; count += 1) {
      chars[pick(next, chars.length)] = GARBAGE[pick(next, GARBAGE.length)] as string;
    }
    return chars.join('');
  },
  repeat: (text, next) => {
    const lines = text.split('\n');
    const at = pick(next, lines.length);
    return [
      ...lines.slice(0, at),
      ...lines.slice(at, at + 40).flatMap((line) => [line, line]),
      ...lines.slice(at + 40),
    ].join('\n');
  },
};

/** Imports the text; anything but a result or the Chinese ImportError fails the test. */
function importOrRefuse(text: string): ImportResult | null {
  try {
    return importTextTable(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/[\u4e00-\u9fff]/u);
    return null;
  }
}

describe('fuzz: mutated pdftotext output imports or is refused in Chinese, and never hangs', () => {
  const ROUNDS = 60;
  it.each([
    ['-layout', LAYOUT, readLayoutText],
    ['reading order', READING, readFlowText],
  ])(
    '%s',
    (_, path, reader) => {
      const original = readFileSync(path, 'utf8');
      const next = seededRandom(20_251_124);
      let imported = 0;
      const started = performance.now();
      for (const [name, mutate] of Object.entries(mutations)) {
        for (let round = 0; round < ROUNDS; round += 1) {
          const text = mutate(original, next);
          expect(() => reader(text), name).not.toThrow();
          const result = importOrRefuse(text);
          if (result) {
            imported += 1;
            expect(documentSchema.safeParse(result.document).success, name).toBe(true);
          }
        }
      }
      expect(imported).toBeGreaterThan(ROUNDS);
      // A loose bound that only a runaway loop breaks (about 300 inputs of 20–40 KB).
      expect(performance.now() - started).toBeLessThan(60_000);
    },
    90_000,
  );

  it('reads long garbage lines and many amounts without running away', () => {
    const long = `${'甲'.repeat(5000)}  ${'1.00  '.repeat(3000)}`;
    const many = Array.from({ length: 4000 }, (_, index) => `${index}.00`).join('\n\n');
    for (const text of [
      `${HEADER}\n${long}`,
      `${HEADER}\n${laid([0, '项目甲'], [10, '5.00'], [20, '5.00'])}\n${'  目标\n'.repeat(20_000)}`,
      `项目名称\n\n总计\n\n财政拨款\n\n${'项目\n\n'.repeat(2000)}${many}`,
    ]) {
      const started = performance.now();
      importOrRefuse(text);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  }, 60_000);
});
