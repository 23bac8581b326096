import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runCli } from '../../../electron/cli/index';

const ROOT = join(import.meta.dirname, '../../..');
const STAGE = join(ROOT, 'test/fixtures/stage/chizhou-2022.jixiao.json');
const SEED = join(ROOT, 'test/fixtures/seed-guangzhou-2025-jidian-disclosure.txt');

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('jixiao export --layout monitoring|self-evaluation|stage-summary', () => {
  it('names every project a warning is about on a line of its own when the warning names three', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-stage-'));
    const out = join(dir, '汇总.xlsx');
    const result = await cli(
      'export',
      SEED,
      '--to',
      'xlsx',
      '--layout',
      'stage-summary',
      '-o',
      out,
    );
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.split('\n');
    const warning = lines.findIndex((line) => /等 14 个项目没有监控执行数/u.test(line));
    expect(warning, result.stderr).toBeGreaterThanOrEqual(0);
    const all = lines[warning + 1]!;
    expect(all).toMatch(/^ {2}全部 14 个项目：「市机电技师学院安保和物业管理服务经费」/u);
    expect(all.match(/「/gu)).toHaveLength(14);
  });

  it('writes the 自评表 with computed scores and names the file after the layout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-stage-'));
    const out = join(dir, '自评.xlsx');
    const result = await cli(
      'export',
      STAGE,
      '--to',
      'xlsx',
      '--layout',
      'self-evaluation',
      '-o',
      out,
    );
    expect(result.code, result.stderr).toBe(0);
    // The published tables have no 满意度 rows: the scoring says the group counts as 不适用.
    expect(result.stderr).toContain('jixiao：请注意：项目「委托业务项目」没有「满意度指标」');
    const workbook = XLSX.read(await readFile(out), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual(['委托业务项目', '村级补助及运转经费']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      workbook.Sheets['委托业务项目'] as XLSX.WorkSheet,
      { header: 1, defval: '' },
    );
    const total = rows.find((row) => row.includes('总分')) as unknown[];
    expect(total.slice(0, 8).filter((value) => value !== '')).toEqual(['总分', '100.00', '100.00']);
  });

  it('a document without stage data exports blank forms and says so on standard error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-stage-'));
    const monitoring = await cli(
      'export',
      SEED,
      '--to',
      'docx',
      '--layout',
      'monitoring',
      '-o',
      join(dir, 'm.docx'),
    );
    expect(monitoring.code, monitoring.stderr).toBe(0);
    expect(monitoring.stderr).toContain('本文档还没有监控数据：导出的是空白监控表');
    const out = join(dir, '汇总.xlsx');
    const summary = await cli(
      'export',
      SEED,
      '--to',
      'xlsx',
      '--layout',
      'stage-summary',
      '-o',
      out,
    );
    expect(summary.code).toBe(0);
    expect(summary.stderr).toContain('没有监控执行数、全年执行数、自评总分：汇总表中留空。');
    const workbook = XLSX.read(await readFile(out), { type: 'buffer' });
    expect(workbook.SheetNames).toEqual(['监控与自评汇总']);
  });

  it('refuses text output and unknown layouts with the layouts listed', async () => {
    const text = await cli('export', STAGE, '--to', 'txt', '--layout', 'monitoring');
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('文本导出只支持公开表');
    const unknown = await cli('export', STAGE, '--to', 'docx', '--layout', 'audit');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('monitoring|self-evaluation|stage-summary');
  });
});
