/**
 * The IPC channel list. Zod-free so the sandboxed preload can bundle it (with the command ids
 * from shared/model/commands.ts, plain data): the preload exposes exactly these names on
 * `window.jixiao`, nothing else.
 */
export const INVOKE_CHANNELS = {
  getAppInfo: 'jixiao:app:info',
  listRecent: 'jixiao:recent:list',
  newDocument: 'jixiao:document:new',
  openDocument: 'jixiao:document:open',
  openRecent: 'jixiao:document:open-recent',
  openSample: 'jixiao:document:open-sample',
  openStartup: 'jixiao:document:open-startup',
  saveDocument: 'jixiao:document:save',
  saveDocumentAs: 'jixiao:document:save-as',
  stageDocument: 'jixiao:document:stage',
  closeDocument: 'jixiao:document:close',
  importFile: 'jixiao:import:file',
  importText: 'jixiao:import:text',
  /** Stops the import under way (its worker is terminated). */
  cancelImport: 'jixiao:import:cancel',
  exportDocument: 'jixiao:export:document',
  printDocument: 'jixiao:print:document',
  exportPdf: 'jixiao:print:pdf',
  exportCheckReport: 'jixiao:check:export-report',
  writeRecovery: 'jixiao:recovery:write',
  clearRecovery: 'jixiao:recovery:clear',
  listRecovery: 'jixiao:recovery:list',
  restoreRecovery: 'jixiao:recovery:restore',
  discardRecovery: 'jixiao:recovery:discard',
  confirmUnsaved: 'jixiao:window:confirm-unsaved',
  closeWindow: 'jixiao:window:close',
  listFonts: 'jixiao:fonts:list',
  getLayout: 'jixiao:layout:get',
  setLayout: 'jixiao:layout:set',
  showExported: 'jixiao:shell:show-exported',
} as const;

/** Messages the host sends to the renderer (menu commands). */
export const EVENT_CHANNELS = {
  menuCommand: 'jixiao:menu:command',
  /** The user asked to close the window; the renderer settles unsaved work first. */
  closeRequested: 'jixiao:window:close-requested',
  /** Pages read so far by the import under way: `{ done, total }`. */
  importProgress: 'jixiao:import:progress',
} as const;

/**
 * A file dropped on the Electron window: the preload sends its path (the renderer never sees
 * it); main routes it like a double-clicked file. Not on `window.jixiao`.
 */
export const FILE_DROPPED_CHANNEL = 'jixiao:window:file-dropped';

/**
 * A window event the browser shell's page dispatches when one of its question boxes (是否保存,
 * 保存, 打开…) is on screen: from then on the box has the keys (renderer/src/focus.ts).
 */
export const DIALOG_SHOWN_EVENT = 'jixiao:dialog-shown';

/**
 * Electron's main sends this to the window once one of its dialogs is answered, and the preload
 * dispatches it on the window as DIALOG_ANSWERED_EVENT: keys held while the dialog came up are
 * let go then at the latest, where opening the modal dialog did not blur the window.
 */
export const DIALOG_ANSWERED_CHANNEL = 'jixiao:window:dialog-answered';
export const DIALOG_ANSWERED_EVENT = 'jixiao:dialog-answered';

/**
 * A window event the renderer dispatches whenever the open document's unsaved state changes
 * (`detail`: true while it has changes not yet saved). The browser shell asks before the tab
 * closes or reloads while it is true (beforeunload); Electron's close goes through
 * onCloseRequested and its 保存 / 不保存 / 取消 question instead.
 */
export const UNSAVED_EVENT = 'jixiao:unsaved';

export type InvokeName = keyof typeof INVOKE_CHANNELS;

/** Commands the application menu sends; the renderer dispatches them by id. */
export { MENU_COMMANDS, type MenuCommand } from '../model/commands';
