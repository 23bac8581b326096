import { api } from './api';
import { useAppStore } from './store';

/** Autosave waits this long after the last change (ms). */
export const RECOVERY_DELAY = 3000;

let timer: ReturnType<typeof setTimeout> | null = null;

/** Writes unsaved work to the host's recovery folder after a few seconds without changes. */
export function scheduleRecovery(): void {
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void writeRecoveryNow();
  }, RECOVERY_DELAY);
}

/** Stops a pending autosave (after save or discard). */
export function cancelRecovery(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

async function writeRecoveryNow(): Promise<void> {
  const current = useAppStore.getState().current;
  if (!current || !current.dirty) return;
  await api().writeRecovery({ documentId: current.documentId, document: current.document });
}
