import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  EVENT_CHANNELS,
  FILE_DROPPED_CHANNEL,
  INVOKE_CHANNELS,
  MENU_COMMANDS,
} from '../../../shared/ipc/channels';

const ROOT = join(import.meta.dirname, '../../..');
const PRELOAD = join(ROOT, 'out/preload/index.cjs');

describe('built preload (npm test builds first)', () => {
  it('is one CommonJS file that requires nothing but electron', () => {
    expect(existsSync(PRELOAD), 'run npm run build first').toBe(true);
    const code = readFileSync(PRELOAD, 'utf8');
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map(
      (match) => match[1],
    );
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bexport\s+(const|function|default|\{)/);
  });

  it('exposes exactly the channel list as named functions on window.jixiao', async () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
    const invoked: Array<[string, unknown]> = [];
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: never) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (channel: string, argument: unknown) => invoked.push([channel, argument]),
        send: (...args: unknown[]) => sent.push(args),
        on: () => undefined,
        removeListener: () => undefined,
      },
      webUtils: { getPathForFile: (file: { name: string }) => `/home/kj/${file.name}` },
    };
    const module = { exports: {} };
    const listeners = new Map<string, (event: unknown) => void>();
    runInNewContext(code, {
      require: (name: string) => {
        if (name !== 'electron') throw new Error(`unexpected require ${name}`);
        return electron;
      },
      module,
      exports: module.exports,
      // The page's window, as a sandboxed preload sees it.
      addEventListener: (type: string, listener: (event: unknown) => void) =>
        listeners.set(type, listener),
      document: { querySelector: () => null },
    });
    const api = exposed.jixiao;
    expect(api).toBeDefined();
    expect(Object.keys(api ?? {}).sort()).toEqual(
      [
        ...Object.keys(INVOKE_CHANNELS),
        'onMenuCommand',
        'onCloseRequested',
        'onImportProgress',
      ].sort(),
    );
    await api?.openRecent?.({ recentId: 'abc' });
    expect(invoked).toEqual([[INVOKE_CHANNELS.openRecent, { recentId: 'abc' }]]);
    expect(Object.isFrozen(api)).toBe(true);
    // A file dropped on the window goes to main by its path, not through window.jixiao.
    listeners.get('drop')?.({
      dataTransfer: { types: ['Files'], files: [{ name: '表.xlsx' }] },
      defaultPrevented: false,
      preventDefault: () => undefined,
    });
    expect(sent).toEqual([[FILE_DROPPED_CHANNEL, '/home/kj/表.xlsx']]);
  });

  it('passes on the menu commands of the manifest and nothing else', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    const exposed: Record<string, Record<string, (...args: unknown[]) => unknown>> = {};
    const handlers = new Map<string, (event: unknown, payload: unknown) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: never) => (exposed[key] = value) },
      ipcRenderer: {
        invoke: async () => undefined,
        send: () => undefined,
        on: (channel: string, handler: (event: unknown, payload: unknown) => void) =>
          handlers.set(channel, handler),
        removeListener: () => undefined,
      },
      webUtils: { getPathForFile: () => '' },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: () => electron,
      module,
      exports: module.exports,
      addEventListener: () => undefined,
      document: { querySelector: () => null },
    });
    const received: unknown[] = [];
    exposed.jixiao?.onMenuCommand?.((command: unknown) => received.push(command));
    const handler = handlers.get(EVENT_CHANNELS.menuCommand);
    for (const command of [...MENU_COMMANDS, 'cut', 'addProject', 'bogus', null]) {
      handler?.({}, command);
    }
    expect(received).toEqual([...MENU_COMMANDS]);
    expect(received).toEqual(expect.arrayContaining(['new', 'save', 'toggleFindings']));
  });
});
