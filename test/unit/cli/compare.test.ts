import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { writeDocumentFile } from '../../../electron/host/documentFile';
import { editedNextYear } from '../model/compareMaterial';
import { cli, ENGINE_TEXT, SEED, tempFolder } from './helpers';

async function thisYearFile(): Promise<{ folder: string; file: string }> {
  const folder = await tempFolder();
  const file = join(folder, '2026年绩效目标表.jixiao.json');
  await writeDocumentFile(file, editedNextYear());
  return { folder, file };
}

describe('jixiao compare', () => {
  it('prints the changes against last year’s table (any importable file), grouped by project', async () => {
    const { file } = await thisYearFile();
    const { code, stdout, stderr } = await cli(['compare', SEED, file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '项目支出绩效目标变动说明（2026年与2025年对比）',
      '部门名称：广州市人力资源和社会保障局　单位：万元',
      '新增项目 1 个，减少项目 2 个，金额变动 5 处，目标调整 1 处，新增指标 1 条，删除指标 1 条，指标值变动 1 处；没有变动的项目 8 个。',
    ]);
    expect(lines).toContain('  金额变动　财政拨款：638.00 → 700.00（+62.00，+9.72%）');
    expect(lines).toContain('  金额变动　其他资金：0.00 → 10.00（+10.00）');
    expect(lines).toContain(
      '广州市机电技师学院 › 广州市机电技师学院2026年-2027年校园信息化设备运维项目（上年：广州市机电技师学院2025年-2026年校园信息化设备运维项目）',
    );
    expect(lines).toContain('  减少项目　总计（上年 160.00）');
    // Document order: the kept and new projects, then last year's dropped ones.
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(at('安保和物业')).toBeLessThan(at('数控实训中心'));
    expect(at('数控实训中心')).toBeLessThan(at('教学实训设备维修维护'));
  });

  it('uses the 上年数据 a rolled-forward document keeps when given one file, and writes Excel', async () => {
    const { folder, file } = await thisYearFile();
    const alone = await cli(['compare', file]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe((await cli(['compare', SEED, file])).stdout);

    const output = join(folder, '变动说明.xlsx');
    const written = await cli(['compare', file, '--to', 'xlsx', '-o', output]);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`已导出：${output}`);
    const book = XLSX.read(await readFile(output), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, {
      header: 1,
      defval: '',
    });
    expect(rows.some((row) => row[3] === '财政拨款' && row[4] === 638 && row[6] === 62)).toBe(true);
  });

  it('refuses in Chinese: no last year, a bad format, a document as the output', async () => {
    const { folder } = await thisYearFile();
    const imported = await cli(['compare', SEED]);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('没有保存上年数据。请同时给出上年的文件');
    const format = await cli(['compare', SEED, SEED, '--to', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('用法 jixiao compare');
    const target = join(folder, '2026年绩效目标表.jixiao.json');
    const before = await readFile(target, 'utf8');
    const overwrite = await cli(['compare', SEED, target, '--to', 'docx', '-o', target]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain('导出不会写入或覆盖文档');
    expect(await readFile(target, 'utf8')).toBe(before);
    for (const result of [imported, format, overwrite])
      expect(result.stderr).not.toMatch(ENGINE_TEXT);
    expect((await cli(['--help'])).stdout).toContain('jixiao compare [<上年文件>] <本年文件>');
  });
});
