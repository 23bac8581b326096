import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../shared/frameworks';
import { documentAmounts, projectAmounts, unitAmounts, sumMoney } from '../../../shared/model';
import {
  checkDocument,
  REVIEWER_REASONS,
  RULES,
  SEVERITY_LABELS,
  summarise,
} from '../../../shared/rules';
import {
  findingsOf,
  goodIndicators,
  makeDocument,
  makeIndicator,
  makeProject,
  onlyFinding,
} from './helpers';

describe('a clean document', () => {
  it('has no findings', () => {
    expect(checkDocument(makeDocument())).toEqual([]);
  });

  it('reports every rule of the catalogue with a known reason and a Chinese title', () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(REVIEWER_REASONS).toContain(rule.reviewerReason);
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/u);
    }
    expect(SEVERITY_LABELS).toEqual({ error: '错误', warning: '警告' });
  });
});

describe('M1 and M2: totals', () => {
  it('derives totals that always add up (M1, M2 hold by construction)', () => {
    const projects = [
      makeProject({ money: { fiscal: 10, specialAccount: 20, other: 0 } }),
      makeProject({ money: { fiscal: 1, specialAccount: 2, other: 3 } }),
    ];
    const document = makeDocument(projects);
    const unit = document.units[0]!;
    for (const project of projects) {
      const row = projectAmounts(project);
      expect(row.total).toBe(row.fiscal + row.specialAccount + row.other);
    }
    expect(unitAmounts(unit).total).toBe(sumMoney(projects.map((p) => projectAmounts(p).total)));
    expect(documentAmounts(document).total).toBe(36);
    expect(findingsOf(document, 'M1')).toEqual([]);
    expect(findingsOf(document, 'M2')).toEqual([]);
  });

  it('M1: flags an imported 总计 that is not the sum of the funding columns', () => {
    const project = makeProject({ money: { fiscal: 63_800, specialAccount: 0, other: 0 } });
    const document = makeDocument([project]);
    const wrong = { declaredTotals: { projects: { [project.id]: 63_700 } } };
    const [finding] = findingsOf(document, 'M1', wrong);
    expect(finding).toMatchObject({ severity: 'error', where: { field: 'money.total' } });
    expect(finding?.message).toContain('637.00');
    expect(finding?.message).toContain('638.00');
    const right = { declaredTotals: { projects: { [project.id]: 63_800 } } };
    expect(findingsOf(document, 'M1', right)).toEqual([]);
  });

  it('M1: flags a 中期资金总额 that is not 财政拨款 + 其他资金', () => {
    const project = makeProject({ periodMoney: { total: 1000, fiscal: 800, other: 100 } });
    const finding = onlyFinding(makeDocument([project]), 'M1');
    expect(finding).toMatchObject({ severity: 'error', where: { field: 'periodMoney.total' } });
    const good = makeProject({ periodMoney: { total: 900, fiscal: 800, other: 100 } });
    expect(findingsOf(makeDocument([good]), 'M1')).toEqual([]);
  });

  it('M2: flags imported unit and 合计 rows that disagree with the projects', () => {
    const document = makeDocument([
      makeProject({ money: { fiscal: 500, specialAccount: 0, other: 0 } }),
    ]);
    const findings = findingsOf(document, 'M2', {
      declaredTotals: { document: 400, units: { u1: 600 } },
    });
    expect(findings.map((f) => f.where)).toEqual([
      { field: 'money.total' },
      { unitId: 'u1', field: 'money.total' },
    ]);
    expect(
      findingsOf(document, 'M2', { declaredTotals: { document: 500, units: { u1: 500 } } }),
    ).toEqual([]);
  });
});

describe('M4: negative amounts', () => {
  it('flags each amount below zero as an error naming the column, and no amount of zero', () => {
    const project = makeProject({
      name: '实训耗材',
      money: { fiscal: -63_800, specialAccount: 0, other: 100 },
      periodMoney: { total: 100, fiscal: 200, other: -100 },
    });
    const findings = findingsOf(makeDocument([project]), 'M4');
    expect(findings.map((finding) => [finding.severity, finding.where.field])).toEqual([
      ['error', 'money.fiscal'],
      ['error', 'periodMoney.other'],
    ]);
    expect(findings[0]?.message).toBe('「实训耗材」财政拨款为 -638.00 万元，金额不能为负数');
    const clean = makeProject({ money: { fiscal: 0, specialAccount: 0, other: 0 } });
    expect(findingsOf(makeDocument([clean]), 'M4')).toEqual([]);
  });
});

