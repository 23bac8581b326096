import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  MENU_COMMANDS,
  type MenuCommand,
} from '../../shared/ipc/channels';
import { forwardDialogAnswers } from './dialogAnswered';
import { forwardDroppedFiles } from './dropFiles';

// Built from the channel list alone: named functions, no generic `invoke`, no logic.
const api: Record<string, unknown> = {};
for (const [name, channel] of Object.entries(INVOKE_CHANNELS)) {
  api[name] = (argument?: unknown) => ipcRenderer.invoke(channel, argument);
}
api.onMenuCommand = (listener: (command: MenuCommand) => void) => {
  const wrapped = (_event: IpcRendererEvent, command: unknown) => {
    if ((MENU_COMMANDS as readonly unknown[]).includes(command)) listener(command as MenuCommand);
  };
  ipcRenderer.on(EVENT_CHANNELS.menuCommand, wrapped);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNELS.menuCommand, wrapped);
  };
};

api.onCloseRequested = (listener: () => void) => {
  const wrapped = () => listener();
  ipcRenderer.on(EVENT_CHANNELS.closeRequested, wrapped);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNELS.closeRequested, wrapped);
  };
};

api.onImportProgress = (listener: (progress: { done: number; total: number }) => void) => {
  const wrapped = (_event: IpcRendererEvent, progress: { done?: unknown; total?: unknown }) => {
    if (typeof progress?.done === 'number' && typeof progress.total === 'number') {
      listener({ done: progress.done, total: progress.total });
    }
  };
  ipcRenderer.on(EVENT_CHANNELS.importProgress, wrapped);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNELS.importProgress, wrapped);
  };
};

contextBridge.exposeInMainWorld('jixiao', Object.freeze(api));

forwardDroppedFiles(globalThis as unknown as Parameters<typeof forwardDroppedFiles>[0]);
forwardDialogAnswers(globalThis as unknown as Parameters<typeof forwardDialogAnswers>[0]);
