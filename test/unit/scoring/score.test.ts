import { describe, expect, it } from 'vitest';
import type { JixiaoDocument } from '../../../shared/model';
import {
  formatHundredths,
  scoreDocument,
  scoreProject,
  scoringRulesFor,
  SCORING_RULE_SETS,
  type ProjectScore,
} from '../../../shared/scoring';
import { documentWith, indicator, project, spent } from './helpers';

function score(document: JixiaoDocument): ProjectScore {
  const result = scoreProject(document, 'p1', scoringRulesFor(document));
  if (!result) throw new Error('project not found');
  return result;
}

/** Each line's 分值 and 得分 as printed (two decimals). */
function printed(result: ProjectScore): Array<[string, string, string | null]> {
  return result.lines.map((line) => [
    line.name,
    formatHundredths(line.points),
    line.score === null ? null : formatHundredths(line.score),
  ]);
}

const codes = (result: ProjectScore) => result.findings.map((finding) => finding.code);

/** One indicator per group, with explicit 分值 in 产出 so a line's points are round. */
function single(
  output: ReturnType<typeof indicator>,
  options: { executed?: number; analysis?: string } = {},
): JixiaoDocument {
  return documentWith(
    project(
      10000,
      [
        output,
        indicator('效益指标', '就业率', '≥90%', { actual: '95%' }, '社会效益指标'),
        indicator('满意度指标', '学生满意度', '≥90%', { actual: '92%' }, '服务对象满意度指标'),
      ],
      {
        evaluation: {
          ...spent(options.executed ?? 10000),
          ...(options.analysis ? { budgetAnalysis: options.analysis } : {}),
        },
      },
    ),
  );
}

