import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../electron/host/documentFile';
import { documentAmounts, formatMoney, type JixiaoDocument } from '../../../shared/model';
import { cli, FIXTURES, SEED, tempFolder } from './helpers';

const ANNUAL_FORM = join(FIXTURES, 'form-annual-yuan.xlsx');
const MIDTERM_FORM = join(FIXTURES, 'form-national-midterm.docx');

/** A second school's file: the seed's first two projects under another unit's name. */
async function otherSchool(dir: string): Promise<string> {
  const path = join(dir, '交通技师学院.jixiao.json');
  expect((await cli(['import', SEED, '-o', path])).code).toBe(0);
  const document = JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument;
  const unit = document.units[0]!;
  unit.name = '广州市交通技师学院';
  unit.projects = unit.projects.slice(0, 2).map((project, index) => ({
    ...project,
    name: `交通技师学院项目${index + 1}`,
  }));
  await writeFile(path, JSON.stringify(document));
  return path;
}

function projectNames(document: JixiaoDocument, unit: string): string[] {
  return (
    document.units.find((candidate) => candidate.name === unit)?.projects.map((p) => p.name) ?? []
  );
}

describe('jixiao merge', () => {
  it('brings schools and per-project forms into one department table, reporting every duplicate', async () => {
    const dir = await tempFolder();
    const school = await otherSchool(dir);
    const out = join(dir, '部门表.jixiao.json');
    const result = await cli(['merge', SEED, ANNUAL_FORM, school, MIDTERM_FORM, '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('【form-annual-yuan.xlsx】');
    const duplicates = result.stdout.split('\n').filter((line) => line.startsWith('- [重名]'));
    expect(duplicates).toHaveLength(3);
    expect(duplicates.join('\n')).toContain(
      '「市机电技师学院免学费财政补助项目」（又见于「form-annual-yuan.xlsx」）',
    );
    expect(duplicates.join('\n')).toContain(
      '「市机电技师学院技能竞赛设备设施购置项目」（又见于「form-national-midterm.docx」）',
    );
    expect(result.stdout).toContain('合并结果：4 个文件，2 个单位，19 个项目；重名项目 3 个。');
    const { document } = await readDocumentFile(out);
    expect(document.units.map((unit) => unit.name)).toEqual([
      '广州市机电技师学院',
      '广州市交通技师学院',
    ]);
    const names = projectNames(document, '广州市机电技师学院');
    expect(names).toHaveLength(17);
    // Kept both: nothing is dropped, the clerk decides.
    expect(names.filter((name) => name === '市机电技师学院免学费财政补助项目')).toHaveLength(2);
    expect(projectNames(document, '广州市交通技师学院')).toEqual([
      '交通技师学院项目1',
      '交通技师学院项目2',
    ]);
    // 4,791.93 + 158.65 + (638.00 + 160.00) + 770.00
    expect(formatMoney(documentAmounts(document).total)).toBe('6,518.58');
  });

  it('skips or replaces duplicates on request, and says which', async () => {
    const dir = await tempFolder();
    const skip = await cli([
      'merge',
      SEED,
      ANNUAL_FORM,
      '--duplicates',
      'skip',
      '-o',
      join(dir, 's.jixiao.json'),
    ]);
    expect(skip.stdout).toMatch(/免学费财政补助项目.*保留原有的一份，未并入这一份/);
    const skipped = (await readDocumentFile(join(dir, 's.jixiao.json'))).document;
    expect(projectNames(skipped, '广州市机电技师学院')).toHaveLength(14);
    expect(formatMoney(documentAmounts(skipped).total)).toBe('4,791.93');

    const replace = await cli([
      'merge',
      SEED,
      ANNUAL_FORM,
      '--duplicates',
      'replace',
      '-o',
      join(dir, 'r.jixiao.json'),
    ]);
    expect(replace.stdout).toMatch(/免学费财政补助项目.*已用这一份替换原有的一份/);
    // The amount the replacement changed, old → new (989.20 in the seed, 989,200 元 in the form).
    expect(replace.stdout).toContain(
      '- [请核对] 「form-annual-yuan.xlsx」：单位「广州市机电技师学院」项目「市机电技师学院免学费财政补助项目」替换后金额：财政拨款 989.20 → 98.92（万元）。',
    );
    const replaced = (await readDocumentFile(join(dir, 'r.jixiao.json'))).document;
    const fees = replaced.units[0]!.projects.find(
      (p) => p.name === '市机电技师学院免学费财政补助项目',
    );
    expect(fees?.money.fiscal).toBe(9892);
    expect(projectNames(replaced, '广州市机电技师学院')).toHaveLength(14);
  });

  it('explains bad usage with exit 2', async () => {
    const dir = await tempFolder();
    expect((await cli(['merge', SEED, '-o', join(dir, 'a.jixiao.json')])).stderr).toContain(
      '至少需要两个文件',
    );
    expect((await cli(['merge', SEED, SEED, '-o', join(dir, 'a.docx')])).code).toBe(2);
    const bad = await cli([
      'merge',
      SEED,
      SEED,
      '--duplicates',
      'drop',
      '-o',
      join(dir, 'a.jixiao.json'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--duplicates 只能是');
    const missing = await cli([
      'merge',
      SEED,
      join(dir, 'nope.xlsx'),
      '-o',
      join(dir, 'a.jixiao.json'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法读取「nope\.\w+」：找不到这个文件。请检查文件名/);
    expect(missing.stderr).not.toMatch(/ENOENT|Error/);
  });
});

describe('jixiao roll-forward', () => {
  it('makes next year’s table: amounts cleared, years in texts listed for review, not rewritten', async () => {
    const dir = await tempFolder();
    const out = join(dir, '2026.jixiao.json');
    const result = await cli(['roll-forward', SEED, '--year', '2026', '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '已复制上年：2025 年 → 2026 年，1 个单位，14 个项目，金额已清空',
    );
    expect(result.stdout).toMatch(
      /- \[请核对\] 单位「广州市机电技师学院」› 项目「广州市机电技师学院2024年智慧校园管理系统升级改造项目」/,
    );
    const { document } = await readDocumentFile(out);
    expect(document.fiscalYear).toBe(2026);
    expect(document.sourceYear).toBe(2025);
    expect(formatMoney(documentAmounts(document).total)).toBe('0.00');
    expect(document.units[0]!.projects.map((p) => p.name)).toContain(
      '广州市机电技师学院2024年智慧校园管理系统升级改造项目',
    );
    expect(document.units[0]!.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(89);
  });

  it('keeps amounts on request and reads any importable file', async () => {
    const dir = await tempFolder();
    const out = join(dir, 'form-2026.jixiao.json');
    const result = await cli([
      'roll-forward',
      ANNUAL_FORM,
      '--year',
      '2026',
      '--keep-amounts',
      '-o',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '已复制上年：2025 年 → 2026 年，1 个单位，2 个项目，金额沿用上年。',
    );
    const { document } = await readDocumentFile(out);
    expect(formatMoney(documentAmounts(document).total)).toBe('158.65');
    expect(document.sourceYear).toBe(2025);
    expect(document.fiscalYear).toBe(2026);
  });

  it('refuses a bad year and writing over last year’s file', async () => {
    const dir = await tempFolder();
    const last = join(dir, '2025.jixiao.json');
    await cli(['import', SEED, '-o', last]);
    const before = await readFile(last, 'utf8');
    const same = await cli(['roll-forward', last, '--year', '2026', '-o', last]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('会覆盖上年的表格');
    expect(await readFile(last, 'utf8')).toBe(before);
    for (const year of ['26', '二〇二六', '2300']) {
      const bad = await cli([
        'roll-forward',
        last,
        '--year',
        year,
        '-o',
        join(dir, 'x.jixiao.json'),
      ]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--year 应是四位数的预算年度');
    }
  });
});
