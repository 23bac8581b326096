/**
 * The renderer's command registry against the command manifest (shared/model/commands.ts): every
 * command the menu sends is one the renderer runs, every command is offered somewhere, and the keys
 * the renderer answers to are the manifest's, in the browser shell and inside Electron (whose menu
 * takes the file commands' keys).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../shared/ipc';
import type * as Registry from '../../../renderer/src/commands';
import { APP_MENU, COMMANDS, commandSpec, type CommandId } from '../../../shared/model';

/** The registry as a page loads it, in a browser or in Electron (by the user agent). */
async function registry(userAgent: string): Promise<typeof Registry> {
  vi.resetModules();
  vi.stubGlobal('navigator', { userAgent });
  return import('../../../renderer/src/commands');
}

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/138.0.0.0 Safari/537.36';
const ELECTRON = `${BROWSER.replace(' Safari', ' jixiao/1.0.0 Electron/38.0.0 Safari')}`;

/** A key press as the browser reports it for `keys` (`Ctrl+Shift+S`, `Alt+ArrowUp`). */
function press(keys: string): KeyboardEvent {
  const parts = keys.split('+');
  const key = parts.at(-1) ?? '';
  return {
    key: key.length === 1 && !parts.includes('Shift') ? key.toLowerCase() : key,
    ctrlKey: parts.includes('Ctrl'),
    metaKey: false,
    shiftKey: parts.includes('Shift'),
    altKey: parts.includes('Alt'),
    isComposing: false,
    keyCode: 0,
  } as KeyboardEvent;
}

const ids = Object.keys(COMMANDS) as CommandId[];

afterEach(() => vi.unstubAllGlobals());

describe('the renderer runs the manifest’s commands', () => {
  it('has one entry for each command, with the manifest’s label and keys', async () => {
    const { REGISTRY } = await registry(BROWSER);
    expect(Object.keys(REGISTRY).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const spec = commandSpec(id);
      expect(REGISTRY[id].id).toBe(id);
      expect(REGISTRY[id].label).toBe(spec.label);
      expect(REGISTRY[id].keys).toEqual(spec.keys);
      expect(REGISTRY[id].keyOwner).toBe(spec.keyOwner);
    }
  });

  it('runs every command the menu sends', async () => {
    const { REGISTRY } = await registry(BROWSER);
    expect(MENU_COMMANDS.length).toBeGreaterThan(15);
    for (const id of MENU_COMMANDS) expect(typeof REGISTRY[id]?.run, id).toBe('function');
  });

  it('offers every command: in the menu, on the toolbar, in the context menu or by its keys', async () => {
    await registry(BROWSER);
    const { TOOLBAR, MORE } = await import('../../../renderer/src/components/Toolbar');
    const { CONTEXT_ITEMS } = await import('../../../renderer/src/components/ContextMenu');
    const offered = new Set<string>([
      ...APP_MENU.flatMap((menu) => menu.items.filter((item) => typeof item === 'string')),
      ...TOOLBAR,
      ...MORE,
      'close', // the toolbar's last button
      ...CONTEXT_ITEMS,
      ...ids.filter((id) => commandSpec(id).keys !== undefined),
    ]);
    expect(ids.filter((id) => !offered.has(id))).toEqual([]);
  });
});

describe('the keys the renderer answers to are the manifest’s', () => {
  it('in the browser shell: every key of every command but the clipboard’s', async () => {
    const { commandForKey } = await registry(BROWSER);
    for (const id of ids) {
      const spec = commandSpec(id);
      for (const keys of spec.keys ?? []) {
        const expected = spec.keyOwner === 'browser' ? undefined : id;
        expect(commandForKey(press(keys))?.id, `${id} ${keys}`).toBe(expected);
      }
    }
  });

  it('inside Electron: the menu takes its commands’ keys, the renderer the rest', async () => {
    const { commandForKey } = await registry(ELECTRON);
    const answered: string[] = [];
    for (const id of ids) {
      const spec = commandSpec(id);
      for (const keys of spec.keys ?? []) {
        const expected =
          spec.keyOwner === undefined || spec.keyOwner === 'renderer' ? id : undefined;
        expect(commandForKey(press(keys))?.id, `${id} ${keys}`).toBe(expected);
        if (expected) answered.push(keys);
      }
    }
    expect(answered).toEqual(expect.arrayContaining(['Ctrl+Z', 'Ctrl+Shift+Z', 'Alt+Enter']));
    expect(answered).not.toContain('Ctrl+S');
  });

  it('answers no key that the manifest does not list, and none while an IME composes', async () => {
    const { commandForKey } = await registry(BROWSER);
    expect(commandForKey(press('Ctrl+K'))).toBeUndefined();
    expect(commandForKey(press('Z'))).toBeUndefined();
    expect(
      commandForKey({ ...press('Ctrl+Z'), isComposing: true } as KeyboardEvent),
    ).toBeUndefined();
  });
});
