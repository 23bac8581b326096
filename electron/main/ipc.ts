import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNELS, type InvokeName } from '../../shared/ipc';
import { dispatch } from '../host/gate/dispatch';
import type { Handlers } from '../host/handlers';

/** Wires every contract channel to its handler through the host's validating dispatcher. */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  onError: (error: unknown) => void,
): void {
  for (const [name, channel] of Object.entries(INVOKE_CHANNELS) as Array<[InvokeName, string]>) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, argument: unknown) =>
      dispatch(handlers, name, argument, {
        senderUrl: event.senderFrame?.url ?? '',
        isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        onError,
      }),
    );
  }
}
