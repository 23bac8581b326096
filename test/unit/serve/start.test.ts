import { spawn } from 'node:child_process';
import {
  chmod,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
const COPIED = [
  'package.json',
  'electron.vite.config.ts',
  'tsconfig.base.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.shared.json',
  'tsconfig.web.json',
  'tsconfig.test.json',
  'electron',
  'shared',
  'renderer',
  'browser',
  'resources',
  'scripts',
  'bin',
];

let project: string;
let work: string;

/**
 * A copy of the project (sources, node_modules linked) so the builds `npm start` runs never touch
 * the out/ folder other tests read.
 */
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jixiao-start-'));
  project = join(work, 'project');
  await mkdir(project);
  for (const entry of COPIED)
    await cp(join(ROOT, entry), join(project, entry), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A stand-in for the Electron binary: records how it was started and exits. */
async function stubElectron(path: string, record: string): Promise<void> {
  await writeFile(
    path,
    `#!${process.execPath}
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const entry = resolve(process.argv[2]);
const main = JSON.parse(readFileSync(join(entry, 'package.json'), 'utf8')).main;
writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  args: process.argv.slice(2), entry, main, mainBuilt: existsSync(join(entry, main)),
}));
`,
  );
  await chmod(path, 0o755);
}

interface Run {
  code: number | null;
  output: string;
}

/** Runs `npm start`'s script; `until` ends it early (SIGTERM to its process group). */
function start(
  env: Record<string, string | undefined>,
  until?: (output: string) => Promise<boolean> | boolean,
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(project, 'scripts/start.mjs'), '--port', '0'], {
      cwd: project,
      env: { ...process.env, DISPLAY: undefined, WAYLAND_DISPLAY: undefined, ...env },
      detached: true,
    });
    let output = '';
    let checking = false;
    let ended = false;
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      fail(new Error(`npm start did not finish:\n${output}`));
    }, 120_000);
    const onData = async (chunk: Buffer) => {
      output += chunk.toString();
      if (!until || checking || ended) return;
      checking = true;
      try {
        ended = await until(output);
      } catch (error) {
        output += `\n[test] ${(error as Error).message}`;
        ended = true;
      }
      if (ended) process.kill(-child.pid!, 'SIGTERM');
      checking = false;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('npm start always starts something', () => {
  it('starts the Electron app with the freshly built main entry when the binary is there', async () => {
    const binary = join(work, 'electron-present');
    const record = join(work, 'present.json');
    await stubElectron(binary, record);
    const before = Date.now();
    const run = await start({ DISPLAY: ':0', ELECTRON_EXEC_PATH: binary });
    expect(run.code, run.output).toBe(0);
    const launched = JSON.parse(await readFile(record, 'utf8'));
    expect(launched).toMatchObject({ entry: project, main: 'out/main/index.js', mainBuilt: true });
    expect((await stat(join(project, 'out/main/index.js'))).mtimeMs).toBeGreaterThan(before - 1000);
    expect(run.output).not.toContain('下载');
  });

  it('fetches a missing binary through the installer (saying so in Chinese), then starts it', async () => {
    const packageDir = join(work, 'electron-package');
    await mkdir(packageDir);
    const record = join(work, 'installed.json');
    const installer = join(work, 'install-ok.cjs');
    // Does what Electron's install.js does: unpack into dist/ and write path.txt.
    await writeFile(
      installer,
      `const { chmodSync, mkdirSync, writeFileSync, readFileSync } = require('node:fs');
mkdirSync('dist');
writeFileSync('dist/electron', readFileSync(${JSON.stringify(join(work, 'stub-source'))}));
chmodSync('dist/electron', 0o755);
writeFileSync('path.txt', 'electron');
`,
    );
    await stubElectron(join(work, 'stub-source'), record);
    const run = await start({
      DISPLAY: ':0',
      ELECTRON_EXEC_PATH: undefined,
      JIXIAO_ELECTRON_DIR: packageDir,
      JIXIAO_ELECTRON_INSTALLER: installer,
    });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('正在用 Electron 自带的安装程序下载程序文件');
    expect(run.output).toContain('Electron 程序文件已下载');
    expect(JSON.parse(await readFile(record, 'utf8'))).toMatchObject({ mainBuilt: true });
  });

  it('falls back to jixiao serve with a Chinese reason when the installer fails', async () => {
    const packageDir = join(work, 'electron-unreachable');
    await mkdir(packageDir);
    const installer = join(work, 'install-fails.cjs');
    await writeFile(
      installer,
      "console.error('download failed: getaddrinfo ENOTFOUND'); process.exit(1);\n",
    );
    let served: { index: number; client: number } | null = null;
    const run = await start(
      {
        DISPLAY: ':0',
        ELECTRON_EXEC_PATH: undefined,
        JIXIAO_ELECTRON_DIR: packageDir,
        JIXIAO_ELECTRON_INSTALLER: installer,
        // A display, but the test must not open a real browser: no opener on the PATH.
        PATH: dirname(process.execPath),
        HOME: work,
        XDG_CONFIG_HOME: join(work, 'config'),
      },
      async (output) => {
        const url = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+/.exec(output);
        if (!url) return false;
        const port = Number(url[1]);
        const first = await get(port, url[0].slice(url[0].indexOf('/', 7)));
        const cookie = String(first.headers['set-cookie']).split(';')[0]!;
        served = {
          index: (await get(port, '/', { cookie })).status,
          client: (await get(port, '/jixiao-client.js', { cookie })).status,
        };
        return true;
      },
    );
    expect(run.output).toContain('无法下载 Electron 程序文件');
    expect(run.output).toContain('改为在浏览器中打开本程序（jixiao serve --open）');
    expect(served, run.output).toEqual({ index: 200, client: 200 });
  });

  it('with no display, serves and prints the address instead of opening anything', async () => {
    const run = await start({ HOME: work, XDG_CONFIG_HOME: join(work, 'config') }, (output) =>
      /token=\S+/.test(output),
    );
    expect(run.output).toContain('本机没有图形界面');
    expect(run.output).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(run.output).not.toContain('下载');
  });
});
