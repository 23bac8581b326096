import { isAbsolute } from 'node:path';
import type { IpcMain, IpcMainEvent } from 'electron';
import { FILE_DROPPED_CHANNEL } from '../../shared/ipc';
import { isTrustedUrl } from '../host/gate/dispatch';
import type { FileRequest, FileRouter } from './openFiles';
import { requestForPath } from './openFiles';

/**
 * What a file dropped on the window starts: a document (`.jixiao.json`) opens; anything else goes
 * to 导入, whose importer says in Chinese what it can or cannot read (as the browser shell does).
 */
export function requestForDrop(path: string): FileRequest | null {
  if (typeof path !== 'string' || !isAbsolute(path) || path.includes('\0')) return null;
  return requestForPath(path) ?? { purpose: 'import', path };
}

/**
 * Files dropped on the window (the preload sends their paths) go through the renderer's 打开 /
 * 导入 flows like a double-clicked file: the router sends the menu command and answers the
 * dialog that flow asks for with the file. Only the app's own main frame is heard.
 */
export function registerDroppedFiles(ipcMain: IpcMain, router: FileRouter): void {
  ipcMain.on(FILE_DROPPED_CHANNEL, (event: IpcMainEvent, path: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !isTrustedUrl(frame.url)) return;
    const request = typeof path === 'string' ? requestForDrop(path) : null;
    if (request) router.request(request);
  });
}
