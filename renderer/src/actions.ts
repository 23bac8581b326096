import type { MenuCommand } from '../../shared/ipc';
import { api } from './api';
import { closeDocument, openWith, save } from './documentFiles';
import { step } from './editing';
import * as clipboard from './grid/clipboardActions';
import { activeRow } from './gridModel';
import { startImport, startPasteImport } from './importFlow/importActions';
import { zhCN } from './i18n/zh-CN';
import { notify, useAppStore, type AppState } from './store';
import * as structure from './structureCommands';
import { commit } from './editing';
import { currentRegion, focusGrid } from './focus';

/** Editing commands: the keyboard, toolbar and context menu dispatch them by id. */
export const EDIT_COMMANDS = [
  'cut',
  'copy',
  'paste',
  'addUnit',
  'addProject',
  'duplicateRow',
  'deleteRow',
  'moveRowUp',
  'moveRowDown',
  'addIndicator',
  'copyAnnualToPeriod',
  'properties',
  'togglePanel',
] as const;
export type EditCommand = (typeof EDIT_COMMANDS)[number];
export type ActionId = MenuCommand | EditCommand;

/** One user intent: the menu, toolbar, keyboard and context menu all run it by id. */
export interface Action {
  id: ActionId;
  label: string;
  /** Key combination as shown to the user, e.g. `Ctrl+Shift+Z`; several are `/`-separated. */
  shortcut?: string;
  /** True when Electron's application menu owns the shortcut (so the renderer must not). */
  menuShortcut?: boolean;
  /** True when the browser's own events handle the keys (clipboard): the shortcut is only shown. */
  nativeShortcut?: boolean;
  isEnabled(state: AppState): boolean;
  run(): Promise<void> | void;
}

const hasDocument = (state: AppState) => state.current !== null;
const always = () => true;
const labels = zhCN.actions;

function action(
  id: ActionId,
  run: () => Promise<void> | void,
  extra: Partial<Pick<Action, 'shortcut' | 'menuShortcut' | 'nativeShortcut' | 'isEnabled'>> = {},
): Action {
  return { id, label: labels[id], isEnabled: hasDocument, run, ...extra };
}

