import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editLabel, refusal } from '../../../renderer/src/editRules';
import type { JixiaoDocument } from '../../../shared/model';

const sample = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../resources/sample/guangzhou-2025.jixiao.json'),
    'utf8',
  ),
) as JixiaoDocument;
const project = { kind: 'project' as const, projectId: sample.units[0]?.projects[1]?.id ?? '' };

describe('edits the editor refuses', () => {
  it('refuses a negative amount typed, written full-width or pasted, with a Chinese reason', () => {
    expect(
      refusal(sample, 'setCells', { cells: [{ row: project, column: 'fiscal', text: '-5' }] }),
    ).toMatch(/「-5」是负数/);
    expect(
      refusal(sample, 'setProjectText', {
        projectId: project.projectId,
        field: 'money.other',
        text: '－12.50',
      }),
    ).toMatch(/负数/);
    expect(
      refusal(sample, 'pasteGrid', {
        anchor: project,
        column: 'total',
        block: [['', '10', '-3']],
        newIds: [],
      }),
    ).toMatch(/「-3」/);
  });

  it('lets zero, positive amounts and a minus sign in text fields through', () => {
    expect(
      refusal(sample, 'setCells', { cells: [{ row: project, column: 'fiscal', text: '-0' }] }),
    ).toBeNull();
    expect(
      refusal(sample, 'setCells', { cells: [{ row: project, column: 'name', text: '-项目' }] }),
    ).toBeNull();
    expect(
      refusal(sample, 'setProjectText', {
        projectId: project.projectId,
        field: 'goals.annual',
        text: '-5',
      }),
    ).toBeNull();
  });
});

describe('undo labels', () => {
  it('name the field a clerk changed', () => {
    expect(editLabel('setCells', { cells: [{ row: project, column: 'fiscal', text: '1' }] })).toBe(
      '修改 财政拨款',
    );
    expect(editLabel('setProjectText', { projectId: 'p', field: 'goals.period', text: '' })).toBe(
      '修改 实施期目标',
    );
    expect(
      editLabel('setIndicatorValue', {
        projectId: 'p',
        indicatorId: 'i',
        field: 'annual',
        value: { sign: '＝', value: '1', unit: '' },
      }),
    ).toBe('修改 年度指标值');
    expect(editLabel('addProject', { unitId: 'u', id: 'x', index: 0, name: 'n' })).toBeUndefined();
  });
});
