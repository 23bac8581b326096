import { describe, expect, it } from 'vitest';
import type { Indicator, Project } from '../../../shared/model';
import { checkDocument } from '../../../shared/rules';
import { findingsOf, goodIndicators, makeDocument, makeProject, onlyFinding } from './helpers';

/** The good indicators with 监控 or 自评 data on the first one (`≥89台套`). */
function withFirst(change: Partial<Indicator>): Indicator[] {
  const [first, ...rest] = goodIndicators();
  return [{ ...first!, ...change }, ...rest];
}

const stageCodes = (project: Project) =>
  checkDocument(makeDocument([project]))
    .map((finding) => finding.code)
    .filter((code) => /^[JZ]/.test(code));

describe('a target-only document', () => {
  it('gets no stage findings', () => {
    expect(stageCodes(makeProject())).toEqual([]);
  });
});

describe('J1: 偏差原因 where the deviation requires one', () => {
  it('asks for it when the target may not be reached', () => {
    const project = makeProject({
      indicators: withFirst({ monitoring: { causes: [], likelihood: '有可能' } }),
    });
    const finding = onlyFinding(makeDocument([project]), 'J1');
    expect(finding.message).toBe(
      '「市机电技师学院教学信息化设备购置项目」的指标「新增设备数量」完成目标可能性为「有可能」，须填写偏差原因',
    );
    expect(finding.where.field).toBe('monitoring.causes');
  });

  it('asks for it when the forecast falls short, in the target direction', () => {
    const short = makeProject({
      indicators: withFirst({ monitoring: { causes: [], forecast: '80台套' } }),
    });
    expect(onlyFinding(makeDocument([short]), 'J1').message).toContain(
      '全年预计完成值 80台套 达不到年度指标值 ≥89台套',
    );
    const enough = makeProject({
      indicators: withFirst({ monitoring: { causes: [], forecast: '89' } }),
    });
    expect(stageCodes(enough)).toEqual([]);
  });

  it('is satisfied by a cause group or a written reason', () => {
    const grouped = makeProject({
      indicators: withFirst({ monitoring: { causes: ['经费保障'], likelihood: '完全不可能' } }),
    });
    const written = makeProject({
      indicators: withFirst({
        monitoring: { causes: [], likelihood: '有可能', causeText: '设备到货推迟' },
      }),
    });
    expect(stageCodes(grouped)).toEqual([]);
    expect(stageCodes(written)).toEqual([]);
  });
});

describe('J3: monitoring values in the indicator unit', () => {
  it('flags a value in another unit or not a number', () => {
    const project = makeProject({
      indicators: withFirst({ monitoring: { causes: [], toDate: '40套', forecast: '大部分' } }),
    });
    const found = findingsOf(makeDocument([project]), 'J3');
    expect(found.map((finding) => finding.where.field)).toEqual([
      'monitoring.toDate',
      'monitoring.forecast',
    ]);
    expect(found[0]!.message).toContain('截至监控时点完成值「40套」不是以「台套」计的数字');
  });
});

describe('J2: 执行率 behind schedule for the monitoring month', () => {
  // 596.00 万元 budget (the helper's project); the default line at July is June's 40 %.
  const at = (asOf: string, executed: number) =>
    makeProject({ monitoring: { asOf, executed: { fiscal: executed, carryover: 0, other: 0 } } });

  it('warns under the line in force, with the exact rate', () => {
    const finding = onlyFinding(makeDocument([at('2025-07', 17_880)]), 'J2');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toBe(
      '「市机电技师学院教学信息化设备购置项目」截至 7 月执行率 30.00%，低于序时进度预警线 40%（6 月起适用），须说明原因',
    );
  });

  it('is quiet on the line, before April, and follows the document settings', () => {
    expect(stageCodes(at('2025-07', 23_840))).toEqual([]);
    expect(stageCodes(at('2025-03', 0))).toEqual([]);
    const strict = makeDocument([at('2025-07', 23_840)]);
    strict.settings.executionSchedule = [{ month: 7, percent: 58.34 }];
    expect(findingsOf(strict, 'J2')).toHaveLength(1);
  });
});

describe('Z1 and Z2: the 自评 scores', () => {
  it('asks for 偏差原因分析 under full marks and names unscorable actual values', () => {
    // The second (＝100%) is graded from the fixed list; the third (≥95%) scores by its actual.
    const [first, second, third, ...rest] = goodIndicators();
    const project = makeProject({
      evaluation: { executed: { fiscal: 59_600, carryover: 0, other: 0 } },
      indicators: [
        { ...first!, evaluation: { actual: '80台套' } },
        second!,
        { ...third!, evaluation: { actual: '很好' } },
        ...rest,
      ],
    });
    const document = makeDocument([project]);
    const z1 = onlyFinding(document, 'Z1');
    expect(z1.where).toMatchObject({ indicatorId: first!.id, field: 'evaluation.analysis' });
    expect(z1.message).toMatch(
      /新增设备数量」得分 \d+\.\d\d 低于分值 \d+\.\d\d，须填写偏差原因分析及改进措施/,
    );
    expect(onlyFinding(document, 'Z2').message).toContain('实际完成值「很好」不是以「%」计的数字');
    const explained = structuredClone(project);
    explained.indicators[0]!.evaluation!.analysis = '设备到货推迟，已督促供应商';
    expect(findingsOf(makeDocument([explained]), 'Z1')).toEqual([]);
  });
});
