import { useEffect } from 'react';
import { runAction, startUp } from './actions';
import { DocumentView } from './components/DocumentView';
import { Welcome } from './components/Welcome';
import { zhCN } from './i18n/zh-CN';
import { notify, useAppStore } from './store';

/** Composes the window: the welcome screen or the open document, and the notice line. */
export function App() {
  const current = useAppStore((state) => state.current);
  const notice = useAppStore((state) => state.notice);

  useEffect(() => {
    if (!window.jixiao) {
      notify({ kind: 'error', text: zhCN.errors.noHost });
      return;
    }
    void startUp();
    return window.jixiao.onMenuCommand((command) => void runAction(command));
  }, []);

  useEffect(() => {
    const name = current ? `${current.dirty ? '● ' : ''}${current.fileName} - ` : '';
    document.title = `${name}${zhCN.appName}`;
  }, [current]);

  return (
    <>
      {notice ? (
        <div
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
          <button type="button" className="link" aria-label="关闭提示" onClick={() => notify(null)}>
            ×
          </button>
        </div>
      ) : null}
      {current ? <DocumentView current={current} /> : <Welcome />}
    </>
  );
}
