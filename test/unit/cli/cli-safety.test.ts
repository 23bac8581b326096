import { spawnSync } from 'node:child_process';
import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../electron/host/documentFile';
import type { JixiaoDocument } from '../../../shared/model';
import { smallDisk } from '../host/smallDisk';
import { cli, ENGINE_TEXT, ROOT, SEED, tempFolder } from './helpers';

async function seedDocument(dir: string, name = 'seed.jixiao.json'): Promise<string> {
  const path = join(dir, name);
  expect((await cli(['import', SEED, '-o', path])).code).toBe(0);
  return path;
}

describe('write failures: exit 2, a Chinese message naming the place and the cause', () => {
  it('a missing folder: the import report is still printed', async () => {
    const out = join(await tempFolder(), '没有的文件夹', 'seed.jixiao.json');
    const result = await cli(['import', SEED, '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('读取：1 个单位，14 个项目，89 条指标');
    expect(result.stderr).toContain(out);
    expect(result.stderr).toMatch(/文件夹不存在/);
    expect(result.stderr).not.toMatch(ENGINE_TEXT);
  });

  it('a file where a folder should be', async () => {
    const dir = await tempFolder();
    await writeFile(join(dir, 'plain'), '');
    const result = await cli(['export', SEED, '--to', 'xlsx', '-o', join(dir, 'plain', 'a.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/是文件而不是文件夹/);
    expect(result.stderr).not.toMatch(ENGINE_TEXT);
  });

  const { path: full, mounted } = smallDisk('cli-full', '4k');

  it.runIf(mounted)('a full disk, through the installed bin: no stack trace', async () => {
    const out = join(full, 'seed.xlsx');
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/jixiao.js'), 'export', SEED, '--to', 'xlsx', '-o', out],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^jixiao：无法写入「.+seed\.xlsx」：磁盘空间不足。/);
    expect(result.stderr).not.toMatch(ENGINE_TEXT);
    expect(await readdir(full)).toEqual([]);
  });
});

describe('export never replaces a document of ours or its own source', () => {
  it('refuses -o onto the document it reads, and onto any .jixiao.json', async () => {
    const dir = await tempFolder();
    const path = await seedDocument(dir);
    const before = await readFile(path, 'utf8');
    const same = await cli(['export', path, '--to', 'xlsx', '-o', path]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/导出不会(写入或)?覆盖/);
    expect(await readFile(path, 'utf8')).toBe(before);
    const other = await seedDocument(dir, 'other.jixiao.json');
    const onto = await cli(['export', SEED, '--to', 'docx', '-o', other]);
    expect(onto.code).toBe(2);
    expect((await readDocumentFile(other)).document.units[0]?.projects).toHaveLength(14);
  });

  it('refuses a document saved under another name, and the source text itself', async () => {
    const dir = await tempFolder();
    const path = await seedDocument(dir);
    const renamed = join(dir, '备份.json');
    await copyFile(path, renamed);
    const result = await cli(['export', SEED, '--to', 'txt', '-o', renamed]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/是本程序的文档/);
    expect(await readFile(renamed, 'utf8')).toBe(await readFile(path, 'utf8'));
    const source = join(dir, 'seed.txt');
    await copyFile(SEED, source);
    const self = await cli(['export', source, '--to', 'txt', '-o', source]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/正在导出的原文件/);
    expect(await readFile(source, 'utf8')).toBe(await readFile(SEED, 'utf8'));
  });
});

describe('the terminal', () => {
  it('a reader that stops early (| head) ends the output quietly', async () => {
    const dir = await tempFolder();
    const path = await seedDocument(dir);
    const document = JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument;
    const unit = document.units[0]!;
    unit.projects = Array.from({ length: 3000 }, (_, index) => ({
      ...unit.projects[index % unit.projects.length]!,
      id: `p${index}`,
      name: `项目${index}`,
    }));
    const big = join(dir, 'big.jixiao.json');
    await writeFile(big, JSON.stringify(document));
    const result = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `"${process.execPath}" bin/jixiao.js inspect "${big}" | head -c 50`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('项目支出绩效目标表');
  });

  it('escapes control and bidi characters from a document when printing to a terminal', async () => {
    const dir = await tempFolder();
    const path = await seedDocument(dir);
    const document = JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument;
    document.units[0]!.projects[0]!.name = '设备\u202Efdp.exe\u001b[2J清屏';
    await writeFile(path, JSON.stringify(document));
    for (const args of [
      ['inspect', path],
      ['check', path],
    ]) {
      const shown = await cli(args, { terminal: true });
      expect(shown.stdout).not.toContain('\u202E');
      expect(shown.stdout).not.toContain('\u001b');
      expect(shown.stdout).toContain('设备\\u202Efdp.exe\\u001B[2J清屏');
    }
    const json = await cli(['inspect', path, '--json'], { terminal: true });
    expect(json.stdout).not.toContain('\u202E');
    expect(json.stdout).not.toContain('\u001b');
    expect(JSON.parse(json.stdout).units[0].projects[0].name).toBe(
      '设备\u202Efdp.exe\u001b[2J清屏',
    );
    // Piped to a file or a program, the text stays exact.
    expect((await cli(['inspect', path])).stdout).toContain('设备\u202Efdp.exe\u001b[2J清屏');
  });

  it('check flags bidi control characters in a text (T4)', async () => {
    const dir = await tempFolder();
    const path = await seedDocument(dir);
    const document = JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument;
    document.units[0]!.projects[1]!.goals.annual += '\u202E成完';
    await writeFile(path, JSON.stringify(document));
    const { stdout } = await cli(['check', path, '--json']);
    const findings = JSON.parse(stdout).findings as Array<{ code: string; message: string }>;
    const flagged = findings.filter((finding) => finding.code === 'T4');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.message).toContain('市机电技师学院教学实训设备维修维护工作经费项目');
    expect(flagged[0]?.message).toContain('U+202E');
  });
});

describe('messages a clerk can read', () => {
  it('explains an unknown option in Chinese', async () => {
    const result = await cli(['export', SEED, '--to', 'xlsx', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知选项「--bogus」');
    expect(result.stderr).not.toMatch(ENGINE_TEXT);
  });

  it.each([
    [['serve', '--open', 'extra'], '多余的参数「extra」'],
    [['serve', '--port'], '选项「--port」缺少取值'],
    [['serve', '--bogus'], '未知选项「--bogus」'],
    [['import', SEED, '-o'], '选项「-o, --output」缺少取值'],
    [['inspect', SEED, '--json=yes'], '选项「--json」不带取值'],
  ])('says what is wrong with %j in Chinese, serve too', async (args, expected) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`jixiao：参数有误：${expected}。运行 jixiao --help 查看用法。\n`);
  });

  it.each([
    ['import', ['-o', 'x.jixiao.json']],
    ['inspect', []],
    ['check', []],
    ['export', ['--to', 'txt']],
  ])('%s refuses a second file instead of ignoring it', async (command, options) => {
    const dir = await tempFolder();
    const result = await cli([command, SEED, join(dir, '另一个.txt'), ...options]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `jixiao：参数有误：多余的参数「${join(dir, '另一个.txt')}」。运行 jixiao --help 查看用法。\n`,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('export over a file already there says so and names the kept original', async () => {
    const dir = await tempFolder();
    const output = join(dir, '同事的表.xlsx');
    const colleague = await readFile(join(ROOT, 'test/fixtures/form-annual-yuan.xlsx'));
    await writeFile(output, colleague);
    const result = await cli(['export', SEED, '--to', 'xlsx', '-o', output]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`已替换原有的文件，原文件保存为：${output}.bak`);
    expect(await readFile(`${output}.bak`)).toEqual(colleague);
    const fresh = await cli(['export', SEED, '--to', 'xlsx', '-o', join(dir, '新的.xlsx')]);
    expect(fresh.stdout).not.toContain('已替换');
  });

  it('merge names the file it could not read', async () => {
    const dir = await tempFolder();
    const damaged = join(dir, '损坏的表.xlsx');
    const whole = await readFile(join(ROOT, 'test/fixtures/form-annual-yuan.xlsx'));
    await writeFile(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    const result = await cli(['merge', SEED, damaged, '-o', join(dir, 'm.jixiao.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^jixiao：「损坏的表\.xlsx」：文件已损坏/);
    expect(await readdir(dir)).toEqual(['损坏的表.xlsx']);
  });

  it('an unexpected failure is Chinese on screen and the engine text goes to the log', async () => {
    const logged: string[] = [];
    let calls = 0;
    let stderr = '';
    const { runCli } = await import('../../../electron/cli/index');
    const code = await runCli(['inspect', SEED], {
      stdout: () => {
        calls += 1;
        throw new RangeError('Maximum call stack size exceeded');
      },
      stderr: (text) => (stderr += text),
      log: (text) => {
        logged.push(text);
        return '/tmp/jixiao-cli.log';
      },
    });
    expect(calls).toBe(1);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^jixiao：处理时发生意外错误/);
    expect(stderr).toContain('/tmp/jixiao-cli.log');
    expect(stderr).not.toMatch(/Maximum call stack/);
    expect(logged.join('')).toMatch(/Maximum call stack size exceeded/);
  });
});

describe('amounts beyond exact range', () => {
  it('check reports M3 as an error, inspect never prints a wrong total, export refuses', async () => {
    const dir = await tempFolder();
    const path = await seedDocument(dir);
    const document = JSON.parse(await readFile(path, 'utf8')) as JixiaoDocument;
    const [first, second, third] = document.units[0]!.projects;
    first!.money.fiscal = 3_002_399_751_580_331;
    second!.money.fiscal = 3_002_399_751_580_331;
    third!.money.fiscal = 3_002_399_751_580_332;
    await writeFile(path, JSON.stringify(document));
    const checked = await cli(['check', path, '--json']);
    expect(checked.code).toBe(1);
    const findings = JSON.parse(checked.stdout).findings as Array<{
      code: string;
      severity: string;
      message: string;
    }>;
    const range = findings.filter((finding) => finding.code === 'M3');
    expect(range).toHaveLength(1);
    expect(range[0]).toMatchObject({ severity: 'error' });
    expect(range[0]?.message).toContain('单位「广州市机电技师学院」的小计');
    const summary = JSON.parse((await cli(['inspect', path, '--json'])).stdout);
    expect(summary.total).toBe('金额超出范围');
    const exported = await cli(['export', path, '--to', 'xlsx', '-o', join(dir, 'a.xlsx')]);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toMatch(/超出程序能精确计算的范围/);
    expect(await readdir(dir)).not.toContain('a.xlsx');
  });
});
