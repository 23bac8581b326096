import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasDisplay, parseServeArguments } from '../../../electron/cli/serve';
import { defaultDocumentsDir, defaultUserDataDir } from '../../../electron/serve/app';
import { INVOKE_CHANNELS } from '../../../shared/ipc';
import { SocketPage } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('jixiao serve arguments', () => {
  it('listens on 127.0.0.1 by default, on the port given, and opens the browser only when asked', () => {
    expect(parseServeArguments([])).toMatchObject({ host: '127.0.0.1', port: null, open: false });
    expect(parseServeArguments(['--port', '8080', '--open'])).toMatchObject({
      port: 8080,
      open: true,
    });
  });

  it('refuses an address other machines reach unless --allow-remote is given too', () => {
    expect(() => parseServeArguments(['--host', '0.0.0.0'])).toThrow('--allow-remote');
    expect(() => parseServeArguments(['--host', '192.168.1.20'])).toThrow('只对本机开放');
    expect(parseServeArguments(['--host', '0.0.0.0', '--allow-remote'])).toMatchObject({
      host: '0.0.0.0',
      allowRemote: true,
    });
    expect(parseServeArguments(['--host', 'localhost']).allowRemote).toBe(false);
  });

  it('refuses a port that is not a port, in Chinese', () => {
    expect(() => parseServeArguments(['--port', 'abc'])).toThrow('端口「abc」无效');
    expect(() => parseServeArguments(['--port', '70000'])).toThrow('0–65535');
  });

  it('shares the desktop app’s settings and recovery folder and keeps documents in 文档/绩效目标表', () => {
    expect(
      defaultUserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a'),
    ).toContain('绩效目标表编辑器');
    expect(defaultUserDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/绩效目标表编辑器');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe(
      '/x/绩效目标表编辑器',
    );
    expect(defaultDocumentsDir('/nonexistent-home')).toBe('/nonexistent-home/绩效目标表');
  });

  it('knows when there is no display to open a browser on', () => {
    if (process.platform !== 'linux') return;
    expect(hasDisplay({})).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' })).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
  });
});

/** `jixiao serve` as a child process, with a way to open pages on it. */
async function startServe() {
  const home = await mkdtemp(join(tmpdir(), 'jixiao-serve-cli-'));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/jixiao.js'), 'serve', '--port', '0', '--documents', join(home, 'docs')],
    { env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config') } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((done) =>
    child.on('close', (code) => done((exitCode = code))),
  );
  await expect.poll(() => output.includes('按 Ctrl+C 退出'), { timeout: 20_000 }).toBe(true);
  const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output)![0]);
  /** A page that has loaded: it listens for the menu and the close request. */
  const open = async (listening = true) => {
    const page = await SocketPage.open(`ws://${url.host}/socket`, {
      origin: url.origin,
      cookie: `jixiao-token-${url.port}=${url.searchParams.get('token')}`,
    });
    if (listening) {
      page.send({ type: 'listening', menu: 1, close: 1 });
      // Messages are handled in order: once this call is answered, the listener is recorded.
      page.send({ type: 'invoke', id: 0, channel: INVOKE_CHANNELS.getAppInfo });
      await page.next('result');
    }
    return page;
  };
  return {
    home,
    child,
    output: () => output,
    exited,
    running: () => exitCode === undefined,
    open,
    async stop() {
      child.kill('SIGKILL');
      await rm(home, { recursive: true, force: true });
    },
  };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('jixiao serve as a process', () => {
  it('prints the address; Ctrl+C asks the open page to settle its work, then the server quits', async () => {
    const serve = await startServe();
    try {
      expect(serve.output()).toContain(`文档保存在：${join(serve.home, 'docs')}`);
      const page = await serve.open();
      serve.child.kill('SIGINT');
      const event = await page.next('event');
      expect(event.channel).toBe('jixiao:window:close-requested');
      await expect.poll(() => serve.output()).toContain('正在请浏览器页面处理未保存的修改');
      // The renderer settled its work and closes the window: the server stops.
      page.send({ type: 'invoke', id: 1, channel: INVOKE_CHANNELS.closeWindow });
      await page.next('window-closed');
      expect(await serve.exited).toBe(0);
      expect(serve.output()).toContain('已退出');
    } finally {
      await serve.stop();
    }
  });

  it('with two tabs open, the first to settle closes only itself; the server waits for the other', async () => {
    const serve = await startServe();
    try {
      const first = await serve.open();
      const second = await serve.open();
      serve.child.kill('SIGINT');
      await first.next('event');
      await second.next('event');
      // The first tab settled its work; the second is still asking its clerk 是否保存.
      first.send({ type: 'invoke', id: 1, channel: INVOKE_CHANNELS.closeWindow });
      await first.next('window-closed');
      await first.next('result', (message) => message.id === 1);
      second.send({ type: 'invoke', id: 1, channel: INVOKE_CHANNELS.getAppInfo });
      expect((await second.next('result')).value).toMatchObject({ ok: true });
      expect(second.received.some((message) => message.type === 'window-closed')).toBe(false);
      expect(serve.running()).toBe(true);
      // The second tab saved and settled: now the server stops.
      second.send({ type: 'invoke', id: 2, channel: INVOKE_CHANNELS.closeWindow });
      await second.next('window-closed');
      expect(await serve.exited).toBe(0);
    } finally {
      await serve.stop();
    }
  });

  it('after Ctrl+C, a tab closed without settling leaves nothing to wait for', async () => {
    const serve = await startServe();
    try {
      const page = await serve.open();
      serve.child.kill('SIGINT');
      await page.next('event');
      page.close();
      expect(await serve.exited).toBe(0);
      expect(serve.output()).toContain('已退出');
    } finally {
      await serve.stop();
    }
  });

  it('a tab that loads or reloads after Ctrl+C is asked to settle too, and waited for', async () => {
    const serve = await startServe();
    try {
      const first = await serve.open();
      serve.child.kill('SIGINT');
      await first.next('event');
      // The clerk reloads the tab: the old page goes, the new one begins listening.
      first.close();
      const reloaded = await serve.open();
      const event = await reloaded.next('event');
      expect(event.channel).toBe('jixiao:window:close-requested');
      await pause(2500);
      expect(serve.running()).toBe(true);
      reloaded.send({ type: 'invoke', id: 1, channel: INVOKE_CHANNELS.closeWindow });
      await reloaded.next('window-closed');
      expect(await serve.exited).toBe(0);
    } finally {
      await serve.stop();
    }
  });

  it('a second Ctrl+C quits at once, even with a 是否保存 question open in a tab', async () => {
    const serve = await startServe();
    try {
      const page = await serve.open();
      serve.child.kill('SIGINT');
      await page.next('event');
      page.send({
        type: 'invoke',
        id: 1,
        channel: INVOKE_CHANNELS.confirmUnsaved,
        argument: { fileName: '今年的表.jixiao.json' },
      });
      await page.next('ask');
      serve.child.kill('SIGINT');
      const started = Date.now();
      expect(await serve.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      await serve.stop();
    }
  });
});
