/**
 * The browser shell's wire format (`jixiao serve`): the same channel list as Electron IPC,
 * carried as JSON messages over one WebSocket. Zod-free so the browser client can bundle it;
 * the server validates every incoming message with its own schemas.
 */

/** Path of the WebSocket on the local server. */
export const SOCKET_PATH = '/socket';
/** Path of the browser client script that builds `window.jixiao`. */
export const CLIENT_SCRIPT_PATH = '/jixiao-client.js';
/** Path prefix of one-time print pages (the browser prints them with its own print dialog). */
export const PRINT_PATH_PREFIX = '/print/';

/** A file listed in the documents folder on the host. */
export interface FolderEntry {
  name: string;
  modifiedAt: string;
}

/** What the host asks the browser (its dialogs and printing live in the browser). */
export type Question =
  | {
      kind: 'open';
      purpose: 'document' | 'import';
      /** The documents folder on the host, shown to the user. */
      folder: string;
      /** Documents already in that folder (empty for imports). */
      documents: FolderEntry[];
      /** File extensions the picker offers, without the dot. */
      accept: string[];
    }
  | { kind: 'save'; suggestedName: string; folder: string; existing: string[] }
  | { kind: 'export'; suggestedName: string; extension: string }
  | { kind: 'confirm'; fileName: string }
  | { kind: 'print'; url: string };

/** The browser's answers, by question kind (null: the user cancelled). */
export interface Answers {
  open:
    { source: 'folder'; name: string } | { source: 'upload'; name: string; data: string } | null;
  save: { name: string } | null;
  export: { name: string } | null;
  confirm: 'save' | 'discard' | 'cancel';
  print: boolean;
}

export type ClientMessage =
  | { type: 'invoke'; id: number; channel: string; argument?: unknown }
  /** How many menu-command and close-request listeners the page has. */
  | { type: 'listening'; menu: number; close: number }
  | { type: 'answer'; id: number; answer: unknown };

export type ServerMessage =
  | { type: 'result'; id: number; value: unknown }
  | { type: 'event'; channel: string; payload?: unknown }
  | { type: 'ask'; id: number; question: Question }
  /** The bytes of an export the browser saves (to the file it picked, or as a download). */
  | { type: 'deliver'; id: number; name: string; data: string }
  /** The host closed the window (the renderer settled its unsaved work). */
  | { type: 'window-closed' };
