// Merging a filled 自评表 / 监控表 into the open document: the published 永德 自评表 into the
// document imported from the same school's published target table, and the published 黄石 监控表
// into a document with the same project, plus unmatched and conflicting values.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFromFile } from '../../../electron/host/importFile';
import type { ImportResult } from '../../../shared/import/report';
import { mergeStageValues } from '../../../shared/import/stages/merge';
import { parseValue, type JixiaoDocument } from '../../../shared/model';
import { formatHundredths, scoreProject, scoringRulesFor } from '../../../shared/scoring';
import { documentWith, indicator, project } from '../scoring/helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

const messages = (result: ReturnType<typeof mergeStageValues>) =>
  result.report.entries.map((entry) => entry.message);

describe('the published 永德 自评表 merged into its own target table', () => {
  let target: JixiaoDocument;
  let form: ImportResult;
  beforeAll(async () => {
    target = (await importFromFile(join(FIXTURES, 'forms/yongde-yunnan-2022-nutrition.xlsx')))
      .document;
    form = await importFromFile(
      join(FIXTURES, 'stage-forms/yongde-yunnan-2022-nutrition-evaluation.docx'),
    );
  });

  it('puts every value on the matching indicator and leaves the targets alone', () => {
    const result = mergeStageValues(target, form.document, form.report.stage!);
    expect(result.report.matched).toEqual({ units: 1, projects: 1, indicators: 9 });
    expect(result.report.unmatched).toEqual({ projects: 0, indicators: 0 });
    expect(result.report.overwritten).toBe(0);
    const merged = result.document.units[0]!.projects[0]!;
    const before = target.units[0]!.projects[0]!;
    expect(merged.indicators.map((item) => [item.name, item.evaluation])).toEqual([
      ['学生受资助人数', { actual: '735', points: '10' }],
      ['营养改善计划覆盖率', { actual: '100%', points: '10' }],
      ['资金到位及时率', { actual: '100%', points: '10' }],
      ['生均补助标准达标率', { actual: '100%', points: '10' }],
      ['减轻贫困学生家庭经济负担', { actual: '有效', points: '10' }],
      ['政策知晓率', { actual: '98%', points: '10' }],
      ['促进学校教育事业健康发展', { actual: '100%', points: '10' }],
      ['学生满意度', { actual: '100%', points: '10' }],
      ['家长满意度', { actual: '100%', points: '10' }],
    ]);
    expect(merged.indicators.map((item) => item.annual)).toEqual(
      before.indicators.map((item) => item.annual),
    );
    // 全年预算数 equals the target table's amount: not stored, it follows the target table.
    expect(merged.yearBudget).toBeUndefined();
    expect(merged.evaluation).toEqual({
      executed: { fiscal: 38_766_462, carryover: 0, other: 0 },
      goalActual: '确保每一个学生都能享受到国家政策福利，改善学生体质',
    });
    // The open document itself is untouched (the merge is a new document, one undo step).
    expect(target.units[0]!.projects[0]!.evaluation).toBeUndefined();
  });

  it('scores as published where the rule is the same, and names the published rules that differ', () => {
    const result = mergeStageValues(target, form.document, form.report.stage!);
    const document = result.document;
    const merged = document.units[0]!.projects[0]!;
    const scored = scoreProject(document, merged.id, scoringRulesFor(document))!;
    const ours = Object.fromEntries(
      scored.lines.map((line) => [
        line.name,
        line.score === null ? null : formatHundredths(line.score),
      ]),
    );
    // Same rule (实际/目标 × 分值, capped): the five ≥ indicators at or over target score 10.
    expect(ours['学生受资助人数']).toBe('10.00');
    expect(ours['营养改善计划覆盖率']).toBe('10.00');
    expect(ours['促进学校教育事业健康发展']).toBe('10.00');
    expect(ours['学生满意度']).toBe('10.00');
    expect(ours['家长满意度']).toBe('10.00');
    // 预算执行率 100 % of 10 points: 10, as published.
    expect(formatHundredths(scored.budget.score!)).toBe('10.00');
    // Published rule that differs: 资金到位及时率 met its ≥100% target (100%) yet scored 7 of 10;
    // the form shows no reason (a deduction for timeliness outside the table). Ours: 10.00.
    expect(ours['资金到位及时率']).toBe('10.00');
    // Published rule that differs: ＝ targets and 定性 values are scored by the publisher in
    // proportion (政策知晓率 ＝100%, actual 98% → 9; 生均补助标准达标率 → 10; 有效 → 10); ours grades
    // them from the rules' fixed list, which the clerk chooses, so they have no score yet.
    expect(ours['政策知晓率']).toBeNull();
    expect(ours['生均补助标准达标率']).toBeNull();
    expect(ours['减轻贫困学生家庭经济负担']).toBeNull();
    // Each difference is a report line with both numbers, never a silent change.
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        '指标「资金到位及时率」表中得分为 7，按评分规则计算为 10.00，请核对。',
        '指标「政策知晓率」表中得分为 9，按评分规则还不能计算（如定性指标须选择完成等级），请核对。',
        '表中总分为 96，按评分规则还不能算出总分，请核对。',
      ]),
    );
    expect(messages(result).filter((message) => /执行率/u.test(message))).toEqual([]);
  });
});

