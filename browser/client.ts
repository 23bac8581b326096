/**
 * The browser shell's `window.jixiao`: the same named functions and events the Electron preload
 * exposes, carried over the local server's WebSocket. The renderer cannot tell the shells apart.
 */
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  MENU_COMMANDS,
  UNSAVED_EVENT,
  type MenuCommand,
} from '../shared/ipc/channels';
import {
  SOCKET_PATH,
  type Answers,
  type ClientMessage,
  type Question,
  type ServerMessage,
} from '../shared/ipc/socket';
import { askConfirm, askExport, askOpen, askPrint, askSave, saveDelivered } from './dialogs';
import { base64ToBytes, fileToBase64 } from './files';
import { showNotice } from './notice';

const CONNECTION_LOST = {
  ok: false,
  code: 'io-error',
  message: '与本机服务的连接已断开：请确认 jixiao serve 仍在运行，然后刷新页面。',
} as const;

function install(): void {
  const socket = new WebSocket(`ws://${location.host}${SOCKET_PATH}`);
  const queue: string[] = [];
  const pending = new Map<number, (value: unknown) => void>();
  const menuListeners = new Set<(command: MenuCommand) => void>();
  const closeListeners = new Set<() => void>();
  let nextId = 1;
  let state: 'connecting' | 'open' | 'lost' = 'connecting';
  /** A file dropped on the window, waiting for the open / import question it started. */
  let dropped: File | null = null;
  /** The host closed the window on purpose; the socket closing after that is expected. */
  let windowClosed = false;
  /** The open document has changes not yet saved (the renderer says so by UNSAVED_EVENT). */
  let unsaved = false;

  // Closing or reloading the tab with unsaved changes asks first, in the browser's own words
  // (a page cannot word that question). The last few seconds' typing may not be autosaved yet.
  window.addEventListener(UNSAVED_EVENT, (event) => {
    unsaved = (event as CustomEvent<unknown>).detail === true;
  });
  window.addEventListener('beforeunload', (event) => {
    if (!unsaved || windowClosed) return;
    event.preventDefault();
    // Older Chromium and Firefox ask only when returnValue is set too.
    event.returnValue = true;
  });

  function send(message: ClientMessage): void {
    const text = JSON.stringify(message);
    if (state === 'open') socket.send(text);
    else if (state === 'connecting') queue.push(text);
  }

  function reportListeners(): void {
    send({ type: 'listening', menu: menuListeners.size, close: closeListeners.size });
  }

  socket.addEventListener('open', () => {
    state = 'open';
    for (const text of queue.splice(0)) socket.send(text);
  });
  socket.addEventListener('close', () => {
    state = 'lost';
    for (const resolve of pending.values()) resolve(CONNECTION_LOST);
    pending.clear();
    if (windowClosed) return;
    showNotice(
      '与本机服务的连接已断开。请确认 jixiao serve 仍在运行，然后刷新页面；未保存的修改已自动保存，重新打开时可以恢复。',
    );
  });

  async function answer(id: number, question: Question): Promise<unknown> {
    switch (question.kind) {
      case 'open': {
        if (dropped) {
          const file = dropped;
          dropped = null;
          return {
            source: 'upload',
            name: file.name,
            data: await fileToBase64(file),
          } satisfies Answers['open'];
        }
        return askOpen(question);
      }
      case 'save':
        return askSave(question);
      case 'export':
        return askExport(id, question);
      case 'confirm':
        return askConfirm(question);
      case 'print':
        return askPrint(question);
    }
  }

  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as ServerMessage;
    switch (message.type) {
      case 'result': {
        const resolve = pending.get(message.id);
        pending.delete(message.id);
        resolve?.(message.value);
        break;
      }
      case 'event':
        if (message.channel === EVENT_CHANNELS.menuCommand) {
          const command = message.payload as MenuCommand;
          if (MENU_COMMANDS.includes(command))
            menuListeners.forEach((listener) => listener(command));
        } else if (message.channel === EVENT_CHANNELS.closeRequested) {
          closeListeners.forEach((listener) => listener());
        }
        break;
      case 'ask':
        void answer(message.id, message.question).then(
          (value) => send({ type: 'answer', id: message.id, answer: value ?? null }),
          () => send({ type: 'answer', id: message.id, answer: null }),
        );
        break;
      case 'deliver':
        void saveDelivered(message.id, message.name, base64ToBytes(message.data));
        break;
      case 'window-closed':
        windowClosed = true;
        showNotice('文档已关闭，可以关闭此浏览器标签页了。', 'info');
        window.close();
        break;
    }
  });

  function invoke(channel: string, argument: unknown): Promise<unknown> {
    if (state === 'lost') return Promise.resolve(CONNECTION_LOST);
    return new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      send({ type: 'invoke', id, channel, ...(argument === undefined ? {} : { argument }) });
    });
  }

  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(INVOKE_CHANNELS)) {
    api[name] = (argument?: unknown) => invoke(channel, argument);
  }
  api.onMenuCommand = (listener: (command: MenuCommand) => void) => {
    const wrapped = (command: MenuCommand) => listener(command);
    menuListeners.add(wrapped);
    reportListeners();
    return () => {
      menuListeners.delete(wrapped);
      reportListeners();
    };
  };
  api.onCloseRequested = (listener: () => void) => {
    const wrapped = () => listener();
    closeListeners.add(wrapped);
    reportListeners();
    return () => {
      closeListeners.delete(wrapped);
      reportListeners();
    };
  };
  Object.defineProperty(window, 'jixiao', { value: Object.freeze(api), enumerable: true });

  // A file dropped on the window opens (a document) or imports (a table), as 打开 / 导入 would.
  window.addEventListener('dragover', (event) => {
    if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
  });
  window.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files[0];
    if (!file || event.defaultPrevented) return;
    event.preventDefault();
    if (document.querySelector('[aria-modal="true"]')) return;
    dropped = file;
    const command: MenuCommand = file.name.toLowerCase().endsWith('.jixiao.json')
      ? 'open'
      : 'import';
    menuListeners.forEach((listener) => listener(command));
  });
}

/** The print view's own window: the browser's print dialog, then the window closes. */
function printThisPage(): void {
  window.addEventListener('load', () => {
    window.print();
    window.close();
  });
}

if (document.currentScript?.hasAttribute('data-print')) printThisPage();
else install();
