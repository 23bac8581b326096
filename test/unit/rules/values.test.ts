import { describe, expect, it } from 'vitest';
import { parseValue } from '../../../shared/model';
import { checkDocument } from '../../../shared/rules';
import {
  documentWith,
  findingsOf,
  makeDocument,
  makeIndicator,
  makeProject,
  onlyFinding,
} from './helpers';

describe('V1: 年度指标值 present', () => {
  it('is an error when the annual value is empty', () => {
    const indicator = makeIndicator('数量', '新增工位数', '');
    expect(onlyFinding(documentWith(indicator), 'V1')).toMatchObject({
      severity: 'error',
      where: { indicatorId: indicator.id, field: 'annual' },
    });
  });

  it('accepts an empty 实施周期 value (annual-only form)', () => {
    expect(checkDocument(documentWith(makeIndicator('数量', '新增工位数', '≥75个', '')))).toEqual(
      [],
    );
  });
});

describe('V2: quantitative values', () => {
  it('is an error when a chosen sign has no unit', () => {
    const indicator = makeIndicator('数量', '新增工位数', '≥75');
    expect(onlyFinding(documentWith(indicator), 'V2')).toMatchObject({
      severity: 'error',
      reviewerReason: '指标不够细化、量化',
      where: { field: 'values' },
    });
  });

  it('is an error when a chosen sign is not followed by a number', () => {
    const indicator = makeIndicator('数量', '新增工位数', '≥75个');
    indicator.annual = { sign: '≥', value: '若干', unit: '个' };
    const finding = onlyFinding(documentWith(indicator), 'V2');
    expect(finding).toMatchObject({ severity: 'error', where: { field: 'annual' } });
    expect(finding.message).toContain('不是数字');
  });

  it('only warns about a bare number from a printed table', () => {
    const indicator = makeIndicator('数量', '新增课件数量', '1');
    expect(onlyFinding(documentWith(indicator), 'V2')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('请确认'),
    });
    expect(checkDocument(documentWith(makeIndicator('数量', '新增课件数量', '1套')))).toEqual([]);
  });

  it('leaves bare numbers on rates and reverse indicators to V8 and V12', () => {
    const document = documentWith(
      makeIndicator('时效', '计划完成率', '18'),
      makeIndicator('社会效益', '重大安全事故次数', '0'),
    );
    expect(findingsOf(document, 'V2')).toEqual([]);
    expect(checkDocument(document).map((f) => f.code)).toEqual(['V8', 'V12']);
  });
});

describe('V3: spaces and placeholders', () => {
  it.each(['≥ 90%', '*', '90_%', '2024-2025'])('is an error for %j', (text) => {
    const indicator = makeIndicator('质量', '设备完好率', '≥90%');
    indicator.annual = parseValue(text);
    if (text.includes(' ')) indicator.annual = { sign: '定性', value: text, unit: '' };
    const finding = findingsOf(documentWith(indicator), 'V3');
    expect(finding).toHaveLength(1);
    expect(finding[0]).toMatchObject({ severity: 'error', where: { field: 'annual' } });
  });

  it('offers a fix unless the value has a hyphen', () => {
    const spaced = makeIndicator('质量', '设备完好率', '≥90%');
    spaced.annual = { sign: '定性', value: '≥ 90 %', unit: '' };
    spaced.period = { ...spaced.annual };
    expect(onlyFinding(documentWith(spaced), 'V3').fix?.label).toBe('改为 ≥90%');
    const ranged = makeIndicator('质量', '设备完好率', '2024-2025');
    expect(onlyFinding(documentWith(ranged), 'V3').fix).toBeUndefined();
  });
});

describe('V4: value length', () => {
  it('is an error over valueMaxLength and fine at it', () => {
    const long = makeIndicator('质量', '合同填报', '按'.repeat(201));
    expect(onlyFinding(documentWith(long), 'V4').severity).toBe('error');
    const limit = makeIndicator('质量', '合同填报', '按'.repeat(200));
    expect(findingsOf(documentWith(limit), 'V4')).toEqual([]);
  });
});

