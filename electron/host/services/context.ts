import { resolve } from 'node:path';
import type { HostPorts } from '../ports';
import { RecoveryStore } from '../recovery';
import { SettingsStore } from '../settings';
import { Sessions } from './sessions';

/** What the services of one host share: its ports, stores and open documents. */
export interface HostContext {
  ports: HostPorts;
  settings: SettingsStore;
  recovery: RecoveryStore;
  sessions: Sessions;
  /** The bundled sample, which is never overwritten. */
  samplePath: string;
}

export function createContext(ports: HostPorts): HostContext {
  return {
    ports,
    settings: new SettingsStore(ports.config.userDataDir),
    recovery: new RecoveryStore(ports.config.userDataDir),
    sessions: new Sessions(),
    samplePath: resolve(ports.config.samplePath),
  };
}

/** Recent files are a convenience: failing to record one never fails the user's action. */
export async function rememberRecent(context: HostContext, path: string): Promise<void> {
  try {
    await context.settings.addRecent(path, context.ports.clock.now());
  } catch (error) {
    console.warn('[jixiao] could not update recent files', error);
  }
}
