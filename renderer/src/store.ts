import { create } from 'zustand';
import type { OpenedDocument, RecentFile } from '../../shared/ipc';
import type { ImportReport } from '../../shared/import/report';
import type { JixiaoDocument } from '../../shared/model';

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
  kind: 'info' | 'error';
  text: string;
}

export interface AppState {
  current: OpenDocument | null;
  recent: RecentFile[];
  notice: Notice | null;
  busy: boolean;
}

export const useAppStore = create<AppState>(() => ({
  current: null,
  recent: [],
  notice: null,
  busy: false,
}));

/** Puts a document the host opened into the window. */
export function showOpened(opened: OpenedDocument): void {
  useAppStore.setState({
    current: {
      documentId: opened.documentId,
      document: opened.document,
      fileName: opened.fileName,
      untitled: opened.untitled,
      isSample: opened.isSample,
      // An import or a migration exists only in memory until it is saved.
      dirty: Boolean(opened.importReport) || opened.migratedFrom !== undefined,
      importReport: opened.importReport ?? null,
    },
  });
}

export function notify(notice: Notice | null): void {
  useAppStore.setState({ notice });
}
