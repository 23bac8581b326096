import { extname } from 'node:path';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../../shared/ipc';

/**
 * Files handed to the app by the system — a double-click, 打开方式, the command line, a second
 * start while the app runs, macOS `open-file` — go through the renderer's own 打开 / 导入 flows:
 * main sends the menu command, and the open dialog that flow asks for is answered with the file
 * instead of being shown. Unsaved work is settled first, exactly as for the menu.
 */
export type OpenPurpose = 'document' | 'import';

export interface FileRequest {
  purpose: OpenPurpose;
  path: string;
}

/** Tables the import flow reads (.pdf included: the importer answers for what it cannot read). */
const IMPORT_SUFFIXES = ['.xlsx', '.xls', '.docx', '.pdf', '.txt', '.tsv', '.csv'];

/** How long a file waits for the renderer's flow to ask for it (the clerk may be deciding). */
export const REQUEST_LIFETIME_MS = 5 * 60 * 1000;

/** What a path given to the app should start, or null for anything that is not a file of ours. */
export function requestForPath(path: string): FileRequest | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return { purpose: 'document', path };
  if (IMPORT_SUFFIXES.includes(extname(lower))) return { purpose: 'import', path };
  return null;
}

/**
 * The files in a command line: not the executable, not switches (Chromium adds its own to a
 * second instance's argv), not the app folder a development start passes; `file://` URLs (as
 * some Linux file managers pass for `%U`) become paths, relative paths resolve against `cwd`.
 */
export function requestsFromArgv(argv: readonly string[], cwd: string): FileRequest[] {
  const requests: FileRequest[] = [];
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-') || argument.trim() === '') continue;
    let path = argument;
    if (/^file:\/\//i.test(argument)) {
      try {
        path = fileURLToPath(argument);
      } catch {
        continue;
      }
    }
    const request = requestForPath(isAbsolute(path) ? path : resolve(cwd, path));
    if (request) requests.push(request);
  }
  return requests;
}

export interface FileRouterOptions {
  /** Sends a menu command to the renderer. */
  send: (command: MenuCommand) => void;
  now?: () => number;
}

/**
 * Holds the file the system gave the app until the renderer's flow asks for it. One file at a
 * time: a newer request replaces an older one that was never picked up.
 */
export class FileRouter {
  private pending: (FileRequest & { at: number }) | null = null;
  private ready = false;
  private readonly send: (command: MenuCommand) => void;
  private readonly now: () => number;

  constructor(options: FileRouterOptions) {
    this.send = options.send;
    this.now = options.now ?? Date.now;
  }

  /** A file to open or import; the renderer is told now, or as soon as it is ready. */
  request(request: FileRequest): void {
    this.pending = { ...request, at: this.now() };
    if (this.ready) this.dispatch();
  }

  /** True while a file waits (the renderer then skips the sample at startup). */
  hasPending(): boolean {
    return this.current() !== null;
  }

  /** The renderer has started and listens for commands. */
  rendererReady(): void {
    this.ready = true;
    if (this.current()) this.dispatch();
  }

  /** The window went away (closed or reloading); commands wait for the next start. */
  rendererGone(): void {
    this.ready = false;
  }

  /**
   * Answers an open dialog: the waiting file when it is for this purpose (once), else null and
   * the dialog is shown as usual.
   */
  take(purpose: OpenPurpose): string | null {
    const waiting = this.current();
    if (!waiting || waiting.purpose !== purpose) return null;
    this.pending = null;
    return waiting.path;
  }

  /** The clerk cancelled the flow (kept the unsaved document): the file is not opened later. */
  drop(): void {
    this.pending = null;
  }

  private current(): FileRequest | null {
    if (this.pending && this.now() - this.pending.at > REQUEST_LIFETIME_MS) this.pending = null;
    return this.pending;
  }

  private dispatch(): void {
    const waiting = this.current();
    if (waiting) this.send(waiting.purpose === 'document' ? 'open' : 'import');
  }
}
