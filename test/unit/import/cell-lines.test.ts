import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { summariseDocument } from '../../../electron/cli/summary';
import { ImportFileError, importFromFile } from '../../../electron/host/importFile';
import { toCellLines } from '../../../scripts/cellLinesFixture';
import { ImportError, importTextTable, type ImportResult } from '../../../shared/import';
import { ROOT, expectSameAsSeed as sameAsSeed, fromText, seed } from './seed-helpers';

const FIXTURE = join(ROOT, 'test/fixtures/seed-cell-lines.txt');
const FORMAT = '公开表（逐行排列的文本）';
/** The one assumption the omitted blank amounts force, reported once. */
const FUNDING_GUESS = /^文本中空白的金额单元格没有留下位置：第 .* 行等 16 行只有总计和一个资金金额/;

let directory = '';
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'jixiao-cell-lines-'));
});

/** Same document and the same report as the tab-separated seed, apart from `extra` entries. */
function expectSameAsSeed(result: ImportResult, extra: RegExp[] = []): void {
  sameAsSeed(result, FORMAT, extra);
}

describe('the seed with one cell a line (copied out of a PDF) imports like the tab text', () => {
  it('is the fixture the script writes', () => {
    expect(readFileSync(FIXTURE, 'utf8')).toBe(
      toCellLines(seed, { pageNumbers: true, repeatHeader: true }),
    );
  });

  it('imports the committed fixture through the host to the same document', async () => {
    const result = await importFromFile(FIXTURE);
    expectSameAsSeed(result, [FUNDING_GUESS]);
    const guess = result.report.entries.find((entry) => FUNDING_GUESS.test(entry.message));
    expect(guess).toMatchObject({ kind: 'warning', source: { line: 18 } });
  });

  it('names the line each report entry comes from', async () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const result = await importFromFile(FIXTURE);
    const recovered = result.report.entries.find((entry) => entry.kind === 'recovered');
    const line = recovered?.source?.line ?? 0;
    // The 定向培养 goal cell, which holds the indicator run, starts on that line.
    expect(lines[line - 1]).toMatch(/^<p>通过本项目，全面提高职业院校教师质量/);
    expect(lines[(result.report.entries[0]?.source?.line ?? 0) - 1]).not.toBe('');
  });

  it('reads blank amounts kept as empty lines by position, with no guess to report', () => {
    expectSameAsSeed(importTextTable(toCellLines(seed, { emptyLines: true })));
  });

  it('reads a row that a page break splits, with page numbers and the header repeated', () => {
    const text = toCellLines(seed, {
      pageNumbers: true,
      repeatHeader: true,
      splitRow: '广州市机电技师学院2024年智慧校园',
    });
    const lines = text.split('\n');
    // The page break really falls inside a 绩效指标 cell: before its page number the cell has
    // not ended, and after the repeated header the sentence goes on.
    const before = (index: number) => lines.slice(0, index).findLast((line) => line !== '') ?? '';
    const inside = lines.flatMap((line, index) =>
      /^— \d+ —$/u.test(line) && !/。(?:<\/p>)?$/u.test(before(index)) ? [index] : [],
    );
    expect(inside).toHaveLength(1);
    const resumed = lines.indexOf('绩效指标', inside[0]) + 1;
    expect(lines[resumed]).toMatch(/^[^<、]*指标值/u);
    expectSameAsSeed(importTextTable(text), [FUNDING_GUESS]);
    const both = toCellLines(seed, {
      emptyLines: true,
      pageNumbers: true,
      repeatHeader: true,
      splitRow: '广州市机电技师学院2024年智慧校园',
    });
    expectSameAsSeed(importTextTable(both));
  });

  it('imports a .txt of this form with jixiao inspect', async () => {
    let stdout = '';
    const code = await runCli(['inspect', FIXTURE, '--json'], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(JSON.stringify(summariseDocument(fromText.document))),
    );
  });
});

