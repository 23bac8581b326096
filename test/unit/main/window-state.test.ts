import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const userData = mkdtempSync(join(tmpdir(), 'jixiao-window-'));
const workArea = { x: 0, y: 0, width: 1366, height: 728 };
const created: Array<{ options: Record<string, number>; window: FakeWindow }> = [];

class FakeWindow {
  private readonly listeners = new Map<string, () => void>();
  bounds: { x: number; y: number; width: number; height: number };
  maximized = false;
  webContents = {
    on: vi.fn(),
    setWindowOpenHandler: vi.fn(),
    session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
  };
  constructor(options: Record<string, number>) {
    this.bounds = { x: options.x!, y: options.y!, width: options.width!, height: options.height! };
    created.push({ options, window: this });
  }
  on(name: string, listener: () => void) {
    this.listeners.set(name, listener);
  }
  once() {}
  loadURL() {
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return this.bounds;
  }
  emit(name: string) {
    this.listeners.get(name)?.();
  }
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  shell: { openExternal: vi.fn() },
  app: { getPath: () => userData },
  screen: {
    getPrimaryDisplay: () => ({ workArea }),
    getAllDisplays: () => [{ workArea }],
  },
}));

const { createMainWindow } = await import('../../../electron/main/window');

describe('the main window', () => {
  it('first opens inside a 1366×768 screen, then reopens at the size and place it was closed', () => {
    createMainWindow('preload.cjs', 'x');
    const first = created[0]!;
    expect(first.options.width).toBeLessThanOrEqual(1366);
    expect(first.options.height).toBeLessThanOrEqual(728);
    expect(first.options.x).toBeGreaterThanOrEqual(0);

    first.window.bounds = { x: 40, y: 20, width: 1200, height: 700 };
    first.window.emit('close');
    createMainWindow('preload.cjs', 'x');
    expect(created[1]!.options).toMatchObject({ x: 40, y: 20, width: 1200, height: 700 });
  });

  it('ignores a saved place that no attached screen shows any more', () => {
    const last = created.at(-1)!;
    last.window.bounds = { x: 5000, y: 3000, width: 1200, height: 700 };
    last.window.emit('close');
    createMainWindow('preload.cjs', 'x');
    const next = created.at(-1)!.options;
    expect(next.x).toBeLessThan(1366);
    expect(next.width).toBeLessThanOrEqual(1366);
  });
});
