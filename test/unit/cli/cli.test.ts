import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/index';
import { readDocumentFile } from '../../../electron/host/documentFile';

const ROOT = join(import.meta.dirname, '../../..');
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

describe('jixiao inspect', () => {
  it('summarises the seed as stable JSON', async () => {
    const { code, stdout, stderr } = await cli('inspect', SEED, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      title: '项目支出绩效目标表（含转移支付项目）',
      department: '广州市人力资源和社会保障局',
      moneyUnit: '万元',
      total: '4791.93',
    });
    expect(summary.units).toHaveLength(1);
    expect(summary.units[0].name).toBe('广州市机电技师学院');
    expect(summary.units[0].total).toBe('4791.93');
    const projects = summary.units[0].projects;
    expect(projects).toHaveLength(14);
    expect(projects[0]).toMatchObject({
      name: '市机电技师学院安保和物业管理服务经费',
      total: '638.00',
      fiscal: '638.00',
      specialAccount: '0.00',
      other: '0.00',
    });
    expect(projects[0].indicators[0]).toEqual({
      level1: '产出指标',
      level2: '质量指标',
      name: '维护校园和谐稳定发展',
      period: '校园维稳处理率100%',
      annual: '校园维稳处理率100%',
    });
    expect(projects[0].indicators[2].level2).toBe('社会效益指标');
    expect(projects[0].indicators[3].level2).toBe('服务对象满意度指标');
    const indicatorCount = projects.reduce(
      (n: number, p: { indicators: unknown[] }) => n + p.indicators.length,
      0,
    );
    expect(indicatorCount).toBe(89);
    const sum = projects.reduce(
      (n: number, p: { total: string }) => n + Math.round(Number(p.total) * 100),
      0,
    );
    expect(sum).toBe(479193);
  });

  it('prints a readable Chinese summary without --json', async () => {
    const { code, stdout } = await cli('inspect', SEED);
    expect(code).toBe(0);
    expect(stdout).toContain('部门名称：广州市人力资源和社会保障局');
    expect(stdout).toContain('合计：4791.93');
  });
});

describe('jixiao import', () => {
  it('writes a document that reopens with the same summary, and prints the report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const out = join(dir, 'seed.jixiao.json');
    const { code, stdout } = await cli('import', SEED, '-o', out);
    expect(code).toBe(0);
    expect(stdout).toContain('读取：1 个单位，14 个项目，89 条指标');
    expect(stdout).toMatch(/\[已找回\].*定向培养职业教育硕士补贴/);
    const reopened = await readDocumentFile(out);
    expect(reopened.document.units[0]?.projects).toHaveLength(14);
    const fromFile = JSON.parse((await cli('inspect', out, '--json')).stdout);
    const fromSeed = JSON.parse((await cli('inspect', SEED, '--json')).stdout);
    expect(fromFile).toEqual(fromSeed);
  });

  it('requires an output ending in .jixiao.json', async () => {
    const result = await cli('import', SEED, '-o', '/tmp/x.txt');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.jixiao.json');
  });
});

describe('unreadable input', () => {
  it('exits 2 with a Chinese message for a missing file, an unsupported type and a broken document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const missing = await cli('inspect', join(dir, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法读取「nope\.\w+」：找不到这个文件。请检查文件名/);
    expect(missing.stderr).not.toMatch(/ENOENT|Error/);

    await writeFile(join(dir, 'a.odt'), 'PK');
    const odt = await cli('inspect', join(dir, 'a.odt'));
    expect(odt.code).toBe(2);
    expect(odt.stderr).toMatch(/暂不能读取 \.odt 文件/);

    // PDFs are read now; a PDF that is only its header is a broken one.
    await writeFile(join(dir, 'a.pdf'), '%PDF-1.4');
    const pdf = await cli('inspect', join(dir, 'a.pdf'));
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toMatch(/PDF 文件已损坏/);

    await writeFile(join(dir, 'b.jixiao.json'), '{"schemaVersion":1,"title":3}');
    const broken = await cli('inspect', join(dir, 'b.jixiao.json'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/文档内容不符合格式/);
    expect(await readFile(join(dir, 'b.jixiao.json'), 'utf8')).toBe(
      '{"schemaVersion":1,"title":3}',
    );

    await writeFile(join(dir, 'c.txt'), '这不是一张表\n随便写的文字\n');
    const text = await cli('inspect', join(dir, 'c.txt'));
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/jixiao：/);

    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令');
  });
});