const HEADER = ['项目名称', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
const RUN =
  '1、1-产出指标；11-数量指标；培训人数；实施周期指标值：10人；年度指标值：10人。2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：90%；年度指标值：90%。';
const lines = (...rows: string[]) =>
  ['部门名称：某局', '单位：万元', ...HEADER, ...rows].join('\n');

describe('text with one cell a line: what the anchors cannot settle is kept and reported', () => {
  it('keeps text after the last row raw, with its line', () => {
    const result = importTextTable(
      lines(
        '某学院',
        '5.00',
        '5.00',
        '项目甲',
        '5.00',
        '5.00',
        '目标',
        RUN,
        '注：本表为公开数据。',
      ),
    );
    const project = result.document.units[0]?.projects[0];
    expect(project?.indicators).toHaveLength(2);
    expect(project?.raw.map((note) => note.text)).toEqual(['注：本表为公开数据。']);
    expect(result.report.entries).toContainEqual(
      expect.objectContaining({ kind: 'raw', source: { line: 18 }, project: '项目甲' }),
    );
  });

  it('reports the guess when two of three funding amounts are present', () => {
    const result = importTextTable(lines('项目甲', '8.00', '5.00', '3.00', '目标', RUN));
    const project = result.document.units[0]?.projects[0];
    expect(project?.money).toEqual({ fiscal: 500, specialAccount: 300, other: 0 });
    expect(result.report.entries).toContainEqual({
      kind: 'warning',
      message:
        '第 10 行的金额有空白单元格，文本中无法判断各金额所属的列，已按从左到右读取（「5.00」→财政拨款，「3.00」→财政专户拨款），请核对。',
      source: { line: 11 },
    });
  });

  it('joins a wrapped name and reads a row whose goal is empty', () => {
    const result = importTextTable(lines('项目', '甲', '5.00', '5.00', RUN));
    const project = result.document.units[0]?.projects[0];
    expect(project?.name).toBe('项目甲');
    expect(project?.goals.annual).toBe('');
    expect(project?.indicators).toHaveLength(2);
  });

  it('reads a name after a cell that does not end clearly, and says so', () => {
    const unfinished = RUN.replace(/。$/, '');
    const result = importTextTable(
      lines('项目甲', '5.00', '5.00', '目标', unfinished, '项目乙', '3.00', '3.00', '目标', RUN),
    );
    const names = result.document.units.flatMap((unit) => unit.projects.map((p) => p.name));
    expect(names).toEqual(['项目甲', '项目乙']);
    expect(result.report.entries).toContainEqual(
      expect.objectContaining({ kind: 'warning', source: { line: 15 } }),
    );
  });

  it('keeps an implausibly long name’s leading lines raw on the row before', () => {
    const filler = ['甲甲甲', '乙乙乙', '丙丙丙', '丁丁丁', '戊戊戊'];
    const result = importTextTable(
      lines(
        '项目甲',
        '5.00',
        '5.00',
        '目标',
        RUN,
        ...filler,
        '项目乙',
        '3.00',
        '3.00',
        '目标',
        RUN,
      ),
    );
    const [first, second] = result.document.units[0]?.projects ?? [];
    expect(second?.name).toBe('项目乙');
    expect(first?.raw.map((note) => note.text)).toEqual(filler);
    const raw = result.report.entries.filter((entry) => entry.kind === 'raw');
    expect(raw.map((entry) => entry.source?.line)).toEqual([15, 16, 17, 18, 19]);
  });

  it('warns when a second run numbered from 1 suggests a row without amounts', () => {
    const result = importTextTable(
      lines('项目甲', '5.00', '5.00', '目标', RUN, '项目乙', '目标乙', RUN),
    );
    expect(result.report.entries).toContainEqual(
      expect.objectContaining({ kind: 'warning', source: { line: 17 } }),
    );
    // Nothing is lost: the indicator reader keeps what follows its last sentence raw.
    const raw = result.document.units[0]?.projects[0]?.raw ?? [];
    expect(raw.map((note) => note.text).join('')).toContain('项目乙目标乙1、1-产出指标');
  });
});

describe('text that is neither tab-separated nor one cell a line', () => {
  it.each([
    ['prose', '今天天气很好。\n明天下雨。'],
    ['labels without 总计', '项目名称\n财政拨款\n绩效目标\n项目甲\n5.00'],
    ['run together', '项目名称 总计 财政拨款 其他资金\n项目甲 5.00 5.00'],
  ])('is refused with a Chinese message that names both forms (%s)', async (_, text) => {
    let caught: unknown;
    try {
      importTextTable(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    expect((caught as ImportError).message).toBe(
      '未找到表头行（项目名称、总计、财政拨款……），这段文字不是项目支出绩效目标表；请复制包括表头在内的整张表格：单元格之间用制表符分隔，或每个单元格各占一行。',
    );
    const path = join(directory, 'neither.txt');
    await writeFile(path, text);
    await expect(importFromFile(path)).rejects.toBeInstanceOf(ImportFileError);
  });
});
