import { describe, expect, it } from 'vitest';
import { formatHundredths, scoreProject, scoringRulesFor } from '../../../shared/scoring';
import { documentWith, indicator, project } from './helpers';

/**
 * Two published 项目支出绩效自评表 (2022年度) of 池州市贵池区棠溪镇人民政府, in the national
 * layout (年初预算数 / 全年预算数 / 全年执行数 / 分值 10 / 执行率 / 得分; 产出 50, 效益 30,
 * 满意度 10). Read from a text extract of the published attachments (a copy served at
 * anthempetcare.com/upload_cz/download?id=502364 and id=502367); the extract ends inside the 满意度
 * rows, so those are left out and only the rows we saw are compared.
 * Amounts printed in 万元 with three decimals (89.974) are entered in 元, where they are exact.
 * Qualitative rows printed 实际完成值 「达成预期指标」, entered as the grade 达成年度指标.
 */
const GRADE = '达成年度指标';

describe('published 自评表 rebuilt and scored by our rules', () => {
  it('委托业务项目: every published indicator 得分 matches ours', () => {
    const published: Array<[string, string, string, string, string, string]> = [
      // 一级, 三级, 年度指标值, 实际完成值 (or grade), 分值, published 得分
      ['产出指标', '基建工程委托业务项目数量', '≥50个', '50', '8', '8'],
      ['产出指标', '委托业务报告合格率', '≥100百分比', '100', '8', '8'],
      ['产出指标', '经费支出合规性', '严格执行相关制度规定', GRADE, '8', '8'],
      ['产出指标', '提交报告及时性', '在项目计划完成时间内完成', GRADE, '8', '8'],
      ['产出指标', '项目总成本', '≤90万元', '90', '8', '8'],
      ['产出指标', '单项业务成本', '符合相关规定', GRADE, '10', '10'],
      ['效益指标', '对维护基建市场公平的影响程度', '效果明显', GRADE, '10', '10'],
      ['效益指标', '对控制基建项目成本影响程度', '效果明显', GRADE, '10', '10'],
      ['效益指标', '对推动基建项目“四项制度”健全和落实的持续性影响', '效果明显', GRADE, '10', '10'],
    ];
    const indicators = published.map(([level1, name, target, actual, points]) =>
      indicator(
        level1,
        name,
        target,
        actual === GRADE ? { grade: GRADE, points } : { actual, points },
      ),
    );
    const item = project(900_000_00, indicators, {
      yearBudget: { adjusted: { fiscal: 89_974_000, carryover: 0, other: 0 } },
      evaluation: { executed: { fiscal: 89_974_000, carryover: 0, other: 0 } },
    });
    const document = documentWith(item, undefined, '元');
    const result = scoreProject(document, 'p1', scoringRulesFor(document))!;
    expect(result.lines.map((line) => [line.name, formatHundredths(line.score!)])).toEqual(
      published.map(([, name, , , , score]) => [name, formatHundredths(Number(score) * 100)]),
    );
    // The publication's 年度资金总额 row reads 0 / 0 / 0, 分值 10, 执行率 0, 得分 0: its total row
    // was left empty while 其中：本年财政拨款 carries 90 / 89.974 / 89.974. The national form scores
    // the 年度资金总额 row, which we derive from its parts: 89.974 / 89.974 = 100 % → 10.00.
    expect(result.budget.rate).toEqual({ numerator: 89_974_000, denominator: 89_974_000 });
    expect(formatHundredths(result.budget.score!)).toBe('10.00');
    expect(result.findings.map((finding) => finding.code)).toEqual(['S8']);
  });

  it('村级补助及运转经费: ＝ targets met, a cost far under its ≤ target, budget cut mid-year', () => {
    const published: Array<[string, string, string, string, string, string]> = [
      ['产出指标', '补助村(社区)数量', '＝8个', GRADE, '8', '8'],
      ['产出指标', '保障村干部人数', '＝42个', GRADE, '8', '8'],
      ['产出指标', '补助资格合规性', '合规', GRADE, '8', '8'],
      ['产出指标', '经费审批流程规范性', '严格执行相关制度规定', GRADE, '8', '8'],
      ['产出指标', '补助经费到位及时性', '及时', GRADE, '8', '8'],
      ['产出指标', '项目总成本', '≤202.6万元', '132.9', '10', '10'],
      ['效益指标', '对保障村(社区)两委机构正常运行的影响程度', '效果明显', GRADE, '10', '10'],
      ['效益指标', '提高村(社区)干部工作积极性的影响程度', '效果明显', GRADE, '10', '10'],
    ];
    const indicators = published.map(([level1, name, target, actual, points]) =>
      indicator(
        level1,
        name,
        target,
        actual === GRADE ? { grade: GRADE, points } : { actual, points },
      ),
    );
    const item = project(2_026_400_00, indicators, {
      // 全年预算数 132.912 万元 after a mid-year cut from 202.64; 全年执行数 132.912 万元.
      yearBudget: { adjusted: { fiscal: 1_329_120_00, carryover: 0, other: 0 } },
      evaluation: { executed: { fiscal: 1_329_120_00, carryover: 0, other: 0 } },
    });
    const document = documentWith(item, undefined, '元');
    const result = scoreProject(document, 'p1', scoringRulesFor(document))!;
    expect(
      result.lines.map((line) => [line.name, line.method, formatHundredths(line.score!)]),
    ).toEqual(
      published.map(([, name, target, , , score]) => [
        name,
        target.startsWith('≤') ? 'lower' : 'graded',
        formatHundredths(Number(score) * 100),
      ]),
    );
    // 效益 has only two published rows of 10 (the third is cut off): our rules flag the 30-point
    // group's sum, which is how the copy we have differs, not the rule.
    expect(result.findings.map((finding) => finding.code).sort()).toEqual(['S6', 'S8']);
    expect(formatHundredths(result.budget.score!)).toBe('10.00');
  });
});
