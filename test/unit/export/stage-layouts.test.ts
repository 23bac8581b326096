import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  exportDocx,
  exportXlsx,
  printDocumentHtml,
  stageLayout,
  stageWarnings,
  type Layout,
  type LayoutRow,
  type LayoutSection,
} from '../../../shared/export';
import { documentSchema, type JixiaoDocument } from '../../../shared/model';
import { formatHundredths, scoreProject, scoringRulesFor } from '../../../shared/scoring';
import { sampleDocument, unzipText } from './helpers';
import { escapeMarkup } from '../../../shared/text/markup';
import {
  chizhouDocument,
  ENTRUSTED,
  ENTRUSTED_NAME,
  GRADE,
  VILLAGES,
  VILLAGES_NAME,
} from './stageFixture';

/** The lines a clerk reads. */
const lines = (warnings: ReadonlyArray<{ text: string }>) =>
  warnings.map((warning) => warning.text);

const FIXTURE = join(import.meta.dirname, '../../fixtures/stage/chizhou-2022.jixiao.json');

const texts = (row: LayoutRow) => row.cells.map((cell) => cell.text);
const rowsOf = (section: LayoutSection) => [...section.headerRows, ...section.bodyRows];
/** The body row whose cells include `text`. */
function rowWith(section: LayoutSection, text: string): string[] {
  const row = rowsOf(section).find((candidate) => texts(candidate).includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return texts(row);
}
function columnsSum(section: LayoutSection): number {
  return section.columns.reduce((sum, column) => sum + column.widthMm, 0);
}
/** Every row of a section fills the grid exactly (spans counted, row spans honoured). */
function expectFilledGrid(section: LayoutSection) {
  const width = section.columns.length;
  const rows = rowsOf(section);
  const covered = rows.map(() => 0);
  rows.forEach((row, index) => {
    for (const cell of row.cells) {
      for (let r = index; r < index + cell.rowSpan; r += 1)
        covered[r] = (covered[r] ?? 0) + cell.colSpan;
    }
  });
  expect(covered).toEqual(rows.map(() => width));
}

describe('the stage fixture', () => {
  it('is the saved file test/fixtures/stage/chizhou-2022.jixiao.json', () => {
    const saved = documentSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    expect(saved).toEqual(chizhouDocument());
  });
});

describe('项目支出绩效目标执行监控表', () => {
  const layout = stageLayout(chizhouDocument(), 'monitoring');
  const [first, second] = layout.sections as [LayoutSection, LayoutSection];

  it('has one A4 portrait section per project with the title, year and 项目名称 repeated', () => {
    expect(layout.kind).toBe('monitoring');
    expect(layout.sections.map((section) => section.name)).toEqual([ENTRUSTED_NAME, VILLAGES_NAME]);
    expect(first.page).toMatchObject({ orientation: 'portrait', widthMm: 210, heightMm: 297 });
    expect(first.titleBlock.map((line) => line.center?.text)).toEqual([
      '项目支出绩效目标执行监控表',
      '（2022年度）',
    ]);
    expect(texts(first.headerRows[0] as LayoutRow)).toEqual(['项目名称', ENTRUSTED_NAME]);
    expect(first.repeatTitleBlock).toBe(true);
    expect(first.continuedLabel).toBe(`项目名称：${ENTRUSTED_NAME}（续）`);
    expect(columnsSum(first)).toBeCloseTo(156, 5);
    for (const section of layout.sections) expectFilledGrid(section);
  });

  it('prints budgets, 1-7月执行数 and 执行率 per money row', () => {
    expect(rowWith(first, '项目资金（元）')).toEqual([
      '项目资金（元）',
      '年初预算数',
      '全年预算数',
      '1-7月执行数',
      '执行率',
    ]);
    expect(rowWith(first, '年度资金总额')).toEqual([
      '年度资金总额',
      '900,000.00',
      '899,740.00',
      '539,844.00',
      '60.00%',
    ]);
    // 775,320 / 1,329,120 = 58.3333… %
    expect(rowWith(second, '其中：财政拨款')).toEqual([
      '其中：财政拨款',
      '2,026,400.00',
      '1,329,120.00',
      '775,320.00',
      '58.33%',
    ]);
    // No 其他资金: budgets blank as in the official tables, the entered execution 0 shows.
    expect(rowWith(second, '其他资金')).toEqual(['其他资金', '', '', '0.00', '']);
  });

  it('repeats the indicator header and fills the monitoring columns beside the targets', () => {
    const header = first.bodyRows[first.repeatBlockFrom as number] as LayoutRow;
    expect(header.role).toBe('indicator-header');
    expect(texts(header)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '1-7月执行情况',
      '全年预计完成情况',
      '偏差原因分析',
      '完成目标可能性',
      '备注',
    ]);
    expect(rowWith(first, '提交报告及时性')).toEqual([
      '时效指标',
      '提交报告及时性',
      '在项目计划完成时间内完成',
      '2份报告延期',
      '在项目计划完成时间内完成',
      '人员保障：委托机构人员变动，2份报告延期提交\n纠偏措施：约谈委托机构，按周报送进度',
      '有可能',
      '',
    ]);
    const indicators = first.bodyRows.filter((row) => row.role === 'indicator');
    expect(indicators).toHaveLength(ENTRUSTED.length);
    expect(rowWith(first, '年度总体目标')).toEqual(['年度总体目标', '全年目标', '执行情况']);
  });

  it('a document without monitoring data gives blank forms marked 文档未填, and says so', () => {
    const document = sampleDocument();
    const blank = stageLayout(document, 'monitoring');
    expect(blank.sections).toHaveLength(5);
    const section = blank.sections[0] as LayoutSection;
    expect(rowWith(section, '项目资金（万元）')).toContain('截至监控时点执行数（文档未填）');
    expect(rowWith(section, '年度总体目标')).toContain('执行情况（文档未填）');
    const total = rowWith(section, '年度资金总额');
    expect(total[3]).toBe('');
    expect(total[4]).toBe('');
    expect(lines(stageWarnings(document, 'monitoring'))).toEqual([
      expect.stringContaining('本文档还没有监控数据：导出的是空白监控表'),
    ]);
  });

  it('names a project whose monitoring data is missing when others have it', () => {
    const document = chizhouDocument();
    const villages = document.units[0]!.projects[1]!;
    delete villages.monitoring;
    villages.indicators[0]!.monitoring = { causes: [] };
    const warnings = lines(stageWarnings(document, 'monitoring'));
    expect(warnings).toEqual([
      `「${VILLAGES_NAME}」没有监控时点、执行数、目标执行情况：表中已标“（文档未填）”，请补填。`,
      `「${VILLAGES_NAME}」有 1 条指标没有填写执行情况，表中留空。`,
    ]);
    expect(stageWarnings(chizhouDocument(), 'monitoring')).toEqual([]);
  });

  it('counts blank indicators of several projects in one line', () => {
    const document = chizhouDocument();
    const [first, second] = document.units[0]!.projects;
    first!.indicators[0]!.monitoring = { causes: [] };
    first!.indicators[1]!.monitoring = { causes: [] };
    second!.indicators[0]!.monitoring = { causes: [] };
    expect(lines(stageWarnings(document, 'monitoring'))).toEqual([
      `「${first!.name}」「${VILLAGES_NAME}」共有 3 条指标没有填写执行情况，表中留空。`,
    ]);
  });
});

