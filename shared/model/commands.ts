/**
 * The editor's commands, each written once: its id, its Chinese label, its keys and its place in
 * the application menu. Electron's menu (electron/main/menu.ts) is built from `APP_MENU`; the
 * renderer's command registry (renderer/src/commands.ts) takes labels and keys from `COMMANDS`
 * and runs each command by id, whether a key, a button or a menu item asked for it.
 *
 * Plain data with no imports: shared/ipc/channels.ts takes `MENU_COMMANDS` from here, so the
 * sandboxed preload bundles this file.
 */

/** Who handles a command's keys. */
export type KeyOwner =
  /** Electron's menu registers them; inside Electron the renderer leaves them alone. */
  | 'menu'
  /** The renderer's key listener (a text field keeps Ctrl+Z for itself); the menu only shows them. */
  | 'renderer'
  /** The browser's own events (the clipboard's Ctrl+X/C/V): the keys are only shown. */
  | 'browser';

export interface CommandSpec {
  /** The label on buttons, the toolbar, 更多 and the context menu. */
  readonly label: string;
  /** The menu's label where it says more than the buttons (关闭文档 for 关闭). */
  readonly menuLabel?: string;
  /**
   * Key combinations as the clerk reads them (`Ctrl+Shift+S`, `Alt+ArrowUp`); the first is the
   * one shown. `Ctrl` is Ctrl or ⌘.
   */
  readonly keys?: readonly string[];
  /** Who handles `keys`; 'renderer' when not said. */
  readonly keyOwner?: KeyOwner;
  /** In the menu, Electron's own role runs the command (the clipboard), not the renderer. */
  readonly menuRole?: 'cut' | 'copy' | 'paste';
}

