import { ipcRenderer } from 'electron';
import { DIALOG_ANSWERED_CHANNEL, DIALOG_ANSWERED_EVENT } from '../../shared/ipc/channels';

/** The part of the window the preload dispatches on (it is compiled without the DOM library). */
interface EventTarget {
  dispatchEvent(event: Event): boolean;
}

/**
 * Passes main's word that one of its dialogs is answered on to the page as a window event: the
 * renderer lets go of keys it held while the dialog came up (renderer/src/focus.ts). DOM events
 * cross from the preload's isolated world to the page's.
 */
export function forwardDialogAnswers(target: EventTarget): void {
  ipcRenderer.on(DIALOG_ANSWERED_CHANNEL, () => {
    target.dispatchEvent(new Event(DIALOG_ANSWERED_EVENT));
  });
}