describe('项目支出绩效自评表', () => {
  const document = chizhouDocument();
  const layout = stageLayout(document, 'self-evaluation');
  const [first, second] = layout.sections as [LayoutSection, LayoutSection];

  it('prints the published 分值 and 得分 of every indicator, with two decimals', () => {
    for (const [section, rows] of [
      [first, ENTRUSTED],
      [second, VILLAGES],
    ] as const) {
      for (const [, , name, target, actual, points] of rows) {
        const row = rowWith(section, name);
        const tail = row.slice(row.indexOf(name));
        expect(tail.slice(0, 5)).toEqual([
          name,
          target.replace(/^=/, '＝'),
          actual,
          `${points}.00`,
          // The publication scores every one of these rows at full marks.
          `${points}.00`,
        ]);
      }
    }
    expect(rowWith(first, '提交报告及时性')).toContain(GRADE);
  });

  it('scores the 年度资金总额 row only; the 其中 rows carry dashes as the national form', () => {
    expect(rowWith(first, '年度资金总额')).toEqual([
      '年度资金总额',
      '900,000.00',
      '899,740.00',
      '899,740.00',
      '10.00',
      '100.00%',
      '10.00',
    ]);
    expect(rowWith(first, '其中：当年财政拨款').slice(4)).toEqual(['—', '—', '—']);
    expect(rowWith(first, '上年结转资金')).toEqual(['上年结转资金', '', '', '0.00', '—', '—', '—']);
  });

  it('总分 is shared/scoring’s total, never a typed figure', () => {
    for (const section of layout.sections) {
      const result = scoreProject(document, section.id, scoringRulesFor(document))!;
      expect(result.total).not.toBeNull();
      expect(rowWith(section, '总分').slice(1, 3)).toEqual([
        '100.00',
        formatHundredths(result.total!),
      ]);
    }
    for (const section of layout.sections) expectFilledGrid(section);
  });

  it('a shortfall lowers 得分 and 总分 and asks for 偏差原因分析', () => {
    const changed = chizhouDocument();
    const first = changed.units[0]!.projects[0]!;
    first.indicators[0]!.evaluation = { actual: '40', points: '8' };
    first.evaluation!.executed = { fiscal: 809_766_00, carryover: 0, other: 0 };
    const section = stageLayout(changed, 'self-evaluation').sections[0] as LayoutSection;
    // 40 of ≥50 → 0.8 × 8 = 6.40; 809,766 / 899,740 = 90.00 % → 9.00.
    expect(rowWith(section, '基建工程委托业务项目数量').slice(-4)).toEqual([
      '40',
      '8.00',
      '6.40',
      '',
    ]);
    expect(rowWith(section, '年度资金总额').slice(-3)).toEqual(['10.00', '90.00%', '9.00']);
    expect(rowWith(section, '预算执行偏差原因分析及改进措施（文档未填）')).toHaveLength(2);
    const result = scoreProject(changed, first.id, scoringRulesFor(changed))!;
    expect(rowWith(section, '总分')[2]).toBe(formatHundredths(result.total!));
    expect(formatHundredths(result.total!)).not.toBe('100.00');
    const warnings = lines(stageWarnings(changed, 'self-evaluation'));
    expect(warnings).toContain(
      `项目「${ENTRUSTED_NAME}」指标「基建工程委托业务项目数量」：得分 6.40 低于分值 8.00，须填写偏差原因分析及改进措施`,
    );
    expect(warnings.some((line) => line.includes('预算执行率得分 9.00 低于 10.00 分'))).toBe(true);
  });

  it('a document without 自评 data: blank forms, 总分 blank, one warning that says so', () => {
    const document = sampleDocument();
    const section = stageLayout(document, 'self-evaluation').sections[0] as LayoutSection;
    expect(rowWith(section, '总分')[2]).toBe('');
    expect(rowWith(section, '年度总体目标')).toContain('实际完成情况（文档未填）');
    expect(lines(stageWarnings(document, 'self-evaluation'))).toEqual([
      expect.stringContaining('本文档还没有自评数据：导出的是空白自评表'),
    ]);
  });
});

