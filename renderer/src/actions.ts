import { commandSpec, type CommandId, type CommandSpec } from '../../shared/model';
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
import { setStage } from './stage/stageState';

/** A command's id: the manifest (shared/model/commands.ts) lists each once. */
export type ActionId = CommandId;

/** One user intent: the menu, toolbar, keyboard and context menu all run it by id. */
export interface Action extends CommandSpec {
  id: ActionId;
  isEnabled(state: AppState): boolean;
  run(): Promise<void> | void;
}

const hasDocument = (state: AppState) => state.current !== null;
const always = () => true;

/** The manifest's entry for `id` (label, keys) with what it does here. */
function action(
  id: ActionId,
  run: () => Promise<void> | void,
  isEnabled: (state: AppState) => boolean = hasDocument,
): Action {
  return { ...commandSpec(id), id, isEnabled, run };
}

export const ACTIONS: Record<ActionId, Action> = {
  new: action('new', () => openWith(() => api().newDocument()), always),
  open: action('open', () => openWith(() => api().openDocument()), always),
  import: action('import', startImport, always),
  importPaste: action('importPaste', startPasteImport, always),
  merge: action('merge', () => startImport(true)),
  openSample: action('openSample', () => openWith(() => api().openSample()), always),
  save: action('save', async () => void (await save(false))),
  saveAs: action('saveAs', async () => void (await save(true))),
  exportWord: action('exportWord', () => useAppStore.setState({ exportDialog: 'docx' })),
  exportExcel: action('exportExcel', () => useAppStore.setState({ exportDialog: 'xlsx' })),
  printPreview: action('printPreview', () => useAppStore.setState({ overlay: 'print' })),
  close: action('close', closeDocument),
  undo: action('undo', () => step('undo')),
  redo: action('redo', () => step('redo')),
  cut: action('cut', clipboard.cutToClipboard),
  copy: action('copy', async () => void (await clipboard.copyToClipboard())),
  paste: action('paste', clipboard.pasteFromClipboard),
  find: action('find', () => useAppStore.setState({ find: 'find' })),
  replace: action('replace', () => useAppStore.setState({ find: 'replace' })),
  addUnit: action('addUnit', structure.addUnit),
  addProject: action('addProject', structure.addProject),
  duplicateRow: action('duplicateRow', structure.duplicateRow),
  deleteRow: action('deleteRow', structure.deleteRows),
  moveRowUp: action('moveRowUp', () => structure.moveRow(-1)),
  moveRowDown: action('moveRowDown', () => structure.moveRow(1)),
  addIndicator: action('addIndicator', structure.addIndicator),
  copyAnnualToPeriod: action('copyAnnualToPeriod', () => {
    const row = activeRow();
    if (row?.kind === 'project') commit('copyAnnualToPeriod', { projectId: row.projectId });
    else notify({ kind: 'info', text: zhCN.structure.selectProject });
  }),
  properties: action('properties', () => useAppStore.setState({ overlay: 'properties' })),
  togglePanel: action('togglePanel', togglePanel),
  rollForward: action('rollForward', () => useAppStore.setState({ overlay: 'rollForward' })),
  compareYears: action('compareYears', () => useAppStore.setState({ overlay: 'compare' })),
  stageTarget: action('stageTarget', () => setStage('target')),
  stageMonitoring: action('stageMonitoring', () => setStage('monitoring')),
  stageEvaluation: action('stageEvaluation', () => setStage('evaluation')),
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
      entry.keys !== undefined &&
      entry.keyOwner !== 'browser' &&
      !(entry.keyOwner === 'menu' && HAS_APP_MENU) &&
      entry.keys.some((keys) => matches(event, keys)),
  );
}
