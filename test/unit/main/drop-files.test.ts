/**
 * Files dropped on the Electron window: the preload forwards the dropped file's path (from
 * webUtils, Electron ≥ 32 has no File.path) and main routes it into the renderer's own 打开 / 导入
 * flow, like a double-clicked file. Electron is mocked; the router is the real one.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FILE_DROPPED_CHANNEL, type MenuCommand } from '../../../shared/ipc';

const electron = vi.hoisted(() => ({
  sent: [] as unknown[][],
  paths: new Map<unknown, string>(),
}));

vi.mock('electron', () => {
  const module = {
    ipcRenderer: { send: (...args: unknown[]) => electron.sent.push(args) },
    webUtils: { getPathForFile: (file: unknown) => electron.paths.get(file) ?? '' },
  };
  return { ...module, default: module };
});

const { forwardDroppedFiles } = await import('../../../electron/preload/dropFiles');
const { registerDroppedFiles, requestForDrop } = await import('../../../electron/main/dropFiles');
const { FileRouter } = await import('../../../electron/main/openFiles');

type Listener = (event: unknown) => void;

/** A window with a drop target; `modal` stands for an open dialog. */
function page() {
  const listeners = new Map<string, Listener>();
  const state = { modal: false };
  forwardDroppedFiles({
    addEventListener: (type, listener) => listeners.set(type, listener as Listener),
    document: { querySelector: () => (state.modal ? {} : null) },
  });
  const fire = (type: 'dragover' | 'drop', files: unknown[], handled = false) => {
    const event = {
      dataTransfer: { types: files.length > 0 ? ['Files'] : ['text/plain'], files },
      defaultPrevented: handled,
      preventDefault: vi.fn(),
    };
    listeners.get(type)?.(event);
    return event;
  };
  return { state, fire };
}

describe('the preload forwards a dropped file', () => {
  beforeEach(() => {
    electron.sent.length = 0;
    electron.paths.clear();
  });

  it('sends the path of the first dropped file to main and keeps the window from navigating', () => {
    const { fire } = page();
    const table = { name: '2025年公开表.pdf' };
    electron.paths.set(table, 'C:\\Users\\kj\\Desktop\\2025年公开表.pdf');
    expect(fire('dragover', [table]).preventDefault).toHaveBeenCalled();
    expect(fire('drop', [table, { name: 'b.xlsx' }]).preventDefault).toHaveBeenCalled();
    expect(electron.sent).toEqual([
      [FILE_DROPPED_CHANNEL, 'C:\\Users\\kj\\Desktop\\2025年公开表.pdf'],
    ]);
  });

  it('leaves drops the page handled (a row moved), text drags, open dialogs and path-less files', () => {
    const { state, fire } = page();
    const file = { name: 'a.xlsx' };
    electron.paths.set(file, '/home/kj/a.xlsx');
    expect(fire('dragover', []).preventDefault).not.toHaveBeenCalled();
    fire('drop', []);
    fire('drop', [file], true);
    state.modal = true;
    fire('drop', [file]);
    state.modal = false;
    fire('drop', [{ name: 'from-a-browser.xlsx' }]);
    expect(electron.sent).toEqual([]);
  });
});

describe('main routes a dropped file like a double-clicked one', () => {
  function setUp() {
    let handler: ((event: unknown, path: unknown) => void) | undefined;
    const ipcMain = {
      on: (channel: string, listener: typeof handler) => {
        expect(channel).toBe(FILE_DROPPED_CHANNEL);
        handler = listener;
      },
    };
    const commands: MenuCommand[] = [];
    const router = new FileRouter({ send: (command) => commands.push(command) });
    router.rendererReady();
    registerDroppedFiles(ipcMain as never, router);
    const mainFrame = { url: 'app://jixiao/index.html' };
    const drop = (path: unknown, frame: { url: string } | null = mainFrame) =>
      handler?.({ senderFrame: frame, sender: { mainFrame } }, path);
    return { commands, router, drop };
  }

  it('opens a document and imports a table, answering the flow’s dialog with the file', () => {
    const { commands, router, drop } = setUp();
    drop('/home/kj/文档/2026年.jixiao.json');
    expect(commands).toEqual(['open']);
    expect(router.take('document')).toBe('/home/kj/文档/2026年.jixiao.json');
    for (const table of ['a.xlsx', 'a.xls', 'a.docx', 'a.pdf', 'a.txt', 'a.csv']) {
      drop(`/home/kj/下载/${table}`);
      expect(router.take('import'), table).toBe(`/home/kj/下载/${table}`);
    }
    expect(commands.slice(1)).toEqual(Array(6).fill('import'));
  });

  it('sends any other file to 导入, whose importer explains what it cannot read', () => {
    expect(requestForDrop('/home/kj/照片.png')).toEqual({
      purpose: 'import',
      path: '/home/kj/照片.png',
    });
  });

  it('hears only the app’s own main frame, and only absolute paths', () => {
    const { commands, router, drop } = setUp();
    // A sub frame of the app's page, another origin, no frame.
    drop('/home/kj/a.xlsx', { url: 'app://jixiao/index.html' });
    drop('/home/kj/a.xlsx', { url: 'https://example.com/' });
    drop('/home/kj/a.xlsx', null);
    drop('a.xlsx');
    drop({ path: '/home/kj/a.xlsx' });
    drop('/home/kj/a\0.xlsx');
    expect(commands).toEqual([]);
    expect(router.hasPending()).toBe(false);
  });
});