describe('V6: qualitative values have no unit', () => {
  it('is an error with a fix that joins the unit to the text', () => {
    const indicator = makeIndicator('质量', '网络安全等级保护级别', '二级');
    indicator.annual = { sign: '定性', value: '二', unit: '级' };
    const finding = onlyFinding(documentWith(indicator), 'V6');
    expect(finding.severity).toBe('error');
    expect(finding.fix?.label).toBe('改为 二级');
    expect(
      checkDocument(documentWith(makeIndicator('质量', '网络安全等级保护级别', '二级'))),
    ).toEqual([]);
  });
});

describe('V7: percentages', () => {
  it('warns above 100%', () => {
    const finding = onlyFinding(documentWith(makeIndicator('质量', '设备完好率', '120%')), 'V7');
    expect(finding).toMatchObject({ severity: 'warning', reviewerReason: '指标与指标值不匹配' });
    expect(finding.fix).toBeUndefined();
  });

  it('warns about ≥100% and offers ＝100%', () => {
    const finding = onlyFinding(documentWith(makeIndicator('质量', '验收通过率', '≥100%')), 'V7');
    expect(finding.fix?.label).toBe('改为 ＝100%');
  });

  it('accepts 100% and ≥99%', () => {
    const document = documentWith(
      makeIndicator('质量', '验收通过率', '100%'),
      makeIndicator('质量', '验收合格率', '≥99%'),
    );
    expect(findingsOf(document, 'V7')).toEqual([]);
  });
});

describe('V8: rates are percentages', () => {
  it('warns about 计划完成率 18 and offers 18%', () => {
    const indicator = makeIndicator('时效', '计划完成率', '18');
    const finding = onlyFinding(documentWith(indicator), 'V8');
    expect(finding).toMatchObject({
      severity: 'warning',
      reviewerReason: '指标与指标值不匹配',
      where: { indicatorId: indicator.id, field: 'values' },
    });
    expect(finding.message).toBe(
      '「市机电技师学院教学信息化设备购置项目」的指标「计划完成率」实施周期和年度指标值「18」不是百分比，而指标名称表明是比率',
    );
    expect(finding.fix?.label).toBe('改为 18%');
  });

  it('warns without a fix when the value has another unit or is text', () => {
    const document = documentWith(
      makeIndicator('时效', '修复及时率', '≤5小时'),
      makeIndicator('质量', '信息系统数据互通率', '对接统一身份认证'),
    );
    expect(findingsOf(document, 'V8').map((f) => f.fix)).toEqual([undefined, undefined]);
  });

  it('reads names with a unit hint and satisfaction names', () => {
    const document = documentWith(
      makeIndicator('社会效益', '国家资助政策宣传普及率（%）', '100'),
      makeIndicator('服务对象满意度', '学生满意度', '90'),
      makeIndicator('质量', '设施设备正常运行率%', '99.90%'),
    );
    expect(findingsOf(document, 'V8')).toHaveLength(2);
  });
});

describe('V9: signs written as words', () => {
  it.each([
    ['85%或以上', '改为 ≥85%'],
    ['99%以上', '改为 ≥99%'],
    ['10人以上', '改为 ≥10人'],
    ['5小时以内', '改为 ≤5小时'],
  ])('warns about %s', (text, label) => {
    const finding = onlyFinding(
      documentWith(makeIndicator('质量', '通信线路持续运行时间', text)),
      'V9',
    );
    expect(finding.severity).toBe('warning');
    expect(finding.fix?.label).toBe(label);
  });

  it('accepts symbols and leaves free text alone', () => {
    const document = documentWith(
      makeIndicator('质量', '通信线路持续运行时间', '≥99%'),
      makeIndicator('社会效益', '实训室使用人次', '每学期400人/次以上'),
    );
    expect(findingsOf(document, 'V9')).toEqual([]);
  });
});

