import type { FontProbe } from './fonts';

/** What the host asks of the desktop shell; main implements these with Electron. */
export interface DialogPort {
  /** Asks which file to open; `import` offers importable types. Null when cancelled. */
  chooseOpenPath(purpose: 'document' | 'import'): Promise<string | null>;
  /** Asks where to save a document; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  /** Asks where to save an export (docx, xlsx, txt, pdf); null when cancelled. */
  chooseExportPath(suggestedName: string, extension: string): Promise<string | null>;
  /** 保存 / 不保存 / 取消 for a document with unsaved changes. */
  confirmUnsaved(fileName: string): Promise<'save' | 'discard' | 'cancel'>;
  /**
   * Saving a `.bak` that was opened: 恢复为「documentName」(durable write over the document) /
   * 另存为… / 取消. Without it, the host asks for a new name.
   */
  confirmRestoreBackup?(
    backupName: string,
    documentName: string,
  ): Promise<'restore' | 'save-as' | 'cancel'>;
}

/** Printing through a hidden window that loads the print view's HTML. */
export interface PrintPort {
  /** Shows the system print dialog for the HTML; false when the user cancelled. */
  print(html: string, landscape: boolean): Promise<boolean>;
  /** Renders the HTML to PDF bytes (A4, CSS page size preferred). */
  toPdf(html: string, landscape: boolean): Promise<Uint8Array>;
}

export interface WindowPort {
  /** Closes the main window for real (after the renderer settled unsaved work). */
  close(): void;
}

/** The desktop's file shell: opens a file with its program, or shows it in its folder. */
export interface ShellPort {
  /** Opens the file with the program the system assigns; resolves to an error text or ''. */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

export interface ClockPort {
  now(): Date;
}

/** Fixed facts the host is started with. */
export interface HostConfig {
  appName: string;
  version: string;
  platform: string;
  /** Folder for settings, recent files and recovery (Electron's userData, or a temp dir in tests). */
  userDataDir: string;
  /** The shipped sample document, never written to. */
  samplePath: string;
}

/** Events the host sends to the renderer while a call is under way. */
export interface EventPort {
  importProgress(progress: { done: number; total: number }): void;
}

export interface HostPorts {
  /** How installed fonts are found; the real system when absent (tests script it). */
  fontProbe?: FontProbe;
  dialogs: DialogPort;
  clock: ClockPort;
  config: HostConfig;
  printer?: PrintPort;
  window?: WindowPort;
  events?: EventPort;
  shell?: ShellPort;
}

/**
 * A port's refusal meant for the clerk (Chinese, saying what to do instead), as opposed to an
 * engine failure whose text goes to the log. The host shows its message as it is.
 */
export class PortRefusal extends Error {
  override name = 'PortRefusal';
}