describe('scoreProject with the 财预〔2020〕10号 rules', () => {
  it('ships valid rule data that names its sources and marks national against convention', () => {
    const rules = SCORING_RULE_SETS.find((set) => set.id === 'central-2020')!;
    expect(rules.sources.map((source) => source.title).join()).toContain('财预〔2020〕10号');
    const ids = new Set(rules.sources.map((source) => source.id));
    for (const cited of [rules.budget, ...rules.groups, rules.quantitative.higher, rules.graded]) {
      expect(ids.has(cited.source)).toBe(true);
    }
    expect(rules.quantitative.lower.basis).toBe('convention');
    expect(rules.budget.points).toBe('10');
    expect(rules.groups.map((group) => [group.name, group.points])).toEqual([
      ['产出指标', '50'],
      ['效益指标', '30'],
      ['满意度指标', '10'],
    ]);
  });

  it('gives 100.00 when every target is met and spending is complete; shares 50 as 16.67+16.67+16.66', () => {
    const document = documentWith(
      project(
        10000,
        [
          indicator('产出指标', '采购设备台数', '≥30台', { actual: '30台' }),
          indicator('产出指标', '验收合格率', '≥95%', { actual: '100%' }, '质量指标'),
          indicator('产出指标', '完成时间', '≤12个月', { actual: '10个月' }, '时效指标'),
          indicator('效益指标', '就业率', '≥90%', { actual: '95%' }, '社会效益指标'),
          indicator('满意度指标', '学生满意度', '≥90%', { actual: '92%' }, '服务对象满意度指标'),
        ],
        { evaluation: spent(10000) },
      ),
    );
    const result = score(document);
    expect(printed(result)).toEqual([
      ['采购设备台数', '16.67', '16.67'],
      ['验收合格率', '16.67', '16.67'],
      ['完成时间', '16.66', '16.66'],
      ['就业率', '30.00', '30.00'],
      ['学生满意度', '10.00', '10.00'],
    ]);
    expect(formatHundredths(result.budget.score!)).toBe('10.00');
    expect(result.total).toBe(10000);
    expect(result.rescaled).toBe(false);
    expect(result.findings).toEqual([]);
  });

  it('higher-is-better: 实际/目标 × 分值, capped at 分值; 0 actual scores 0', () => {
    const cases: Array<[string, string]> = [
      ['150人', '37.50'],
      ['200人', '50.00'],
      ['260人', '50.00'],
      ['0人', '0.00'],
      ['150', '37.50'],
    ];
    for (const [actual, expected] of cases) {
      const result = score(
        single(indicator('产出指标', '培训人数', '≥200人', { actual, analysis: '生源不足' })),
      );
      expect([actual, formatHundredths(result.lines[0]!.score!)]).toEqual([actual, expected]);
    }
  });

  it('lower-is-better: full marks at or under target, else 目标/实际 × 分值', () => {
    const cases: Array<[string, string]> = [
      ['80', '50.00'],
      ['90', '50.00'],
      ['0', '50.00'],
      ['100', '45.00'],
      ['120', '37.50'],
    ];
    for (const [actual, expected] of cases) {
      const result = score(
        single(
          indicator(
            '产出指标',
            '项目总成本',
            '≤90万元',
            { actual: `${actual}万元`, analysis: '超支' },
            '成本指标',
          ),
        ),
      );
      expect([actual, formatHundredths(result.lines[0]!.score!)]).toEqual([actual, expected]);
    }
  });

  it('rounds exactly, half up, where binary floats would not (100.5/200 × 10 = 5.025 → 5.03)', () => {
    expect(((100.5 / 200) * 10).toFixed(2)).toBe('5.02'); // the drift the rule forbids
    const result = score(
      single(
        indicator('产出指标', '培训人数', '≥200人', {
          actual: '100.5人',
          points: '10',
          analysis: '生源不足',
        }),
      ),
    );
    expect(formatHundredths(result.lines[0]!.score!)).toBe('5.03');
    const thirds = score(
      single(
        indicator('产出指标', '讲座', '≥3场', { actual: '2场', points: '10', analysis: '疫情' }),
      ),
    );
    expect(formatHundredths(thirds.lines[0]!.score!)).toBe('6.67');
  });

  it('a missing actual leaves the line and the 总分 uncomputed, with a finding', () => {
    const result = score(single(indicator('产出指标', '培训人数', '≥200人', {})));
    expect(result.lines[0]!.score).toBeNull();
    expect(result.total).toBeNull();
    expect(result.findings).toMatchObject([
      {
        code: 'S1',
        indicatorId: result.lines[0]!.indicatorId,
        message: expect.stringContaining('培训人数'),
      },
    ]);
  });

  it('an actual in another unit or not a number is refused, not guessed', () => {
    for (const actual of ['150人次', '基本完成']) {
      const result = score(single(indicator('产出指标', '培训人数', '≥200人', { actual })));
      expect(result.lines[0]!.score).toBeNull();
      expect(codes(result)).toEqual(['S2']);
      expect(result.findings[0]!.message).toContain(`「${actual}」`);
    }
  });

  it('grades ＝ and 定性 indicators from the fixed list: 100% / 70% / 30% of 分值', () => {
    const grades: Array<[string, string]> = [
      ['达成年度指标', '50.00'],
      ['部分达成年度指标并具有一定效果', '35.00'],
      ['未达成年度指标且效果较差', '15.00'],
    ];
    for (const [grade, expected] of grades) {
      for (const target of ['校园环境明显改善', '＝100%']) {
        const result = score(
          single(
            indicator('产出指标', '整改', target, { grade, actual: '95%', analysis: '部分未改' }),
          ),
        );
        expect(result.lines[0]!.method).toBe('graded');
        expect([grade, target, formatHundredths(result.lines[0]!.score!)]).toEqual([
          grade,
          target,
          expected,
        ]);
      }
    }
    const unknown = score(single(indicator('产出指标', '整改', '明显改善', { grade: '基本完成' })));
    expect(unknown.lines[0]!.score).toBeNull();
    expect(unknown.findings[0]).toMatchObject({ code: 'S3', severity: 'error' });
    expect(unknown.findings[0]!.message).toContain('达成年度指标、部分达成年度指标并具有一定效果');
  });

  it('requires 偏差原因分析 for a score under full marks (indicator and budget lines)', () => {
    const result = score(
      single(indicator('产出指标', '培训人数', '≥200人', { actual: '150人' }), { executed: 7500 }),
    );
    expect(codes(result)).toEqual(['S4', 'S4']);
    expect(result.findings[0]!.message).toContain('培训人数');
    expect(result.findings[1]!.message).toContain('预算执行率');
    const explained = score(
      single(
        indicator('产出指标', '培训人数', '≥200人', {
          actual: '150人',
          analysis: '生源不足，明年扩大招生',
        }),
        {
          executed: 7500,
          analysis: '设备到货延迟',
        },
      ),
    );
    expect(explained.findings).toEqual([]);
    // 37.50 + 30 + 10 + 7.50
    expect(explained.total).toBe(8500);
  });

  it('执行率 × 10 for the budget line, on 全年预算数 when adjusted, capped at 100 %', () => {
    const base = single(indicator('产出指标', '培训人数', '≥200人', { actual: '200人' }));
    const item = base.units[0]!.projects[0]!;
    item.yearBudget = { adjusted: { fiscal: 300, carryover: 0, other: 0 } };
    item.evaluation = { ...spent(100), budgetAnalysis: '调减后执行不足' };
    const third = score(base);
    expect(third.budget.rate).toEqual({ numerator: 100, denominator: 300 });
    expect(formatHundredths(third.budget.score!)).toBe('3.33');
    expect(formatHundredths(third.total!)).toBe('93.33');
    item.evaluation = spent(400);
    expect(formatHundredths(score(base).budget.score!)).toBe('10.00');
    item.evaluation = {};
    const missing = score(base);
    expect(missing.budget.score).toBeNull();
    expect(missing.total).toBeNull();
    expect(codes(missing)).toEqual(['S7']);
  });

  it('drops 不适用 indicators and rescales to the full 100 when the rules say so', () => {
    const document = documentWith(
      project(
        10000,
        [
          indicator('产出指标', '培训人数', '≥100人', { actual: '50人', analysis: '生源不足' }),
          indicator('效益指标', '就业率', '≥90%', { actual: '95%' }, '社会效益指标'),
          indicator(
            '满意度指标',
            '学生满意度',
            '≥90%',
            { notApplicable: true },
            '服务对象满意度指标',
          ),
        ],
        { evaluation: spent(10000) },
      ),
    );
    const rescaled = score(document);
    expect(rescaled.lines[2]!.score).toBeNull();
    expect(rescaled.rescaled).toBe(true);
    // (10 + 25 + 30) × 100 / 90 = 72.222…
    expect(formatHundredths(rescaled.total!)).toBe('72.22');
    const kept = score({
      ...document,
      scoring: { rulesId: 'central-2020', rescaleNotApplicable: false },
    });
    expect(kept.rescaled).toBe(false);
    expect(formatHundredths(kept.total!)).toBe('65.00');
  });

  it('treats a group with no indicators as not applicable (S8) and rescales', () => {
    const document = documentWith(
      project(10000, [indicator('产出指标', '培训人数', '≥100人', { actual: '100人' })], {
        evaluation: spent(10000),
      }),
    );
    const result = score(document);
    expect(codes(result)).toEqual(['S8', 'S8']);
    expect(result.total).toBe(10000);
  });

  it('uses the document’s own weights and the clerk’s 分值, and says when they do not add up', () => {
    const document = documentWith(
      project(
        10000,
        [
          indicator('产出指标', '培训人数', '≥100人', { actual: '100人', points: '40' }),
          indicator('产出指标', '合格率', '≥90%', { actual: '90%' }, '质量指标'),
          indicator('效益指标', '就业率', '≥90%', { actual: '90%' }, '社会效益指标'),
          indicator('满意度指标', '满意度', '≥90%', { actual: '90%' }, '服务对象满意度指标'),
        ],
        { evaluation: spent(10000) },
      ),
      {
        rulesId: 'central-2020',
        budgetPoints: '20',
        groupPoints: { 产出指标: '50', 效益指标: '20' },
      },
    );
    const result = score(document);
    expect(printed(result).map(([name, points]) => [name, points])).toEqual([
      ['培训人数', '40.00'],
      ['合格率', '10.00'],
      ['就业率', '20.00'],
      ['满意度', '10.00'],
    ]);
    expect(result.budget.points).toBe(2000);
    expect(result.total).toBe(10000);
    const over = structuredClone(document);
    over.units[0]!.projects[0]!.indicators[1]!.evaluation!.points = '20';
    const mismatch = score(over);
    expect(codes(mismatch)).toEqual(['S6']);
    expect(mismatch.findings[0]!.message).toContain('60.00');
  });

  it('counts 成本指标 (a 一级指标 since 财预〔2021〕101号) in 产出 and flags an unknown 一级指标', () => {
    const document = documentWith(
      project(
        10000,
        [
          indicator('产出指标', '培训人数', '≥100人', { actual: '100人' }),
          indicator('成本指标', '人均成本', '≤500元', { actual: '450元' }, '经济成本指标'),
          indicator('效益指标', '就业率', '≥90%', { actual: '90%' }, '社会效益指标'),
          indicator('满意度指标', '满意度', '≥90%', { actual: '90%' }, '服务对象满意度指标'),
          indicator('其他指标', '宣传', '≥3次', { actual: '3次' }),
        ],
        { evaluation: spent(10000) },
      ),
    );
    const result = score(document);
    expect(
      result.lines.map((line) => [line.name, line.group, formatHundredths(line.points)]),
    ).toEqual([
      ['培训人数', '产出指标', '25.00'],
      ['人均成本', '产出指标', '25.00'],
      ['就业率', '效益指标', '30.00'],
      ['满意度', '满意度指标', '10.00'],
      ['宣传', null, '0.00'],
    ]);
    expect(codes(result)).toEqual(['S5']);
    expect(result.total).toBe(10000);
  });

  it('keeps each grade’s fixed percentage inside the national band it stands for', () => {
    for (const rules of SCORING_RULE_SETS) {
      for (const grade of rules.graded.grades) {
        const [low, high] = grade.band.map(Number) as [number, number];
        const percent = Number(grade.percent);
        expect([grade.label, percent >= low && percent <= high]).toEqual([grade.label, true]);
      }
    }
  });

  it('scores every project in order: without actual values there is no 总分, and each gap is a finding', () => {
    const document = documentWith(project(10000, []));
    document.units[0]!.projects.push(
      project(5000, [indicator('产出指标', '培训人数', '≥100人')], { id: 'p2', name: '培训' }),
    );
    const results = scoreDocument(document, scoringRulesFor(document));
    expect(results.map((result) => [result.projectId, result.total])).toEqual([
      ['p1', null],
      ['p2', null],
    ]);
    expect(results[1]!.findings.map((finding) => finding.code)).toEqual(['S8', 'S8', 'S1', 'S7']);
  });

  it('returns null for a project id that is not in the document', () => {
    const document = single(indicator('产出指标', '培训人数', '≥100人', { actual: '100人' }));
    expect(scoreProject(document, 'nope', scoringRulesFor(document))).toBeNull();
  });
});