export const ACTIONS: Record<ActionId, Action> = {
  new: action('new', () => openWith(() => api().newDocument()), {
    shortcut: 'Ctrl+N',
    menuShortcut: true,
    isEnabled: always,
  }),
  open: action('open', () => openWith(() => api().openDocument()), {
    shortcut: 'Ctrl+O',
    menuShortcut: true,
    isEnabled: always,
  }),
  import: action('import', startImport, {
    shortcut: 'Ctrl+I',
    menuShortcut: true,
    isEnabled: always,
  }),
  importPaste: action('importPaste', startPasteImport, { isEnabled: always }),
  merge: action('merge', () => startImport(true)),
  openSample: action('openSample', () => openWith(() => api().openSample()), { isEnabled: always }),
  save: action('save', async () => void (await save(false)), {
    shortcut: 'Ctrl+S',
    menuShortcut: true,
  }),
  saveAs: action('saveAs', async () => void (await save(true)), {
    shortcut: 'Ctrl+Shift+S',
    menuShortcut: true,
  }),
  exportWord: action('exportWord', () => useAppStore.setState({ exportDialog: 'docx' })),
  exportExcel: action('exportExcel', () => useAppStore.setState({ exportDialog: 'xlsx' })),
  printPreview: action('printPreview', () => useAppStore.setState({ overlay: 'print' }), {
    shortcut: 'Ctrl+P',
    menuShortcut: true,
  }),
  close: action('close', closeDocument, { shortcut: 'Ctrl+W', menuShortcut: true }),
  undo: action('undo', () => step('undo'), { shortcut: 'Ctrl+Z' }),
  redo: action('redo', () => step('redo'), { shortcut: 'Ctrl+Y/Ctrl+Shift+Z' }),
  cut: action('cut', clipboard.cutToClipboard, { shortcut: 'Ctrl+X', nativeShortcut: true }),
  copy: action('copy', async () => void (await clipboard.copyToClipboard()), {
    shortcut: 'Ctrl+C',
    nativeShortcut: true,
  }),
  paste: action('paste', clipboard.pasteFromClipboard, {
    shortcut: 'Ctrl+V',
    nativeShortcut: true,
  }),
  find: action('find', () => useAppStore.setState({ find: 'find' }), { shortcut: 'Ctrl+F' }),
  replace: action('replace', () => useAppStore.setState({ find: 'replace' }), {
    shortcut: 'Ctrl+H',
  }),
  addUnit: action('addUnit', structure.addUnit),
  addProject: action('addProject', structure.addProject, { shortcut: 'Ctrl+Enter' }),
  duplicateRow: action('duplicateRow', structure.duplicateRow, { shortcut: 'Ctrl+D' }),
  deleteRow: action('deleteRow', structure.deleteRows, { shortcut: 'Ctrl+Delete' }),
  moveRowUp: action('moveRowUp', () => structure.moveRow(-1), { shortcut: 'Alt+ArrowUp' }),
  moveRowDown: action('moveRowDown', () => structure.moveRow(1), { shortcut: 'Alt+ArrowDown' }),
  addIndicator: action('addIndicator', structure.addIndicator, { shortcut: 'Ctrl+Shift+Enter' }),
  copyAnnualToPeriod: action('copyAnnualToPeriod', () => {
    const row = activeRow();
    if (row?.kind === 'project') commit('copyAnnualToPeriod', { projectId: row.projectId });
    else notify({ kind: 'info', text: zhCN.structure.selectProject });
  }),
  properties: action('properties', () => useAppStore.setState({ overlay: 'properties' }), {
    shortcut: 'Alt+Enter',
  }),
  togglePanel: action('togglePanel', togglePanel, { shortcut: 'Ctrl+J' }),
  rollForward: action('rollForward', () => useAppStore.setState({ overlay: 'rollForward' })),
  compareYears: action('compareYears', () => useAppStore.setState({ overlay: 'compare' })),
  toggleFindings: action('toggleFindings', () =>
    useAppStore.setState((state) => ({ findingsOpen: !state.findingsOpen })),
  ),
};

/** 项目详情 on and off; closing it while a field there has the focus returns to the grid. */
function togglePanel(): void {
  const open = !useAppStore.getState().panelOpen;
  if (!open && currentRegion() === 'panel') focusGrid();
  useAppStore.setState({ panelOpen: open });
}

/** Runs an action by id when it is enabled. */
export async function runAction(id: ActionId): Promise<void> {
  const entry = ACTIONS[id];
  if (!entry.isEnabled(useAppStore.getState())) return;
  try {
    await entry.run();
  } catch (error) {
    notify({ kind: 'error', text: `${entry.label}失败：${(error as Error).message}` });
  }
}

/** True inside Electron, whose application menu already binds the file shortcuts. */
const HAS_APP_MENU = typeof navigator !== 'undefined' && /\bElectron\//.test(navigator.userAgent);

function matches(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const want = {
    ctrl: parts.includes('Ctrl'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
  };
  if ((event.ctrlKey || event.metaKey) !== want.ctrl) return false;
  if (event.shiftKey !== want.shift || event.altKey !== want.alt) return false;
  return event.key.length === 1 ? event.key.toUpperCase() === key.toUpperCase() : event.key === key;
}

/** The action a key press runs, if any (never during an IME composition). */
export function actionForKey(event: KeyboardEvent): Action | undefined {
  if (event.isComposing || event.keyCode === 229) return undefined;
  return Object.values(ACTIONS).find(
    (entry) =>
      entry.shortcut !== undefined &&
      !entry.nativeShortcut &&
      !(entry.menuShortcut && HAS_APP_MENU) &&
      entry.shortcut.split('/').some((shortcut) => matches(event, shortcut)),
  );
}
