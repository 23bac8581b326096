import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_FILE } from '../host/sample';
import { isLoopback } from '../serve/security';
import { EXIT, type Io } from './args';
import { expectedFailure } from './io';
import type { ServeServer } from '../serve/server';

declare const JIXIAO_VERSION: string;

/** Port tried first, so the address stays the same between starts when it is free. */
export const DEFAULT_PORT = 4270;

export const SERVE_HELP = `  jixiao serve [--port N] [--open] [--documents 文件夹] [--host 地址 --allow-remote]
                                               在浏览器中使用本程序（不需要 Electron），默认只对本机
                                               开放；--documents 指定文档文件夹，--host 须同时加
                                               --allow-remote（同一网络的人都能读写文档）`;

export interface ServeArguments {
  port: number | null;
  open: boolean;
  host: string;
  allowRemote: boolean;
  documentsDir: string | null;
}

/** Parses `jixiao serve` arguments; throws a Chinese message for bad ones. */
export function parseServeArguments(args: string[]): ServeArguments {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      open: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-remote': { type: 'boolean', default: false },
      documents: { type: 'string' },
    },
  });
  let port: number | null = null;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`端口「${values.port}」无效，应为 0–65535 的整数。`);
    }
  }
  if (!isLoopback(values.host) && !values['allow-remote']) {
    throw new Error(
      `拒绝监听 ${values.host}：本程序默认只对本机开放。确需让其他电脑访问，请同时加 --allow-remote。`,
    );
  }
  return {
    port,
    open: values.open,
    host: values.host,
    allowRemote: values['allow-remote'],
    documentsDir: values.documents ? resolve(values.documents) : null,
  };
}

/** True where a browser window can be shown (Windows, macOS, or Linux with X11/Wayland). */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** How long a tab that went away after Ctrl+C has to come back (a reload) before the server stops. */
const RECONNECT_MS = 2000;
/** How long a second Ctrl+C still lets calls in flight finish. */
const FORCED_WAIT_MS = 1000;

/** The project folder: the CLI runs from out/cli (built) or electron/cli (sources). */
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `jixiao serve`: the app in the browser, until Ctrl+C. On Ctrl+C open pages first settle their
 * unsaved work (the same close request as the desktop window's ×); a second Ctrl+C quits at once.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  let options: ServeArguments;
  try {
    options = parseServeArguments(args);
  } catch (error) {
    // Node's own words for a bad option are English: the same Chinese line as other commands.
    io.stderr(`jixiao：${expectedFailure(error) ?? (error as Error).message}\n`);
    return EXIT.input;
  }
  const rendererDir = resolve(ROOT, 'out/renderer');
  const clientScript = resolve(ROOT, 'out/client/jixiao-client.js');
  if (!existsSync(resolve(rendererDir, 'index.html')) || !existsSync(clientScript)) {
    io.stderr('jixiao：界面尚未构建，请先在项目目录运行 npm run build。\n');
    return EXIT.input;
  }
  // The local service (and the export writers behind its handlers) loads only for `serve`.
  const { defaultDocumentsDir, defaultUserDataDir, startServeApp } = await import('../serve/app');
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((done) => (stop = done));
  let interrupted = false;
  let server: ServeServer | undefined;
  const start = (port: number) =>
    startServeApp({
      rendererDir,
      clientScript,
      samplePath: resolve(ROOT, SAMPLE_FILE),
      version: typeof JIXIAO_VERSION === 'string' ? JIXIAO_VERSION : 'dev',
      userDataDir: defaultUserDataDir(),
      documentsDir: options.documentsDir ?? defaultDocumentsDir(),
      host: options.host,
      port,
      allowRemote: options.allowRemote,
      onWindowClosed: () => stop(),
      // After Ctrl+C, a tab closed instead of settling leaves nothing to wait for; a tab that
      // reloads is back within moments, and is asked again.
      onPageGone: () => {
        if (!interrupted) return;
        setTimeout(() => {
          if (server?.openWindows() === 0) stop();
        }, RECONNECT_MS).unref();
      },
      onError: (error) => console.error('[jixiao] 处理请求时出错', error),
    });
  try {
    server = await start(options.port ?? DEFAULT_PORT).catch((error: NodeJS.ErrnoException) => {
      // The usual port is taken (another copy running): any free port will do.
      if (options.port === null && error.code === 'EADDRINUSE') return start(0);
      throw error;
    });
  } catch (error) {
    io.stderr(`jixiao：无法启动本机服务：${(error as Error).message}\n`);
    return EXIT.input;
  }
  if (!isLoopback(options.host)) {
    io.stderr(
      `jixiao：警告：正在监听 ${options.host}，同一网络中知道地址和令牌的任何电脑都能打开和修改你的文档。\n`,
    );
  }
  io.stdout(
    `绩效目标表编辑器已在浏览器版启动（只对本机开放）。请在浏览器中打开：\n\n  ${server.url}\n\n`,
  );
  io.stdout(`文档保存在：${options.documentsDir ?? defaultDocumentsDir()}\n按 Ctrl+C 退出。\n`);
  if (options.open) {
    if (hasDisplay()) openInBrowser(server.url);
    else io.stdout('没有图形界面，无法自动打开浏览器：请在本机的浏览器中打开上面的地址。\n');
  }
  const running = server;
  let forced = false;
  const onInterrupt = () => {
    forced = interrupted;
    if (interrupted || running.openWindows() === 0) return stop();
    interrupted = true;
    io.stdout('正在请浏览器页面处理未保存的修改……（再按一次 Ctrl+C 立即退出）\n');
    running.emit('closeRequested');
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', stop);
  await stopped;
  process.off('SIGINT', onInterrupt);
  process.off('SIGTERM', stop);
  // A second Ctrl+C quits at once: a 是否保存 still open in a tab is not waited for (a save in
  // flight writes a new file and renames it, so cutting it short leaves the old file whole).
  await (forced
    ? Promise.race([running.idle(), new Promise((done) => setTimeout(done, FORCED_WAIT_MS))])
    : running.idle());
  await running.close();
  io.stdout('已退出。\n');
  return EXIT.ok;
}
