import { commandSpec, type CommandId, type CommandSpec } from '../../shared/model';
import { api } from './api';
import { closeDocument, openWith, save } from './documentFiles';
import { commit, undoRedo } from './editing';
import * as clipboard from './grid/menuClipboard';
import { activeRow } from './grid/gridModel';
import { startImport, startPasteImport } from './importFlow/importActions';
import { zhCN } from './i18n/zh-CN';
import { notify, useAppStore, type AppState } from './store';
import * as structure from './structureEdits';
import { currentRegion, focusGrid } from './focus';
import { setStage } from './stage/stageState';
import { settlePendingEdits } from './pendingEdits';

/**
 * The renderer's command registry: what each command of the manifest (shared/model/commands.ts,
 * which gives its label and keys) does here, and when it can run. The menu, the toolbar, the
 * keyboard and the context menu all run a command by its id. (A command may commit document
 * actions, shared/edit/actions.ts, which are the undoable edits.)
 */

export type { CommandId };

/** One user intent: the manifest's entry with what it does and when. */
export interface Command extends CommandSpec {
  id: CommandId;
  isEnabled(state: AppState): boolean;
  run(): Promise<void> | void;
}

const hasDocument = (state: AppState) => state.current !== null;
const always = () => true;

/** The manifest's entry for `id` (label, keys) with what it does here. */
function command(
  id: CommandId,
  run: () => Promise<void> | void,
  isEnabled: (state: AppState) => boolean = hasDocument,
): Command {
  return { ...commandSpec(id), id, isEnabled, run };
}

export const REGISTRY: Record<CommandId, Command> = {
  new: command('new', () => openWith(() => api().newDocument()), always),
  open: command('open', () => openWith(() => api().openDocument()), always),
  import: command('import', startImport, always),
  importPaste: command('importPaste', startPasteImport, always),
  merge: command('merge', () => startImport(true)),
  openSample: command('openSample', () => openWith(() => api().openSample()), always),
  save: command('save', async () => void (await save(false))),
  saveAs: command('saveAs', async () => void (await save(true))),
  exportWord: command('exportWord', () => useAppStore.setState({ exportDialog: 'docx' })),
  exportExcel: command('exportExcel', () => useAppStore.setState({ exportDialog: 'xlsx' })),
  printPreview: command('printPreview', () => useAppStore.setState({ overlay: 'print' })),
  close: command('close', closeDocument),
  undo: command('undo', () => undoRedo('undo')),
  redo: command('redo', () => undoRedo('redo')),
  cut: command('cut', clipboard.cutToClipboard),
  copy: command('copy', async () => void (await clipboard.copyToClipboard())),
  paste: command('paste', clipboard.pasteFromClipboard),
  find: command('find', () => useAppStore.setState({ find: 'find' })),
  replace: command('replace', () => useAppStore.setState({ find: 'replace' })),
  addUnit: command('addUnit', structure.addUnit),
  addProject: command('addProject', structure.addProject),
  duplicateRow: command('duplicateRow', structure.duplicateRow),
  deleteRow: command('deleteRow', structure.deleteRows),
  moveRowUp: command('moveRowUp', () => structure.moveRow(-1)),
  moveRowDown: command('moveRowDown', () => structure.moveRow(1)),
  addIndicator: command('addIndicator', structure.addIndicator),
  copyAnnualToPeriod: command('copyAnnualToPeriod', () => {
    const row = activeRow();
    if (row?.kind === 'project') commit('copyAnnualToPeriod', { projectId: row.projectId });
    else notify({ kind: 'info', text: zhCN.structure.selectProject });
  }),
  properties: command('properties', () => useAppStore.setState({ overlay: 'properties' })),
  togglePanel: command('togglePanel', togglePanel),
  rollForward: command('rollForward', () => useAppStore.setState({ overlay: 'rollForward' })),
  compareYears: command('compareYears', () => useAppStore.setState({ overlay: 'compare' })),
  stageTarget: command('stageTarget', () => setStage('target')),
  stageMonitoring: command('stageMonitoring', () => setStage('monitoring')),
  stageEvaluation: command('stageEvaluation', () => setStage('evaluation')),
  toggleFindings: command('toggleFindings', () =>
    useAppStore.setState((state) => ({ findingsOpen: !state.findingsOpen })),
  ),
};

/** 项目详情 on and off; closing it while a field there has the focus returns to the grid. */
function togglePanel(): void {
  const open = !useAppStore.getState().panelOpen;
  if (!open && currentRegion() === 'panel') focusGrid();
  useAppStore.setState({ panelOpen: open });
}

/**
 * Commands that act on the text being typed itself (its undo, the clipboard) or only show the
 * findings: every other command writes typing in progress first.
 */
const LEAVE_TYPING = new Set<CommandId>(['undo', 'redo', 'cut', 'copy', 'paste', 'toggleFindings']);

/** Runs a command by id when it is enabled. */
export async function runCommand(id: CommandId): Promise<void> {
  const entry = REGISTRY[id];
  if (!entry.isEnabled(useAppStore.getState())) return;
  if (!LEAVE_TYPING.has(id) && !settlePendingEdits()) {
    notify({ kind: 'error', text: zhCN.edit.pendingRefused(entry.label) });
    return;
  }
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

/** The command a key press runs, if any (never during an IME composition). */
export function commandForKey(event: KeyboardEvent): Command | undefined {
  if (event.isComposing || event.keyCode === 229) return undefined;
  return Object.values(REGISTRY).find(
    (entry) =>
      entry.keys !== undefined &&
      entry.keyOwner !== 'browser' &&
      !(entry.keyOwner === 'menu' && HAS_APP_MENU) &&
      entry.keys.some((keys) => matches(event, keys)),
  );
}