describe('R1: 产出 and 效益 indicators', () => {
  it('is an error for each one missing, with the reviewers’ reason', () => {
    const noOutcome = makeProject({
      indicators: goodIndicators().filter((i) => !i.level1.startsWith('效益')),
    });
    expect(onlyFinding(makeDocument([noOutcome]), 'R1')).toMatchObject({
      severity: 'error',
      reviewerReason: '建议增加明确效益指标',
      message: '「市机电技师学院教学信息化设备购置项目」没有效益指标',
    });
    const noOutput = makeProject({
      indicators: goodIndicators().filter((i) => !i.level1.startsWith('产出')),
    });
    expect(onlyFinding(makeDocument([noOutput]), 'R1').reviewerReason).toBe('建议增加明确产出指标');
  });

  it('reports a project without indicators as missing both, and not R2/R3 on top', () => {
    const codes = checkDocument(makeDocument([makeProject({ indicators: [] })])).map((f) => f.code);
    expect(codes).toEqual(['R1', 'R1', 'R8']);
  });
});

describe('R2: satisfaction', () => {
  it('warns when a project has no 满意度 indicator', () => {
    const project = makeProject({
      name: '2024年智慧校园管理系统升级改造项目',
      indicators: goodIndicators().filter((i) => !i.level1.startsWith('满意度')),
    });
    expect(onlyFinding(makeDocument([project]), 'R2')).toMatchObject({
      severity: 'warning',
      reviewerReason: '建议增加满意度指标',
      message: '「2024年智慧校园管理系统升级改造项目」没有满意度指标',
      where: { projectId: project.id, field: 'indicators' },
    });
  });
});

describe('R3: 数量 and 质量/时效', () => {
  it('warns about a missing 数量 indicator', () => {
    const project = makeProject({
      indicators: goodIndicators().filter((i) => i.level2 !== '数量指标'),
    });
    expect(onlyFinding(makeDocument([project]), 'R3').message).toContain('没有数量指标');
  });

  it('warns when there is neither 质量 nor 时效, but not when one of them is there', () => {
    const neither = goodIndicators().filter((i) => !['质量指标', '时效指标'].includes(i.level2));
    expect(
      onlyFinding(makeDocument([makeProject({ indicators: neither })]), 'R3').message,
    ).toContain('没有质量指标或时效指标');
    const onlyTimely = goodIndicators().filter((i) => i.level2 !== '质量指标');
    expect(findingsOf(makeDocument([makeProject({ indicators: onlyTimely })]), 'R3')).toEqual([]);
  });
});

describe('R4: categories in the framework', () => {
  it('is an error when the 二级 belongs to another 一级, with a fix to move it', () => {
    const indicator = { ...makeIndicator('社会效益', '受益人数', '≥100人'), level1: '产出指标' };
    const document = makeDocument([makeProject({ indicators: [...goodIndicators(), indicator] })]);
    const finding = onlyFinding(document, 'R4');
    expect(finding).toMatchObject({
      severity: 'error',
      reviewerReason: '二级指标类型错误',
      where: { indicatorId: indicator.id, field: 'level2' },
    });
    expect(finding.fix?.label).toBe('改为 效益指标／社会效益指标');
  });

  it('is an error with 一级指标类型错误 when the 一级 is unknown', () => {
    const indicator = { ...makeIndicator('数量', '培训人次', '≥100人次'), level1: '过程指标' };
    const document = makeDocument([makeProject({ indicators: [...goodIndicators(), indicator] })]);
    expect(onlyFinding(document, 'R4')).toMatchObject({
      reviewerReason: '一级指标类型错误',
      where: { field: 'level1' },
    });
  });

  it('accepts display names and old spellings of the framework', () => {
    const indicator = {
      ...makeIndicator('社会效益', '受益人数', '≥100人'),
      level1: '2-效益指标',
      level2: '社会效益',
    };
    expect(
      findingsOf(
        makeDocument([makeProject({ indicators: [...goodIndicators(), indicator] })]),
        'R4',
      ),
    ).toEqual([]);
  });

  it('checks against the framework passed in, not only the document’s', () => {
    const indicator = makeIndicator('可持续影响', '设备使用年限', '≥5年');
    const document = makeDocument([makeProject({ indicators: [...goodIndicators(), indicator] })]);
    expect(findingsOf(document, 'R4')).toEqual([]);
    const central = getFramework('central-2021');
    const codes = checkDocument(document, { framework: central })
      .filter((f) => f.code === 'R4')
      .map((f) => f.where.indicatorId);
    expect(codes).toEqual([indicator.id]);
  });
});

