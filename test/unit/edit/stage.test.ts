import { describe, expect, it } from 'vitest';
import {
  applyAction,
  applyRecordedAction,
  changesTargets,
  EditError,
  parseStageDate,
  projectStageText,
  replay,
  targetChanges,
  type ActionEdit,
} from '../../../shared/edit';
import {
  documentSchema,
  readDocumentData,
  renderValue,
  type JixiaoDocument,
} from '../../../shared/model';
import { sampleDocument } from './helpers';

const SAMPLE = sampleDocument();
const p1 = (document: JixiaoDocument) => document.units[0]!.projects[0]!;

/** Apply, replay and reverse: the document after undo is the one before, to the byte. */
function roundTrip(before: JixiaoDocument, result: ActionEdit): void {
  expect(() => documentSchema.parse(result.document)).not.toThrow();
  expect(replay(before, result.patches)).toEqual(result.document);
  expect(replay(result.document, result.inversePatches)).toEqual(before);
}

describe('监控 and 自评 fields of a project', () => {
  it('reads the monitoring date as a clerk writes it, in the document year', () => {
    expect(parseStageDate('7月', 2025)).toBe('2025-07');
    expect(parseStageDate('2025年7月', null)).toBe('2025-07');
    expect(parseStageDate('2025-7-31', null)).toBe('2025-07-31');
    expect(parseStageDate(' ', 2025)).toBeNull();
    expect(() => parseStageDate('13月', 2025)).toThrow('不是有效的监控时点');
    expect(() => parseStageDate('2025-02-30', 2025)).toThrow('不是有效的日期');
  });

  it("reads a 监控时点 as clerks type it, and refuses one outside the table's year", () => {
    expect(parseStageDate('７月', 2025)).toBe('2025-07');
    expect(parseStageDate('２０２５－０６', 2025)).toBe('2025-06');
    expect(parseStageDate('2025年6月30日', 2025)).toBe('2025-06-30');
    expect(parseStageDate('6月30日', 2025)).toBe('2025-06-30');
    expect(parseStageDate('6.30', 2025)).toBe('2025-06-30');
    expect(parseStageDate('2025/6/30', 2025)).toBe('2025-06-30');
    expect(parseStageDate('6月底', 2025)).toBe('2025-06');
    expect(parseStageDate('7月31号', 2025)).toBe('2025-07-31');
    expect(() => parseStageDate('2024年7月', 2025)).toThrow('不在 2025 年度');
    expect(() => parseStageDate('2027-01', 2025)).toThrow('不在 2025 年度');
    expect(() => parseStageDate('6.31', 2025)).toThrow('不是有效的日期');
    expect(() => parseStageDate('6.3.1', 2025)).toThrow('不是有效的监控时点');
  });

  it('keeps 执行数 exact and refuses it before a monitoring date', () => {
    expect(() =>
      applyAction(SAMPLE, 'setProjectStage', {
        projectId: 'p1',
        field: 'monitoring.executed.fiscal',
        text: '300',
      }),
    ).toThrow('请先填写监控时点');
    const dated = applyAction(SAMPLE, 'setProjectStage', {
      projectId: 'p1',
      field: 'monitoring.asOf',
      text: '7月',
    }).document;
    const result = applyAction(dated, 'setProjectStage', {
      projectId: 'p1',
      field: 'monitoring.executed.fiscal',
      text: '0.1',
    });
    const again = applyAction(result.document, 'setProjectStage', {
      projectId: 'p1',
      field: 'monitoring.executed.other',
      text: '0.2',
    });
    expect(p1(again.document).monitoring).toEqual({
      asOf: '2025-07',
      executed: { fiscal: 10, carryover: 0, other: 20 },
    });
    roundTrip(dated, result);
  });

  it('starts 全年预算数 from 年初预算数 (the target amounts) when one part is changed', () => {
    const project = p1(SAMPLE);
    expect(projectStageText(project, 'yearBudget.adjusted.fiscal')).toBe(
      (project.money.fiscal / 100).toFixed(2),
    );
    const result = applyAction(SAMPLE, 'setProjectStage', {
      projectId: 'p1',
      field: 'yearBudget.adjusted.carryover',
      text: '12.34',
    });
    expect(p1(result.document).yearBudget?.adjusted).toEqual({
      fiscal: project.money.fiscal,
      carryover: 1234,
      other: project.money.specialAccount + project.money.other,
    });
    expect(() =>
      applyAction(SAMPLE, 'setProjectStage', {
        projectId: 'p1',
        field: 'evaluation.executed.fiscal',
        text: '-5',
      }),
    ).toThrow('不能为负数');
  });

  it('converts stage amounts with the money unit, exactly', () => {
    const withStage = applyAction(SAMPLE, 'setProjectStage', {
      projectId: 'p1',
      field: 'evaluation.executed.fiscal',
      text: '600.01',
    }).document;
    const inYuan = applyAction(withStage, 'setDocumentProperties', { moneyUnit: '元' }).document;
    expect(p1(inYuan).evaluation?.executed?.fiscal).toBe(600_010_000);
  });
});

