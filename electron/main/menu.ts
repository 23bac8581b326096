import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNELS, type MenuCommand } from '../../shared/ipc';

function send(window: BrowserWindow, command: MenuCommand): void {
  window.webContents.send(EVENT_CHANNELS.menuCommand, command);
}

/** The Chinese application menu; document commands are dispatched by id in the renderer. */
export function buildMenu(window: BrowserWindow, appName: string): Menu {
  const item = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(window, command),
  });
  /**
   * A command whose keys the renderer handles (a text field keeps Ctrl+Z for itself, the grid's
   * editor Alt+Enter): the menu shows the shortcut without taking the keys.
   */
  const shown = (label: string, command: MenuCommand, accelerator: string) => ({
    ...item(label, command, accelerator),
    registerAccelerator: false,
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        item('新建', 'new', 'CmdOrCtrl+N'),
        item('打开…', 'open', 'CmdOrCtrl+O'),
        item('导入往年表格…', 'import', 'CmdOrCtrl+I'),
        item('粘贴表格导入…', 'importPaste'),
        item('合并同事的文件…', 'merge'),
        item('新建下一年度…', 'rollForward'),
        item('与上年对比…', 'compareYears'),
        item('打开示例', 'openSample'),
        { type: 'separator' },
        item('保存', 'save', 'CmdOrCtrl+S'),
        item('另存为…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        item('导出 Word…', 'exportWord'),
        item('导出 Excel…', 'exportExcel'),
        item('打印预览…', 'printPreview', 'CmdOrCtrl+P'),
        { type: 'separator' },
        item('关闭文档', 'close', 'CmdOrCtrl+W'),
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        shown('撤销', 'undo', 'CmdOrCtrl+Z'),
        shown('重做', 'redo', 'CmdOrCtrl+Y'),
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
        { type: 'separator' },
        shown('查找…', 'find', 'CmdOrCtrl+F'),
        shown('替换…', 'replace', 'CmdOrCtrl+H'),
        { type: 'separator' },
        shown('文档属性…', 'properties', 'Alt+Enter'),
        shown('项目详情', 'togglePanel', 'CmdOrCtrl+J'),
        item('提交前检查', 'toggleFindings'),
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
    {
      label: '帮助(&H)',
      submenu: [{ role: 'about', label: `关于${appName}` }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
