/** What the host asks of the desktop shell; main implements these with Electron dialogs. */
export interface DialogPort {
  /** Asks which file to open; `import` offers importable types. Null when cancelled. */
  chooseOpenPath(purpose: 'document' | 'import'): Promise<string | null>;
  /** Asks where to save; null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
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

export interface HostPorts {
  dialogs: DialogPort;
  clock: ClockPort;
  config: HostConfig;
}
