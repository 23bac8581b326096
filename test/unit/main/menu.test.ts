/**
 * The application menu built from the command manifest (shared/model/commands.ts) against a
 * scripted Electron: the clerk sees the same menus, labels and keys as the menu written out by
 * hand did, and each item sends its command's id to the renderer.
 */
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS, MENU_COMMANDS } from '../../../shared/ipc';
import { COMMANDS } from '../../../shared/model';

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
}));

const { buildMenu } = await import('../../../electron/main/menu');

/** The menu as electron/main/menu.ts wrote it out before the manifest (click: the id sent). */
const BEFORE = [
  {
    label: '文件(&F)',
    submenu: [
      { label: '新建', command: 'new', accelerator: 'CmdOrCtrl+N' },
      { label: '打开…', command: 'open', accelerator: 'CmdOrCtrl+O' },
      { label: '导入往年表格…', command: 'import', accelerator: 'CmdOrCtrl+I' },
      { label: '粘贴表格导入…', command: 'importPaste' },
      { label: '合并同事的文件…', command: 'merge' },
      { label: '新建下一年度…', command: 'rollForward' },
      { label: '与上年对比…', command: 'compareYears' },
      { label: '打开示例', command: 'openSample' },
      { type: 'separator' },
      { label: '保存', command: 'save', accelerator: 'CmdOrCtrl+S' },
      { label: '另存为…', command: 'saveAs', accelerator: 'CmdOrCtrl+Shift+S' },
      { type: 'separator' },
      { label: '导出 Word…', command: 'exportWord' },
      { label: '导出 Excel…', command: 'exportExcel' },
      { label: '打印预览…', command: 'printPreview', accelerator: 'CmdOrCtrl+P' },
      { type: 'separator' },
      { label: '关闭文档', command: 'close', accelerator: 'CmdOrCtrl+W' },
      { role: 'quit', label: '退出' },
    ],
  },
  {
    label: '编辑(&E)',
    submenu: [
      { label: '撤销', command: 'undo', accelerator: 'CmdOrCtrl+Z', registerAccelerator: false },
      { label: '重做', command: 'redo', accelerator: 'CmdOrCtrl+Y', registerAccelerator: false },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
      { type: 'separator' },
      { label: '查找…', command: 'find', accelerator: 'CmdOrCtrl+F', registerAccelerator: false },
      {
        label: '替换…',
        command: 'replace',
        accelerator: 'CmdOrCtrl+H',
        registerAccelerator: false,
      },
      { type: 'separator' },
      {
        label: '文档属性…',
        command: 'properties',
        accelerator: 'Alt+Enter',
        registerAccelerator: false,
      },
      {
        label: '项目详情',
        command: 'togglePanel',
        accelerator: 'CmdOrCtrl+J',
        registerAccelerator: false,
      },
      { label: '提交前检查', command: 'toggleFindings' },
    ],
  },
  {
    label: '视图(&V)',
    submenu: [
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
    ],
  },
  { label: '帮助(&H)', submenu: [{ role: 'about', label: '关于绩效目标表编辑器' }] },
];

function built() {
  const sent: unknown[][] = [];
  const window = {
    webContents: { send: (...args: unknown[]) => sent.push(args) },
  } as unknown as BrowserWindow;
  const menu = buildMenu(window, '绩效目标表编辑器') as unknown as {
    template: MenuItemConstructorOptions[];
  };
  return { template: menu.template, sent };
}

/** Each item as the clerk sees it, a click replaced by the id it sends. */
function seen(template: MenuItemConstructorOptions[], sent: unknown[][]) {
  return template.map(({ submenu, ...menu }) => ({
    ...menu,
    submenu: (submenu as MenuItemConstructorOptions[]).map(({ click, ...item }) => {
      if (!click) return item;
      sent.length = 0;
      (click as () => void)();
      expect(sent).toHaveLength(1);
      expect(sent[0]?.[0]).toBe(EVENT_CHANNELS.menuCommand);
      return { ...item, command: sent[0]?.[1] };
    }),
  }));
}

describe('the application menu from the command manifest', () => {
  it('shows the same menus, labels and keys as before, and each item sends its id', () => {
    const { template, sent } = built();
    expect(seen(template, sent)).toEqual(BEFORE);
  });

  it('sends exactly the commands the preload lets through, each from one item', () => {
    const { template, sent } = built();
    const commands = seen(template, sent).flatMap((menu) =>
      menu.submenu.flatMap((item) => ('command' in item ? [item.command] : [])),
    );
    expect([...commands].sort()).toEqual([...MENU_COMMANDS].sort());
    expect(new Set(commands).size).toBe(commands.length);
  });

  it('takes the keys of menu-owned commands and only shows the renderer’s', () => {
    const { template } = built();
    for (const item of template.flatMap((menu) => menu.submenu as MenuItemConstructorOptions[])) {
      if (!item.accelerator) continue;
      const spec = Object.values(COMMANDS).find(
        (command) => ('menuLabel' in command ? command.menuLabel : command.label) === item.label,
      );
      expect(spec, item.label).toBeDefined();
      expect(item.registerAccelerator !== false, item.label).toBe(
        spec !== undefined && 'keyOwner' in spec && spec.keyOwner === 'menu',
      );
    }
  });
});
