import type { Failure, MenuCommand, OpenedDocument, Result } from '../../shared/ipc';
import { api } from './api';
import { zhCN } from './i18n/zh-CN';
import { notify, showOpened, useAppStore, type AppState } from './store';

/** One user intent: the menu, toolbar, keyboard and buttons all run it by id. */
export interface Action {
  id: MenuCommand;
  label: string;
  shortcut?: string;
  isEnabled(state: AppState): boolean;
  run(): Promise<void>;
}

async function refreshRecent(): Promise<void> {
  const result = await api().listRecent();
  if (result.ok) useAppStore.setState({ recent: result.files });
}

function reportFailure(result: Failure): void {
  if (result.code !== 'cancelled') notify({ kind: 'error', text: result.message });
}

async function openWith(call: () => Promise<Result<OpenedDocument>>): Promise<void> {
  useAppStore.setState({ busy: true });
  try {
    const result = await call();
    if (!result.ok) {
      await refreshRecent();
      return reportFailure(result);
    }
    await closeCurrent();
    showOpened(result);
    notify(
      result.migratedFrom
        ? { kind: 'info', text: zhCN.status.migrated(result.migratedFrom) }
        : null,
    );
    await refreshRecent();
  } finally {
    useAppStore.setState({ busy: false });
  }
}

async function closeCurrent(): Promise<void> {
  const current = useAppStore.getState().current;
  if (current) await api().closeDocument({ documentId: current.documentId });
}

async function save(as: boolean): Promise<void> {
  const current = useAppStore.getState().current;
  if (!current) return;
  const argument = { documentId: current.documentId, document: current.document };
  const result = await (as ? api().saveDocumentAs(argument) : api().saveDocument(argument));
  if (!result.ok) return reportFailure(result);
  useAppStore.setState({
    current: {
      ...current,
      fileName: result.fileName,
      untitled: false,
      isSample: false,
      dirty: false,
    },
  });
  notify({ kind: 'info', text: zhCN.status.saved(result.fileName) });
  await refreshRecent();
}

const hasDocument = (state: AppState) => state.current !== null;
const always = () => true;

export const ACTIONS: Record<MenuCommand, Action> = {
  new: {
    id: 'new',
    label: zhCN.welcome.newDocument,
    shortcut: 'Ctrl+N',
    isEnabled: always,
    run: () => openWith(() => api().newDocument()),
  },
  open: {
    id: 'open',
    label: zhCN.welcome.open,
    shortcut: 'Ctrl+O',
    isEnabled: always,
    run: () => openWith(() => api().openDocument()),
  },
  import: {
    id: 'import',
    label: zhCN.welcome.importTable,
    shortcut: 'Ctrl+I',
    isEnabled: always,
    run: () => openWith(() => api().importFile()),
  },
  openSample: {
    id: 'openSample',
    label: zhCN.welcome.openSample,
    isEnabled: always,
    run: () => openWith(() => api().openSample()),
  },
  save: {
    id: 'save',
    label: zhCN.toolbar.save,
    shortcut: 'Ctrl+S',
    isEnabled: hasDocument,
    run: () => save(false),
  },
  saveAs: {
    id: 'saveAs',
    label: zhCN.toolbar.saveAs,
    shortcut: 'Ctrl+Shift+S',
    isEnabled: hasDocument,
    run: () => save(true),
  },
  close: {
    id: 'close',
    label: zhCN.toolbar.close,
    isEnabled: hasDocument,
    async run() {
      await closeCurrent();
      useAppStore.setState({ current: null, notice: null });
      await refreshRecent();
    },
  },
};

/** Runs an action by id when it is enabled. */
export async function runAction(id: MenuCommand): Promise<void> {
  const action = ACTIONS[id];
  if (!action.isEnabled(useAppStore.getState())) return;
  try {
    await action.run();
  } catch (error) {
    notify({ kind: 'error', text: `${action.label}失败：${(error as Error).message}` });
  }
}

/** Opens a recent file by the id the host gave it. */
export function openRecent(recentId: string): Promise<void> {
  return openWith(() => api().openRecent({ recentId }));
}

/** First start: the sample when there are no recent files, else the welcome screen. */
export async function startUp(): Promise<void> {
  await refreshRecent();
  const result = await api().openStartup();
  if (!result.ok) return reportFailure(result);
  if (result.opened) showOpened(result.opened);
}
