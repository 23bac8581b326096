import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyAction } from '../../../shared/edit';
import { documentSchema, type JixiaoDocument } from '../../../shared/model';
import { stageCellRefusal, stageEdit } from '../../../renderer/src/stage/stageState';
import { useAppStore } from '../../../renderer/src/store';

const sample = documentSchema.parse(
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../../resources/sample/guangzhou-2025.jixiao.json'),
      'utf8',
    ),
  ),
);

function open(document: JixiaoDocument, stage: 'target' | 'monitoring' | 'evaluation') {
  useAppStore.setState({
    current: {
      documentId: 'd1',
      document,
      fileName: '示例',
      untitled: false,
      isSample: true,
      dirty: false,
      importReport: null,
    },
    stages: { d1: stage },
    adjusting: null,
  });
}

const rename = { projectId: 'p1', field: 'name' as const, text: '改名' };

describe('the stage view guards the target table', () => {
  beforeEach(() => open(sample, 'target'));

  it('lets every edit through in the 目标 stage', () => {
    expect(stageEdit(sample, 'setProjectText', rename)).toBeNull();
    expect(stageCellRefusal('fiscal')).toBeNull();
  });

  it('refuses target edits in 监控 / 自评 until 目标调整 is unlocked, stage data always passes', () => {
    open(sample, 'monitoring');
    expect(stageEdit(sample, 'setProjectText', rename)).toEqual({
      refused: expect.stringMatching(/^目标已锁定/),
    });
    expect(
      stageEdit(sample, 'deleteIndicators', { projectId: 'p1', indicatorIds: ['i1'] }),
    ).toEqual({ refused: expect.stringMatching(/^目标已锁定/) });
    expect(
      stageEdit(sample, 'setIndicatorStage', {
        projectId: 'p1',
        indicatorId: 'i1',
        field: 'monitoring.toDate',
        text: '60%',
      }),
    ).toBeNull();
    // The grid's figure columns show stage sums there: typing into them never reaches the targets.
    expect(stageCellRefusal('fiscal')).toMatch(/项目详情/);
    expect(
      stageEdit(sample, 'setCells', {
        cells: [{ row: { kind: 'project', projectId: 'p1' }, column: 'fiscal', text: '1' }],
      }),
    ).toEqual({ refused: expect.stringMatching(/项目详情/) });
  });

  it('records a target edit in the open 目标调整', () => {
    const unlocked = applyAction(sample, 'startTargetAdjustment', {
      id: 'adj1',
      at: '2026-01-10T01:00:00.000Z',
      by: '李会计',
      stage: 'evaluation',
    }).document;
    open(unlocked, 'evaluation');
    useAppStore.setState({ adjusting: { documentId: 'd1', adjustmentId: 'adj1' } });
    expect(stageCellRefusal('name')).toBeNull();
    const staged = stageEdit(unlocked, 'setProjectText', rename);
    if (!staged || !('run' in staged)) throw new Error('expected the edit to run');
    const result = staged.run();
    expect(result.document.units[0]!.projects[0]!.name).toBe('改名');
    expect(result.document.targetAdjustments![0]!.changes).toEqual([
      {
        projectId: 'p1',
        subject: sample.units[0]!.projects[0]!.name,
        field: '项目名称',
        before: sample.units[0]!.projects[0]!.name,
        after: '改名',
      },
    ]);
  });
});