describe('监控 and 自评 fields of an indicator', () => {
  const ids = { projectId: 'p1', indicatorId: 'i1' };

  it('a cleared field leaves the indicator as it was in the target table', () => {
    const typed = applyAction(SAMPLE, 'setIndicatorStage', {
      ...ids,
      field: 'evaluation.points',
      text: '10分',
    });
    expect(p1(typed.document).indicators[0]!.evaluation).toEqual({ points: '10' });
    const cleared = applyAction(typed.document, 'setIndicatorStage', {
      ...ids,
      field: 'evaluation.points',
      text: '',
    });
    expect(cleared.document).toEqual(SAMPLE);
  });

  it('refuses what the forms do not allow, in Chinese', () => {
    expect(() =>
      applyAction(SAMPLE, 'setIndicatorStage', {
        ...ids,
        field: 'monitoring.likelihood',
        text: '大概能',
      }),
    ).toThrow('完成目标可能性只能是确定能、有可能、完全不可能');
    expect(() =>
      applyAction(SAMPLE, 'setIndicatorStage', { ...ids, field: 'evaluation.points', text: '十' }),
    ).toThrow(EditError);
  });
});

describe('目标调整: target edits recorded in the document', () => {
  const unlocked = applyAction(SAMPLE, 'startTargetAdjustment', {
    id: 'adj1',
    at: '2025-08-01T02:00:00.000Z',
    by: '李会计',
    stage: 'monitoring',
    reason: '年中预算调整',
  }).document;

  it('only stage actions leave the targets alone', () => {
    expect(changesTargets('setIndicatorStage')).toBe(false);
    expect(changesTargets('setIndicatorValue')).toBe(true);
    expect(changesTargets('replaceText')).toBe(true);
  });

  it('records what changed with the edit, as one undo step', () => {
    const first = applyRecordedAction(
      unlocked,
      'setIndicatorText',
      { ...ids(), field: 'annual', text: '≥95%' },
      'adj1',
    );
    roundTrip(unlocked, first);
    const record = first.document.targetAdjustments![0]!;
    expect(record.by).toBe('李会计');
    expect(record.changes).toEqual([
      {
        projectId: 'p1',
        indicatorId: 'i1',
        subject: p1(SAMPLE).indicators[0]!.name,
        field: '年度指标值',
        before: renderValue(p1(SAMPLE).indicators[0]!.annual),
        after: '≥95%',
      },
    ]);
    // Changed again: the record keeps the approved value as 调整前.
    const second = applyRecordedAction(
      first.document,
      'setIndicatorText',
      { ...ids(), field: 'annual', text: '≥96%' },
      'adj1',
    );
    expect(second.document.targetAdjustments![0]!.changes[0]!.after).toBe('≥96%');
    expect(second.document.targetAdjustments![0]!.changes[0]!.before).toBe(
      renderValue(p1(SAMPLE).indicators[0]!.annual),
    );
    // Changed back: nothing is left to report.
    const back = applyRecordedAction(
      second.document,
      'setIndicatorText',
      { ...ids(), field: 'annual', text: renderValue(p1(SAMPLE).indicators[0]!.annual) },
      'adj1',
    );
    expect(back.document.targetAdjustments![0]!.changes).toEqual([]);
  });

  it('names money and deleted indicators as a reviewer reads them', () => {
    const moved = applyAction(unlocked, 'setProjectText', {
      projectId: 'p1',
      field: 'money.fiscal',
      text: '500',
    }).document;
    const dropped = applyAction(moved, 'deleteIndicators', {
      projectId: 'p1',
      indicatorIds: ['i2'],
    }).document;
    const changes = targetChanges(unlocked, dropped);
    expect(changes.map((change) => [change.field, change.after])).toEqual([
      ['财政拨款', '500.00'],
      ['删除指标', ''],
    ]);
  });

  it('a version-1 file and a version-2 file without records still open', () => {
    const v1 = { ...structuredClone(SAMPLE), schemaVersion: 1 } as unknown;
    const opened = readDocumentData(v1);
    expect(opened.ok && opened.document.targetAdjustments).toBeUndefined();
    const saved = readDocumentData(JSON.parse(JSON.stringify(unlocked)));
    expect(saved.ok && saved.document.targetAdjustments?.[0]?.reason).toBe('年中预算调整');
  });

  function ids() {
    return { projectId: 'p1', indicatorId: 'i1' };
  }
});