describe('V10: satisfaction floor', () => {
  it('warns below the floor and offers it', () => {
    const finding = onlyFinding(
      documentWith(makeIndicator('服务对象满意度', '家长满意度', '≥80%')),
      'V10',
    );
    expect(finding.fix?.label).toBe('改为 ≥85%');
  });

  it('follows the setting and accepts the floor itself', () => {
    const document = documentWith(makeIndicator('服务对象满意度', '家长满意度', '85%或以上'));
    expect(findingsOf(document, 'V10')).toEqual([]);
    const stricter = { ...document, settings: { ...document.settings, satisfactionFloor: 90 } };
    // the good indicators' 服务对象满意度 is ≥90%, so only the 85% one is below 90
    expect(findingsOf(stricter, 'V10')).toHaveLength(1);
  });
});

describe('V12: reverse indicators', () => {
  it.each([
    ['重大安全事故次数', '0', '改为 ＝0次'],
    ['安全生产事故发生数', '0次', '改为 ＝0次'],
    ['重大网络安全事故数量', '0', '改为 ＝0起'],
    ['收到有效投诉数量', '0', '改为 ＝0件'],
    ['设备事故发生率', '≥1%', '改为 ≤1%'],
    ['学生申报资格零差错', '2', '改为 ≤2次'],
  ])('warns about %s %s', (name, text, label) => {
    const finding = onlyFinding(documentWith(makeIndicator('社会效益', name, text)), 'V12');
    expect(finding).toMatchObject({ severity: 'warning', reviewerReason: '指标与指标值不匹配' });
    expect(finding.fix?.label).toBe(label);
  });

  it('accepts ≤ and ＝, and positive indicators about complaints', () => {
    const document = documentWith(
      makeIndicator('社会效益', '重大安全事故次数', '＝0次'),
      makeIndicator('社会效益', '安全事故发生率', '≤1%'),
      makeIndicator('质量', '投诉处理率', '≥95%'),
      makeIndicator('数量', '故障工单关闭率', '100%'),
    );
    expect(findingsOf(document, 'V12')).toEqual([]);
  });
});

describe('V13: 实施周期 against 年度', () => {
  it('warns when a one-year project has different values', () => {
    const indicator = makeIndicator('数量', '新增设备数量', '≥89台套', '≥90台套');
    const project = makeProject({
      periodStart: 2025,
      periodEnd: 2025,
      indicators: [indicator, ...makeProject().indicators],
    });
    const finding = onlyFinding(makeDocument([project]), 'V13');
    expect(finding).toMatchObject({ where: { indicatorId: indicator.id, field: 'period' } });
    expect(finding.fix?.kind).toBe('copy-annual-to-period');
  });

  it('warns when a multi-year count has a larger annual value, also from a name range', () => {
    const bigger = makeIndicator('数量', '新增设备数量', '≥90台套', '≥89台套');
    const smaller = makeIndicator('数量', '培训人次', '≥100人次', '≥300人次');
    const project = makeProject({
      name: '广州市机电技师学院2025年-2026年校园信息化设备运维项目',
      indicators: [bigger, smaller, ...makeProject().indicators],
    });
    expect(findingsOf(makeDocument([project]), 'V13').map((f) => f.where.indicatorId)).toEqual([
      bigger.id,
    ]);
  });

  it('does not guess when the project length is unknown', () => {
    const indicator = makeIndicator('数量', '新增设备数量', '≥89台套', '≥90台套');
    const project = makeProject({ indicators: [indicator, ...makeProject().indicators] });
    expect(findingsOf(makeDocument([project]), 'V13')).toEqual([]);
  });
});

describe('values that differ between the two cells', () => {
  it('are checked and reported per cell', () => {
    const indicator = makeIndicator('时效', '计划完成率', '18', '20');
    const document = documentWith(indicator);
    expect(findingsOf(document, 'V8').map((f) => f.where.field)).toEqual(['period', 'annual']);
  });
});