describe('监控与自评汇总表', () => {
  const layout = stageLayout(chizhouDocument(), 'stage-summary');
  const section = layout.sections[0] as LayoutSection;

  it('is one landscape table: 合计 and one row per project, rates and 总分 from the forms', () => {
    expect(layout.sections).toHaveLength(1);
    expect(section.page.orientation).toBe('landscape');
    expect(texts(section.headerRows[0] as LayoutRow)).toEqual([
      '序号',
      '单位',
      '项目名称',
      '全年预算数',
      '监控时点',
      '截至监控时点执行数',
      '监控执行率',
      '全年执行数',
      '全年执行率',
      '自评总分',
    ]);
    expect(rowWith(section, '合计')).toEqual([
      '合计',
      '2,228,860.00',
      '',
      '1,315,164.00',
      '59.01%',
      '2,228,860.00',
      '100.00%',
      '',
    ]);
    expect(rowWith(section, VILLAGES_NAME)).toEqual([
      '2',
      '池州市贵池区棠溪镇人民政府',
      VILLAGES_NAME,
      '1,329,120.00',
      '2022年7月',
      '775,320.00',
      '58.33%',
      '1,329,120.00',
      '100.00%',
      '100.00',
    ]);
    expect(stageWarnings(chizhouDocument(), 'stage-summary')).toEqual([]);
    // One project without 全年执行数: its cells and the 合计 of that column stay blank.
    const partial = chizhouDocument();
    delete partial.units[0]!.projects[1]!.evaluation;
    const summary = stageLayout(partial, 'stage-summary').sections[0] as LayoutSection;
    expect(rowWith(summary, '合计').slice(5)).toEqual(['', '', '']);
    expect(rowWith(summary, VILLAGES_NAME).slice(7)).toEqual(['', '', '']);
    expect(lines(stageWarnings(partial, 'stage-summary'))).toEqual([
      `「${VILLAGES_NAME}」没有全年执行数、自评总分：汇总表中留空。`,
    ]);
    // The sample's five projects have no stage data: one line names the first three and counts.
    const sample = stageWarnings(sampleDocument(), 'stage-summary');
    expect(lines(sample)).toEqual([
      '「市机电技师学院安保和物业管理服务经费」「广州市机电技师学院2024年智慧校园管理系统升级改造项目」「=SUM(A1:A9)项目名称以等号开头」等 5 个项目没有监控执行数、全年执行数、自评总分：汇总表中留空。',
    ]);
    // The dialog and the command line can show all five.
    expect(sample[0]!.projects).toEqual(
      sampleDocument().units.flatMap((unit) => unit.projects.map((project) => project.name)),
    );
  });
});

