import { describe, expect, it } from 'vitest';
import { parseValue, renderValue, type JixiaoDocument } from '../../../shared/model';
import { applyFix, canApplyFix, checkDocument, type Finding } from '../../../shared/rules';
import {
  deepFreeze,
  documentWith,
  makeDocument,
  makeIndicator,
  makeProject,
  onlyFinding,
} from './helpers';

/** Applies the one finding's fix to a frozen document; the finding must be gone after. */
function applyOnly(
  document: JixiaoDocument,
  code: string,
): { after: JixiaoDocument; finding: Finding } {
  const snapshot = JSON.stringify(document);
  deepFreeze(document);
  const finding = onlyFinding(document, code);
  if (!finding.fix) throw new Error(`${code} has no fix`);
  expect(canApplyFix(document, finding.fix)).toBe(true);
  const after = applyFix(document, finding.fix);
  expect(after).not.toBe(document);
  expect(JSON.stringify(document)).toBe(snapshot);
  const remaining = checkDocument(after).filter(
    (other) => other.code === code && other.where.indicatorId === finding.where.indicatorId,
  );
  expect(remaining).toEqual([]);
  expect(canApplyFix(after, finding.fix)).toBe(false);
  return { after, finding };
}

function firstIndicator(document: JixiaoDocument, id: string) {
  const indicator = document.units[0]?.projects[0]?.indicators.find((i) => i.id === id);
  if (!indicator) throw new Error('indicator gone');
  return indicator;
}