describe('the installed bin', () => {
  it('answers --help and --version through bin/jixiao.js', () => {
    const help = execFileSync(process.execPath, [join(ROOT, 'bin/jixiao.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(help).toContain('jixiao import <文件> -o <输出.jixiao.json>');
    // What it reads and how serve opens up, as the README says.
    expect(help).toContain('PDF（.pdf）');
    expect(help).toContain('已填写的绩效运行监控表和自评表都能识别');
    expect(help).toContain('[--documents 文件夹] [--host 地址 --allow-remote]');
    const version = execFileSync(process.execPath, [join(ROOT, 'bin/jixiao.js'), '--version'], {
      encoding: 'utf8',
    });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(version.trim()).toBe(pkg.version);
    const failed = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/jixiao.js'), 'inspect', '/nonexistent/x.txt'],
      {
        encoding: 'utf8',
      },
    );
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('无法读取「x.txt」：找不到这个文件');
  });
});

describe('jixiao check', () => {
  it('finds no errors and the known warnings on the seed (exit 0)', async () => {
    const { code, stdout } = await cli('check', SEED, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(report.findings.length);
    expect(
      report.findings.some(
        (f: { code: string; message: string }) =>
          f.code === 'R2' && f.message.includes('2024年智慧校园管理系统升级改造项目'),
      ),
    ).toBe(true);
    expect(
      report.findings.some(
        (f: { code: string; message: string }) =>
          f.code === 'V8' && f.message.includes('计划完成率'),
      ),
    ).toBe(true);
    const text = await cli('check', SEED);
    expect(text.stdout).toContain('错误 0 项');
    expect(text.stdout).toContain('建议增加满意度指标');
  });

  it('exits 1 when the document has errors', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const out = join(dir, 'seed.jixiao.json');
    await cli('import', SEED, '-o', out);
    const document = JSON.parse(await readFile(out, 'utf8'));
    document.units[0].projects[0].goals.annual = '  ';
    await writeFile(out, JSON.stringify(document));
    const { code, stdout } = await cli('check', out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/错误 [1-9]\d* 项/);
    expect(stdout).toContain('[错误] R6');
  });

  it('exits 2 for unreadable input', async () => {
    const result = await cli('check', '/nonexistent/table.txt');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('无法读取「table.txt」：找不到这个文件');
    expect(result.stderr).not.toContain('ENOENT');
  });
});

describe('jixiao export', () => {
  it('writes Word, Excel and text files of the seed; the text imports back to the same summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
    ] as const) {
      const out = join(dir, `seed.${format}`);
      const result = await cli('export', SEED, '--to', format, '-o', out);
      expect(result.code, result.stderr).toBe(0);
      expect((await readFile(out)).subarray(0, 2).toString()).toBe(magic);
    }
    const form = await cli(
      'export',
      SEED,
      '--to',
      'docx',
      '--layout',
      'form',
      '--variant',
      'midterm',
      '-o',
      join(dir, 'form.docx'),
    );
    expect(form.code, form.stderr).toBe(0);
    const txt = join(dir, 'seed.txt');
    expect((await cli('export', SEED, '--to', 'txt', '-o', txt)).code).toBe(0);
    const again = JSON.parse((await cli('inspect', txt, '--json')).stdout);
    const original = JSON.parse((await cli('inspect', SEED, '--json')).stdout);
    expect(again).toEqual(original);
  });

  it('says when --variant or --year has no place in the chosen table, and exports all the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-cli-'));
    const detail = await cli(
      'export',
      SEED,
      '--to',
      'xlsx',
      '--layout',
      'detail',
      '--year',
      '2026',
      '-o',
      join(dir, 'd.xlsx'),
    );
    expect(detail.code, detail.stderr).toBe(0);
    expect(detail.stderr).toBe('jixiao：请注意：明细表没有年度行，--year 不起作用。\n');
    const disclosure = await cli(
      'export',
      SEED,
      '--to',
      'docx',
      '--variant',
      'midterm',
      '-o',
      join(dir, 'p.docx'),
    );
    expect(disclosure.code, disclosure.stderr).toBe(0);
    expect(disclosure.stderr).toBe(
      'jixiao：请注意：--variant 只用于分项目表（--layout form），这里不起作用。\n',
    );
    // Where they apply, nothing is said.
    const form = await cli(
      'export',
      SEED,
      '--to',
      'docx',
      '--layout',
      'form',
      '--variant',
      'annual',
      '--year',
      '2026',
      '-o',
      join(dir, 'f.docx'),
    );
    expect(form.code, form.stderr).toBe(0);
    expect(form.stderr).toBe('');
  });

  it('explains bad options with exit 2', async () => {
    expect((await cli('export', SEED, '--to', 'pdf')).code).toBe(2);
    expect((await cli('export', SEED, '--to', 'txt', '--layout', 'form')).stderr).toContain(
      '文本导出只支持公开表',
    );
    expect((await cli('export', SEED, '--to', 'docx', '--variant', 'x')).code).toBe(2);
  });
});