describe('the writers carry the stage layouts', () => {
  const document = chizhouDocument();
  const layouts: Array<[string, Layout]> = [
    ['monitoring', stageLayout(document, 'monitoring')],
    ['self-evaluation', stageLayout(document, 'self-evaluation')],
    ['stage-summary', stageLayout(document, 'stage-summary')],
  ];

  it('Excel: a sheet per project (one for the summary), exact amounts as numbers', async () => {
    for (const [kind, layout] of layouts) {
      const workbook = XLSX.read(await exportXlsx(layout), { type: 'array' });
      if (kind === 'stage-summary') {
        expect(workbook.SheetNames).toEqual(['监控与自评汇总']);
      } else {
        expect(workbook.SheetNames).toEqual([ENTRUSTED_NAME, VILLAGES_NAME]);
      }
      const sheet = workbook.Sheets[workbook.SheetNames.at(-1) as string] as XLSX.WorkSheet;
      const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: '' });
      const flat = rows.flat();
      expect(flat).toContain(1_329_120);
      if (kind === 'self-evaluation') {
        const total = rows.find((row) => row.includes('总分')) as unknown[];
        expect(total.filter((value) => value !== '')).toEqual([
          '总分',
          '100.00',
          '100.00',
          expect.any(String),
        ]);
      }
      if (kind === 'monitoring') expect(flat).toContain('58.33%');
    }
  });

  it('Word: the table holds the labels and figures; the header row repeats', async () => {
    for (const [kind, layout] of layouts) {
      const xml = unzipText(await exportDocx(layout))['word/document.xml'] as string;
      expect(xml).toContain(layout.title);
      expect(xml).toContain('1,329,120.00');
      if (kind !== 'stage-summary') expect(xml).toContain('<w:tblHeader/>');
      if (kind === 'self-evaluation') expect(xml).toContain('总分');
    }
  });

  it('print HTML: the same tables', () => {
    const { html, landscape } = printDocumentHtml(document, { layout: 'self-evaluation' });
    expect(landscape).toBe(false);
    expect(html).toContain('项目支出绩效自评表');
    expect(html).toContain('偏差原因分析及改进措施');
    const summary = printDocumentHtml(document, { layout: 'stage-summary' });
    expect(summary.landscape).toBe(true);
    expect(summary.html).toContain('59.01%');
  });
});

/** Escaping: stage text typed by the clerk goes through the writers' escaping. */
describe('stage text with markup characters', () => {
  it('survives Word and Excel', async () => {
    const document: JixiaoDocument = chizhouDocument();
    const nasty = '<b>&"\'\u202e 😀';
    document.units[0]!.projects[0]!.evaluation!.goalActual = nasty;
    document.units[0]!.projects[0]!.indicators[0]!.monitoring!.causeText = nasty;
    for (const kind of ['monitoring', 'self-evaluation'] as const) {
      const layout = stageLayout(document, kind);
      const xml = unzipText(await exportDocx(layout))['word/document.xml'] as string;
      expect(xml).toContain(escapeMarkup('<b>&'));
      expect(xml).not.toContain('<b>&');
      const workbook = XLSX.read(await exportXlsx(layout), { type: 'array' });
      const flat = XLSX.utils
        .sheet_to_json<unknown[]>(workbook.Sheets[ENTRUSTED_NAME] as XLSX.WorkSheet, { header: 1 })
        .flat()
        .join('\n');
      expect(flat).toContain(nasty);
    }
  });
});