describe('fixes', () => {
  it('V8 adds % to both cells', () => {
    const indicator = makeIndicator('时效', '计划完成率', '18');
    const { after } = applyOnly(documentWith(indicator), 'V8');
    const fixed = firstIndicator(after, indicator.id);
    expect([renderValue(fixed.period), renderValue(fixed.annual)]).toEqual(['18%', '18%']);
    expect(checkDocument(after)).toEqual([]);
  });

  it('V9 drops the words so the value prints with a sign', () => {
    const indicator = makeIndicator('服务对象满意度', '学生满意率', '85%或以上');
    const { after } = applyOnly(documentWith(indicator), 'V9');
    expect(renderValue(firstIndicator(after, indicator.id).annual)).toBe('≥85%');
  });

  it('V12 writes ＝0 with a unit, leaving no V2 behind', () => {
    const indicator = makeIndicator('社会效益', '重大安全事故发生数量', '0');
    const { after } = applyOnly(documentWith(indicator), 'V12');
    expect(renderValue(firstIndicator(after, indicator.id).annual)).toBe('＝0起');
    expect(checkDocument(after)).toEqual([]);
  });

  it('V7, V10, V6, V3 and V2 set the value they name', () => {
    const cases: Array<[string, ReturnType<typeof makeIndicator>]> = [
      ['V7', makeIndicator('质量', '验收通过率', '≥100%')],
      ['V10', makeIndicator('服务对象满意度', '家长满意度', '≥80%')],
      ['V2', makeIndicator('质量', '验收通过率', '≥99')],
    ];
    const qualitative = makeIndicator('质量', '网络安全等级保护级别', '二级');
    qualitative.annual = { sign: '定性', value: '二', unit: '级' };
    qualitative.period = { ...qualitative.annual };
    cases.push(['V6', qualitative]);
    const spaced = makeIndicator('质量', '设备完好率', '≥90%');
    spaced.annual = { sign: '定性', value: '≥ 90 %', unit: '' };
    cases.push(['V3', spaced]);
    for (const [code, indicator] of cases) {
      const { after, finding } = applyOnly(documentWith(indicator), code);
      expect(finding.fix?.label).toBe(
        `改为 ${renderValue(firstIndicator(after, indicator.id).annual)}`,
      );
    }
  });

  it('V11 moves a misfiled indicator', () => {
    const indicator = makeIndicator('时效', '设施设备正常运行率', '≥99.9%');
    const { after } = applyOnly(documentWith(indicator), 'V11');
    expect(firstIndicator(after, indicator.id)).toMatchObject({
      level1: '产出指标',
      level2: '质量指标',
    });
  });

  it('R4 moves the indicator to the 一级 its 二级 belongs to', () => {
    const indicator = { ...makeIndicator('社会效益', '受益人数', '≥100人'), level1: '产出指标' };
    const { after } = applyOnly(documentWith(indicator), 'R4');
    expect(firstIndicator(after, indicator.id).level1).toBe('效益指标');
  });

  it('V13 copies 年度 to 实施周期', () => {
    const indicator = makeIndicator('数量', '新增设备数量', '≥89台套', '≥90台套');
    const project = makeProject({
      periodStart: 2025,
      periodEnd: 2025,
      indicators: [indicator, ...makeProject().indicators],
    });
    const { after } = applyOnly(makeDocument([project]), 'V13');
    expect(renderValue(firstIndicator(after, indicator.id).period)).toBe('≥89台套');
  });

  it('T1 strips HTML from a goal and from a value', () => {
    const project = makeProject({ goals: { annual: '<p>一是升级。</p><p>二是新建。</p>' } });
    const { after } = applyOnly(makeDocument([project]), 'T1');
    expect(after.units[0]?.projects[0]?.goals.annual).toBe('一是升级。\n二是新建。');

    const indicator = makeIndicator('质量', '设备完好率', '95%');
    indicator.annual = parseValue('<p>≥95%</p>');
    const fixed = applyOnly(documentWith(indicator), 'T1').after;
    expect(firstIndicator(fixed, indicator.id).annual).toEqual({
      sign: '≥',
      value: '95',
      unit: '%',
    });
  });

  it('T2 normalises punctuation in a name', () => {
    const indicator = makeIndicator('服务对象满意度', '服务对象满意度(设备使用满意度)', '≥90%');
    const { after } = applyOnly(documentWith(indicator), 'T2');
    expect(firstIndicator(after, indicator.id).name).toBe('服务对象满意度（设备使用满意度）');
  });

  it('M1 sets the 中期资金总额 to the sum', () => {
    const project = makeProject({ periodMoney: { total: 1000, fiscal: 800, other: 100 } });
    const { after } = applyOnly(makeDocument([project]), 'M1');
    expect(after.units[0]?.projects[0]?.periodMoney?.total).toBe(900);
  });

  it('does nothing when the cell changed since the check', () => {
    const indicator = makeIndicator('时效', '计划完成率', '18');
    const document = documentWith(indicator);
    const fix = onlyFinding(document, 'V8').fix!;
    const edited: JixiaoDocument = applyFix(document, {
      ...fix,
      kind: 'set-value',
      to: parseValue('≥20%'),
    } as typeof fix);
    expect(canApplyFix(edited, fix)).toBe(false);
    expect(applyFix(edited, fix)).toBe(edited);
    const gone = makeDocument([makeProject()]);
    expect(applyFix(gone, fix)).toBe(gone);
  });

  it('are plain data that survive JSON', () => {
    const indicator = makeIndicator('时效', '计划完成率', '18');
    const document = documentWith(indicator);
    const fix = JSON.parse(JSON.stringify(onlyFinding(document, 'V8').fix));
    expect(renderValue(firstIndicator(applyFix(document, fix), indicator.id).annual)).toBe('18%');
  });

  it('share untouched parts and copy the changed path', () => {
    const indicator = makeIndicator('时效', '计划完成率', '18');
    const other = makeProject();
    const document = makeDocument([
      makeProject({ indicators: [...makeProject().indicators, indicator] }),
      other,
    ]);
    const after = applyFix(document, onlyFinding(document, 'V8').fix!);
    expect(after.units[0]?.projects[1]).toBe(other);
    expect(after.units[0]?.projects[0]?.indicators[0]).toBe(
      document.units[0]?.projects[0]?.indicators[0],
    );
    expect(after.units[0]?.projects[0]).not.toBe(document.units[0]?.projects[0]);
  });
});