describe('R5: 三级 names', () => {
  it('is an error when a name is blank', () => {
    const document = makeDocument([
      makeProject({ indicators: [...goodIndicators(), makeIndicator('数量', '  ', '≥1个')] }),
    ]);
    expect(onlyFinding(document, 'R5')).toMatchObject({
      severity: 'error',
      message: '「市机电技师学院教学信息化设备购置项目」的第 6 个指标没有三级指标名称',
    });
  });

  it('is an error when a name is longer than the setting', () => {
    const long = makeIndicator('数量', '培'.repeat(101), '≥1个');
    expect(onlyFinding(documentWithIndicator(long), 'R5').reviewerReason).toBe('建议拆分指标');
    const atLimit = makeIndicator('数量', '培'.repeat(100), '≥1个');
    expect(findingsOf(documentWithIndicator(atLimit), 'R5')).toEqual([]);
  });

  it('is an error on the second of two indicators with the same name', () => {
    const twin = makeIndicator('数量', '新增设备 数量', '≥1台套');
    const finding = onlyFinding(documentWithIndicator(twin), 'R5');
    expect(finding.where.indicatorId).toBe(twin.id);
    expect(finding.message).toContain('与第 1 个指标重名');
  });
});

describe('R6: 年度目标', () => {
  it.each(['', '   ', '***', '—', '_-_', '<p> </p>'])('is an error for %j', (annual) => {
    const document = makeDocument([makeProject({ goals: { annual } })]);
    expect(onlyFinding(document, 'R6')).toMatchObject({
      severity: 'error',
      where: { field: 'goals.annual' },
    });
  });

  it('accepts a real goal', () => {
    expect(findingsOf(makeDocument(), 'R6')).toEqual([]);
  });
});

describe('R8: indicator count band', () => {
  it('warns below the minimum and above the maximum from the settings', () => {
    const few = makeProject({ indicators: goodIndicators().slice(0, 3) });
    expect(onlyFinding(makeDocument([few]), 'R8').message).toContain(
      '有 3 个三级指标，常见范围是 4–15 个',
    );
    const document = makeDocument([makeProject()]);
    const strict = { ...document, settings: { ...document.settings, indicatorCountMax: 4 } };
    expect(onlyFinding(strict, 'R8').message).toContain('有 5 个');
  });
});

describe('V11: misfiled categories', () => {
  it.each([
    ['经济效益', '实训室使用率', '≥80%', '二级指标类型错误', false],
    ['经济效益', '应用类系统可用率', '≥95%', '二级指标类型错误', false],
    ['时效', '设施设备正常运行率', '≥99.9%', '二级指标类型错误', true],
    ['服务对象满意度', '收到有效投诉数量', '＝0件', '一级指标类型错误', false],
    ['社会效益', '家长满意度', '≥90%', '一级指标类型错误', true],
  ])('flags %s / %s', (level2, name, value, reason, fixable) => {
    const indicator = makeIndicator(level2, name, value);
    const finding = onlyFinding(documentWithIndicator(indicator), 'V11');
    expect(finding).toMatchObject({ severity: 'warning', reviewerReason: reason });
    expect(finding.where.indicatorId).toBe(indicator.id);
    expect(finding.fix !== undefined).toBe(fixable);
  });

  it.each([
    ['经济效益', '节约运维资金使用率', '≥10%'],
    ['时效', '修复及时率', '≥95%'],
    ['质量', '设备运行率', '≥95%'],
    ['服务对象满意度', '投诉处理满意度', '≥90%'],
  ])('leaves %s / %s alone', (level2, name, value) => {
    expect(findingsOf(documentWithIndicator(makeIndicator(level2, name, value)), 'V11')).toEqual(
      [],
    );
  });
});

describe('order and summary', () => {
  it('reports in document order and is deterministic', () => {
    const first = makeProject({ goals: { annual: '' } });
    const second = makeProject({ indicators: goodIndicators().slice(1, 4) });
    const document = makeDocument([first, second]);
    const findings = checkDocument(document);
    expect(findings.map((f) => [f.code, f.where.projectId])).toEqual([
      ['R6', first.id],
      ['R2', second.id],
      ['R3', second.id],
      ['R8', second.id],
    ]);
    expect(checkDocument(document)).toEqual(findings);
    expect(summarise(findings)).toEqual({ errors: 1, warnings: 3 });
  });
});

function documentWithIndicator(indicator: ReturnType<typeof makeIndicator>) {
  return makeDocument([makeProject({ indicators: [...goodIndicators(), indicator] })]);
}