export const COMMANDS = {
  new: { label: '新建', keys: ['Ctrl+N'], keyOwner: 'menu' },
  open: { label: '打开…', keys: ['Ctrl+O'], keyOwner: 'menu' },
  import: { label: '导入往年表格…', keys: ['Ctrl+I'], keyOwner: 'menu' },
  importPaste: { label: '粘贴表格导入…' },
  merge: { label: '合并同事的文件…' },
  rollForward: { label: '新建下一年度…' },
  compareYears: { label: '与上年对比…' },
  openSample: { label: '打开示例' },
  save: { label: '保存', keys: ['Ctrl+S'], keyOwner: 'menu' },
  saveAs: { label: '另存为…', keys: ['Ctrl+Shift+S'], keyOwner: 'menu' },
  exportWord: { label: '导出 Word…' },
  exportExcel: { label: '导出 Excel…' },
  printPreview: { label: '打印预览…', keys: ['Ctrl+P'], keyOwner: 'menu' },
  close: { label: '关闭', menuLabel: '关闭文档', keys: ['Ctrl+W'], keyOwner: 'menu' },
  undo: { label: '撤销', keys: ['Ctrl+Z'] },
  redo: { label: '重做', keys: ['Ctrl+Y', 'Ctrl+Shift+Z'] },
  cut: { label: '剪切', keys: ['Ctrl+X'], keyOwner: 'browser', menuRole: 'cut' },
  copy: { label: '复制', keys: ['Ctrl+C'], keyOwner: 'browser', menuRole: 'copy' },
  paste: { label: '粘贴', keys: ['Ctrl+V'], keyOwner: 'browser', menuRole: 'paste' },
  find: { label: '查找', menuLabel: '查找…', keys: ['Ctrl+F'] },
  replace: { label: '替换', menuLabel: '替换…', keys: ['Ctrl+H'] },
  properties: { label: '文档属性…', keys: ['Alt+Enter'] },
  togglePanel: { label: '项目详情', keys: ['Ctrl+J'] },
  toggleFindings: { label: '检查', menuLabel: '提交前检查' },
  addUnit: { label: '新增单位' },
  addProject: { label: '新增项目', keys: ['Ctrl+Enter'] },
  duplicateRow: { label: '复制行', keys: ['Ctrl+D'] },
  deleteRow: { label: '删除行', keys: ['Ctrl+Delete'] },
  moveRowUp: { label: '上移', keys: ['Alt+ArrowUp'] },
  moveRowDown: { label: '下移', keys: ['Alt+ArrowDown'] },
  addIndicator: { label: '新增指标', keys: ['Ctrl+Shift+Enter'] },
  copyAnnualToPeriod: { label: '年度值复制到实施周期' },
  stageTarget: { label: '目标', keys: ['Alt+1'] },
  stageMonitoring: { label: '监控', keys: ['Alt+2'] },
  stageEvaluation: { label: '自评', keys: ['Alt+3'] },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

/** One of Electron's own menu items that is no command of ours (退出, 放大, 关于 …). */
export interface MenuRoleItem {
  readonly role:
    'quit' | 'selectAll' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'about';
  readonly label: string;
  /** The application's name follows the label (关于绩效目标表编辑器). */
  readonly withAppName?: true;
}

/** A menu's entry: a command by id, a separator, or one of Electron's own items. */
export type MenuEntry = CommandId | '-' | MenuRoleItem;

export interface AppMenu {
  /** The menu's title with its Alt access key (`文件(&F)`). */
  readonly label: string;
  readonly items: readonly MenuEntry[];
}

/** The application menu, top to bottom: where each command sits. */
export const APP_MENU = [
  {
    label: '文件(&F)',
    items: [
      'new',
      'open',
      'import',
      'importPaste',
      'merge',
      'rollForward',
      'compareYears',
      'openSample',
      '-',
      'save',
      'saveAs',
      '-',
      'exportWord',
      'exportExcel',
      'printPreview',
      '-',
      'close',
      { role: 'quit', label: '退出' },
    ],
  },
  {
    label: '编辑(&E)',
    items: [
      'undo',
      'redo',
      '-',
      'cut',
      'copy',
      'paste',
      { role: 'selectAll', label: '全选' },
      '-',
      'find',
      'replace',
      '-',
      'properties',
      'togglePanel',
      'toggleFindings',
    ],
  },
  {
    label: '视图(&V)',
    items: [
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      '-',
      { role: 'togglefullscreen', label: '全屏' },
    ],
  },
  {
    label: '帮助(&H)',
    items: [{ role: 'about', label: '关于', withAppName: true }],
  },
] as const satisfies readonly AppMenu[];

type Placed = Extract<(typeof APP_MENU)[number]['items'][number], CommandId>;
type RunByRole = {
  [K in CommandId]: (typeof COMMANDS)[K] extends { menuRole: string } ? K : never;
}[CommandId];

/** A command the menu sends to the renderer by id (the clipboard's run by Electron's roles). */
export type MenuCommand = Exclude<Placed, RunByRole>;

function isMenuCommand(entry: MenuEntry): entry is MenuCommand {
  return typeof entry === 'string' && entry !== '-' && !('menuRole' in COMMANDS[entry]);
}

/** Every command the menu sends, in menu order; the preload passes on no other id. */
export const MENU_COMMANDS: readonly MenuCommand[] = APP_MENU.flatMap(
  (menu): readonly MenuEntry[] => menu.items,
).filter(isMenuCommand);

/** A command's label, its keys and who handles them, read through the wide type. */
export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS[id];
}

/** The command's first key combination as menus print it (`Ctrl+Shift+S`, `Alt+↑`), or ''. */
export function shortcutHint(id: CommandId): string {
  return (commandSpec(id).keys?.[0] ?? '').replace('ArrowUp', '↑').replace('ArrowDown', '↓');
}

const ACCELERATOR_PARTS: Readonly<Record<string, string>> = {
  Ctrl: 'CmdOrCtrl',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
};

/** A key combination as Electron's accelerator (`CmdOrCtrl+Shift+S`, `Alt+Up`). */
export function menuAccelerator(keys: string): string {
  return keys
    .split('+')
    .map((part) => ACCELERATOR_PARTS[part] ?? part)
    .join('+');
}
