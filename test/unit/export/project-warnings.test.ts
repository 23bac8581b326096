import { describe, expect, it } from 'vitest';
import {
  allProjectsText,
  projectsNamed,
  warningsByLack,
} from '../../../shared/export/projectWarnings';

describe('export warnings that name projects', () => {
  it('names up to three projects, then the first three and how many', () => {
    expect(projectsNamed(['甲'])).toBe('「甲」');
    expect(projectsNamed(['甲', '乙', '丙'])).toBe('「甲」「乙」「丙」');
    expect(projectsNamed(['甲', '乙', '丙', '丁'])).toBe('「甲」「乙」「丙」等 4 个项目');
  });

  it('quotes a long or blank name as findings do', () => {
    const long = '长'.repeat(150);
    expect(projectsNamed([long, '  '])).toBe(`「${'长'.repeat(30)}…（共 150 字）」「未命名项目」`);
  });

  it('gives one line for each thing lacked, in the order each first comes up', () => {
    const lines = warningsByLack(
      [
        { name: '甲', lack: '执行数' },
        { name: '乙', lack: '监控时点、执行数' },
        { name: '丙', lack: '执行数' },
        { name: '丁', lack: '执行数' },
        { name: '戊', lack: '执行数' },
      ],
      (projects, lack) => `${projects}没有${lack}。`,
    );
    expect(lines).toEqual([
      { text: '「甲」「丙」「丁」等 4 个项目没有执行数。', projects: ['甲', '丙', '丁', '戊'] },
      { text: '「乙」没有监控时点、执行数。' },
    ]);
    expect(allProjectsText(lines[0]!.projects!)).toBe('全部 4 个项目：「甲」「丙」「丁」「戊」');
    expect(warningsByLack([], () => 'x')).toEqual([]);
  });
});
