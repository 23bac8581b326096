import { api } from './api';
import { documentJsonParts, sendParts } from './documentJson';
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

/** Writes a pending autosave now instead of after its delay; nothing when none is pending. */
export function flushRecovery(): void {
  if (timer === null) return;
  clearTimeout(timer);
  timer = null;
  void writeRecoveryNow();
}

/** Stops a pending autosave (after save or discard). */
export function cancelRecovery(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

/** Counts autosaves started, so one overtaken while its text was built stops sending. */
let started = 0;

async function writeRecoveryNow(): Promise<void> {
  const current = useAppStore.getState().current;
  if (!current || !current.dirty) return;
  const attempt = (started += 1);
  const { documentId, document } = current;
  const parts = await documentJsonParts(document);
  const autosave = `${Date.now().toString(36)}-${attempt}`;
  await sendParts(
    parts,
    (part, text) => api().writeRecovery({ documentId, autosave, part, parts: parts.length, text }),
    // Built and sent in steps: meanwhile the clerk may have saved (the copy must not come back),
    // closed the document, or edited it again (a later autosave is already due and sends that).
    () => {
      const now = useAppStore.getState().current;
      return (
        attempt === started &&
        now?.documentId === documentId &&
        now.dirty &&
        now.document === document
      );
    },
  );
}