describe('the published 黄石 监控表 merged into a document', () => {
  let form: ImportResult;
  beforeAll(async () => {
    form = await importFromFile(
      join(FIXTURES, 'stage-forms/huangshi-2019-heritage-monitoring.pdf'),
    );
  });

  const open = (extra: Parameters<typeof project>[2] = {}) => {
    const cost = indicator('产出指标', '成 本', '年度预算220万元', undefined, '成本指标');
    const social = indicator('效益指标', '社会效益', '推动申遗工作', undefined, '社会效益指标');
    const count = indicator('产出指标', '举办活动场次', '≥5场');
    return documentWith(
      project(220_000_000, [cost, social, count], { name: '申遗经费', ...extra }),
      undefined,
      '元',
    );
  };

  it('matches by name ignoring spaces and 二级, converts 万元 into the document’s 元', () => {
    const result = mergeStageValues(open(), form.document, form.report.stage!);
    expect(result.report.matched).toEqual({ units: 1, projects: 1, indicators: 2 });
    const merged = result.document.units[0]!.projects[0]!;
    expect(merged.monitoring).toEqual({
      asOf: '2019-06',
      executed: { fiscal: 875_700_00, carryover: 0, other: 0 },
    });
    // 年初预算数 220 万元 is the document's own 2,200,000.00 元: nothing stored.
    expect(merged.yearBudget).toBeUndefined();
    expect(merged.indicators[0]!.monitoring).toEqual({
      toDate: '按进度执行，已使用约40%',
      likelihood: '确定能',
      causes: [],
    });
    expect(merged.indicators[1]!.monitoring?.likelihood).toBe('确定能');
    expect(merged.indicators[2]!.monitoring).toBeUndefined();
    expect(messages(result)).toContain('项目中另有 1 个指标不在表中，保持不变。');
    // The form's empty 指标值 of 社会效益 is no difference; a written one that differs would be.
    expect(messages(result).filter((message) => /指标值/u.test(message))).toEqual([]);
  });

  it('reports values it replaces, with the old and the new', () => {
    const document = open();
    const cost = document.units[0]!.projects[0]!.indicators[0]!;
    cost.monitoring = { causes: [], likelihood: '有可能', remark: '六月底核对' };
    const result = mergeStageValues(document, form.document, form.report.stage!);
    expect(result.report.overwritten).toBe(1);
    expect(messages(result)).toContain(
      '指标「成 本」的完成目标可能性原为「有可能」，已改为表中的「确定能」。',
    );
    const merged = result.document.units[0]!.projects[0]!.indicators[0]!.monitoring!;
    expect(merged.remark).toBe('六月底核对');
    expect(merged.likelihood).toBe('确定能');
  });

  it('lists what does not match with its place, and drops nothing', () => {
    const document = open();
    document.units[0]!.projects[0]!.indicators.splice(1, 1);
    const result = mergeStageValues(document, form.document, form.report.stage!);
    expect(result.report.unmatched).toEqual({ projects: 0, indicators: 1 });
    const entry = result.report.entries.find((item) => /社会效益/u.test(item.message))!;
    expect(entry.kind).toBe('warning');
    expect(entry.message).toMatch(
      /^指标「效益指标 \/ 社会效益」在项目中没有找到，未合并：截至监控时点完成值「开展黄石矿冶工业遗产.*」，完成目标可能性「确定能」。$/u,
    );
    expect(entry.source).toBeDefined();

    const other = open({ name: '文物保护经费' });
    const none = mergeStageValues(other, form.document, form.report.stage!);
    expect(none.report.unmatched).toEqual({ projects: 1, indicators: 2 });
    expect(none.document).toEqual(other);
    expect(messages(none)).toEqual([
      '表中的项目「申遗经费」在当前文档中没有同名项目（或有多个同名项目），未合并；它的 2 个指标的填写内容仍在表中。',
    ]);
  });

  it('lists a 年初预算数 that differs from the target table, and stores it', () => {
    const document = open();
    document.units[0]!.projects[0]!.money.fiscal = 2_000_000_00;
    const result = mergeStageValues(document, form.document, form.report.stage!);
    expect(messages(result)).toContain(
      '表中年初预算数 2,200,000.00 与目标表的金额 2,000,000.00 不同，已按表中填写，请核对。',
    );
    expect(result.document.units[0]!.projects[0]!.yearBudget).toEqual({
      initial: { fiscal: 2_200_000_00, carryover: 0, other: 0 },
    });
  });

  it('lists a target that differs from the document’s and leaves the target as it was', () => {
    const document = open();
    document.units[0]!.projects[0]!.indicators[0]!.annual = parseValue('≤220万元');
    const result = mergeStageValues(document, form.document, form.report.stage!);
    expect(messages(result)).toContain(
      '指标「成 本」表中的指标值为「年度预算220万元」，文档中为「≤220万元」；目标未修改，请核对。',
    );
    expect(result.document.units[0]!.projects[0]!.indicators[0]!.annual).toEqual(
      parseValue('≤220万元'),
    );
  });
});
