import { ipcRenderer, webUtils } from 'electron';
import { FILE_DROPPED_CHANNEL } from '../../shared/ipc/channels';

/** The parts of a drag event the drop needs (the preload is compiled without the DOM library). */
interface FileDragEvent {
  readonly dataTransfer: {
    readonly types: readonly string[];
    readonly files: ArrayLike<File>;
  } | null;
  readonly defaultPrevented: boolean;
  preventDefault(): void;
}

interface DropTarget {
  addEventListener(type: 'dragover' | 'drop', listener: (event: FileDragEvent) => void): void;
  readonly document: { querySelector(selectors: string): unknown };
}

/**
 * A file dropped on the window opens (a document) or imports (a table), as 打开 / 导入 would — the
 * browser shell does the same in browser/client.ts. The file's path (Electron ≥ 32 has no
 * `File.path`) goes to main, which starts the renderer's own flow with it as it does for a
 * double-clicked file; the page itself never learns the path. Drops the page handles itself
 * (moving a row) and drops while a dialog is open are left alone.
 */
export function forwardDroppedFiles(target: DropTarget): void {
  target.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  target.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file || event.defaultPrevented) return;
    event.preventDefault();
    if (target.document.querySelector('[aria-modal="true"]')) return;
    const path = webUtils.getPathForFile(file);
    // A file dragged out of another program's memory (a browser download bar) has no path.
    if (path) ipcRenderer.send(FILE_DROPPED_CHANNEL, path);
  });
}
