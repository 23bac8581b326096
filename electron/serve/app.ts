import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../host/handlers';
import { createBrowserDialogs, createBrowserPrinter } from './browserPorts';
import { PrintPages } from './printPages';
import { startServeServer, type ServeServer } from './server';

export const APP_NAME = '绩效目标表编辑器';

/**
 * The folder Electron calls userData, so both shells share settings, recent files and the
 * recovery folder: %APPDATA%, ~/Library/Application Support or ~/.config, plus the app's name.
 */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData/Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library/Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** Where the browser shell keeps documents: 文档/绩效目标表 in the user's documents folder. */
export function defaultDocumentsDir(home = homedir()): string {
  const documents = [join(home, 'Documents'), join(home, '文档')].find((dir) => existsSync(dir));
  return join(documents ?? home, '绩效目标表');
}

export interface ServeAppOptions {
  rendererDir: string;
  clientScript: string;
  samplePath: string;
  version: string;
  userDataDir: string;
  documentsDir: string;
  host?: string;
  port?: number;
  allowRemote?: boolean;
  /** Called when the last page closed its window after settling its unsaved work. */
  onWindowClosed?: () => void;
  /** A page's socket closed (the tab was closed or reloaded). */
  onPageGone?: () => void;
  onError?: (error: unknown) => void;
}

/** `jixiao serve`: the host handlers with the browser's dialogs and printing, behind the server. */
export async function startServeApp(options: ServeAppOptions): Promise<ServeServer> {
  const printPages = new PrintPages();
  let server: ServeServer | null = null;
  const handlers = createHandlers({
    dialogs: createBrowserDialogs({
      documentsDir: options.documentsDir,
      stagingDir: join(options.userDataDir, 'serve-temp'),
      printPages,
    }),
    printer: createBrowserPrinter(printPages),
    window: {
      close() {
        if (server?.windowClosed() ?? true) options.onWindowClosed?.();
      },
    },
    clock: { now: () => new Date() },
    config: {
      appName: APP_NAME,
      version: options.version,
      platform: process.platform,
      userDataDir: options.userDataDir,
      samplePath: options.samplePath,
    },
  });
  server = await startServeServer({
    rendererDir: options.rendererDir,
    clientScript: options.clientScript,
    handlers: () => handlers,
    host: options.host,
    port: options.port,
    allowRemote: options.allowRemote,
    printPages,
    onPageGone: options.onPageGone,
    onError: options.onError,
  });
  return server;
}
