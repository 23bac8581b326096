import { useEffect, useState } from 'react';
import type { ImportProgress as Progress } from '../../../shared/ipc';
import { api } from '../api';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore } from '../store';
import './importProgress.css';

const text = zhCN.importProgress;

/**
 * While a long import reads (a PDF's pages), how far it has got and 取消导入, which stops the
 * host's worker; the import then ends as cancelled and what is open stays untouched.
 */
export function ImportProgress() {
  const busy = useAppStore((state) => state.busy);
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    const off = api().onImportProgress?.((next) =>
      setProgress(next.done >= next.total ? null : next),
    );
    return () => off?.();
  }, []);
  if (!busy || !progress) return null;
  const percent = Math.min(99, Math.floor((progress.done / Math.max(1, progress.total)) * 100));
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <span>{text.reading(percent)}</span>
      <progress value={progress.done} max={progress.total} />
      <button
        type="button"
        onClick={() => {
          setProgress(null);
          void api().cancelImport();
        }}
      >
        {text.cancel}
      </button>
    </div>
  );
}
