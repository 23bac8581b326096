// An amount printed below zero in a table from another program: read as printed, and said.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, type ContainerReaders } from '../../../shared/import/pipeline';

const SEED = readFileSync(
  join(import.meta.dirname, '../../fixtures/seed-guangzhou-2025-jidian-disclosure.txt'),
  'utf8',
);

const NO_READERS = {} as ContainerReaders;

describe('a negative amount in an imported table', () => {
  it('is kept as printed, with a 请核对 line naming the project and the column', async () => {
    const first = '市机电技师学院安保和物业管理服务经费\t638.00\t638.00';
    expect(SEED).toContain(first);
    const text = SEED.replace(first, '市机电技师学院安保和物业管理服务经费\t-638.00\t-638.00');
    const { document, report } = await runImport(
      { text, fileName: '粘贴的表格', options: {}, maxEntryBytes: 1 << 20 },
      NO_READERS,
    );
    expect(document.units[0]?.projects[0]?.money.fiscal).toBe(-63_800);
    const lines = report.entries.filter((entry) => entry.message.includes('负数'));
    expect(lines).toEqual([
      {
        kind: 'warning',
        message: '财政拨款为 -638.00 万元，金额不能为负数，已按原表读入，请核对。',
        project: '市机电技师学院安保和物业管理服务经费',
      },
    ]);
  });

  it('is not reported when no amount is below zero', async () => {
    const { report } = await runImport(
      { text: SEED, fileName: '粘贴的表格', options: {}, maxEntryBytes: 1 << 20 },
      NO_READERS,
    );
    expect(report.entries.filter((entry) => entry.message.includes('负数'))).toEqual([]);
  });
});
