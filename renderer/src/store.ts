import { create } from 'zustand';
import type { OpenedDocument, RecentFile, RecoveryInfo } from '../../shared/ipc';
import type { ImportReport } from '../../shared/import/report';
import type { ExportFormat, JixiaoDocument, ReviewItem, Stage } from '../../shared/model';
import { EMPTY_HISTORY, type History, type Match } from '../../shared/edit';
import type { Location as FindingLocation } from '../../shared/rules';

/** The document open in the window, as the host knows it. */
export interface OpenDocument {
  documentId: string;
  document: JixiaoDocument;
  fileName: string;
  untitled: boolean;
  isSample: boolean;
  dirty: boolean;
  importReport: ImportReport | null;
}

export interface Notice {
  /** `warning`: done, but something the clerk should look at (stays longer, not an alert). */
  kind: 'info' | 'warning' | 'error';
  text: string;
  /** Buttons after the text, e.g. 打开文件 / 打开所在文件夹 after an export. */
  actions?: Array<{ label: string; run: () => void | Promise<void> }>;
}

/** The grid's active cell and the other corner of the selected range (row/column indexes). */
export interface Selection {
  row: number;
  column: number;
  anchorRow: number;
  anchorColumn: number;
}

/**
 * The import flow: the dialog over a file just imported (its host session is still open), or,
 * after 复制上年, the year mentions of the rolled-forward document waiting for review.
 */
export type ImportFlow =
  | {
      stage: 'dialog';
      opened: OpenedDocument;
      /** 合并同事的文件…: the dialog opens at the merge step. */
      merge?: boolean;
    }
  | { stage: 'review'; documentId: string; toYear: number; review: ReviewItem[] };

/** Which side dialog or bar is open over the document. */
export type Overlay = 'properties' | 'print' | 'rollForward' | 'compare' | null;

export interface AppState {
  current: OpenDocument | null;
  /** Undo/redo of the open document; cleared when another document opens. */
  history: History;
  selection: Selection;
  /** Find bar: closed, find only, or find and replace. */
  find: 'find' | 'replace' | null;
  /** What the find bar looks for, marked in the grid's text while the bar is open. */
  findQuery: { text: string; matchCase: boolean } | null;
  /** The project panel is shown for the active project row. */
  panelOpen: boolean;
  /** Grows each time the grid takes the keyboard back: the active cell is scrolled into view. */
  revealTick: number;
  /** The project panel's width the clerk dragged to (pixels), null for the default. */
  panelWidth: number | null;
  /** A find match in a field only the project panel shows, to mark and scroll to there. */
  panelReveal: Match | null;
  /** Where a clicked check finding points, to scroll into view once the project panel shows it. */
  panelTarget: FindingLocation | null;
  /** The findings panel (checks) is shown. */
  findingsOpen: boolean;
  overlay: Overlay;
  /** The grid's context menu, open at this point of the window. */
  contextMenu: { x: number; y: number } | null;
  /** Rows with check findings (by project or unit id), marked in the grid while 检查 is open. */
  findingMarks: ReadonlyMap<string, 'error' | 'warning'>;
  /** Autosaved work found at start, waiting for 恢复 / 放弃. */
  recoveryOffer: RecoveryInfo[];
  recent: RecentFile[];
  notice: Notice | null;
  busy: boolean;
  /** Text of the progress overlay while a long host call runs. */
  progress: string | null;
  /** The export dialog, open for this format. */
  exportDialog: ExportFormat | null;
  /** The import dialog or the 复制上年 review list. */
  importFlow: ImportFlow | null;
  /** The stage (目标 / 监控 / 自评) each document view shows, by document id. */
  stages: Readonly<Record<string, Stage>>;
  /** 目标调整 unlocked: the document and the adjustment record its target edits go to. */
  adjusting: { documentId: string; adjustmentId: string } | null;
}

export const START_SELECTION: Selection = { row: 0, column: 0, anchorRow: 0, anchorColumn: 0 };

export const useAppStore = create<AppState>(() => ({
  current: null,
  history: EMPTY_HISTORY,
  selection: START_SELECTION,
  find: null,
  findQuery: null,
  panelOpen: true,
  panelWidth: null,
  revealTick: 0,
  panelReveal: null,
  panelTarget: null,
  findingsOpen: false,
  overlay: null,
  contextMenu: null,
  findingMarks: new Map(),
  recoveryOffer: [],
  recent: [],
  notice: null,
  busy: false,
  progress: null,
  exportDialog: null,
  importFlow: null,
  stages: {},
  adjusting: null,
}));

/** Puts a document the host opened into the window. */
export function showOpened(opened: OpenedDocument): void {
  if (typeof performance !== 'undefined') performance.mark('jixiao:document-received');
  useAppStore.setState({
    current: {
      documentId: opened.documentId,
      document: opened.document,
      fileName: opened.fileName,
      untitled: opened.untitled,
      isSample: opened.isSample,
      // An import, a migration or restored work exists only in memory until it is saved.
      dirty:
        Boolean(opened.importReport) ||
        opened.migratedFrom !== undefined ||
        Boolean(opened.restored),
      importReport: opened.importReport ?? null,
    },
    history: EMPTY_HISTORY,
    selection: START_SELECTION,
    find: null,
    panelReveal: null,
    panelTarget: null,
  });
}

export function notify(notice: Notice | null): void {
  useAppStore.setState({ notice });
}
