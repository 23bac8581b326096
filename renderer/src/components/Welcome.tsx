import { runAction } from '../actions';
import { openRecent } from '../documentFiles';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore } from '../store';
import './welcome.css';

const text = zhCN.welcome;

/** The start screen: four ways in and the recent files. */
export function Welcome() {
  const recent = useAppStore((state) => state.recent);
  const busy = useAppStore((state) => state.busy);
  return (
    <main className="welcome" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading">{text.heading}</h1>
      <p className="tagline">{text.tagline}</p>
      <div className="welcome-actions">
        <button type="button" disabled={busy} onClick={() => void runAction('new')}>
          {text.newDocument}
        </button>
        <button type="button" disabled={busy} onClick={() => void runAction('open')}>
          {text.open}
        </button>
        <button type="button" disabled={busy} onClick={() => void runAction('import')}>
          {text.importTable}
        </button>
        <button type="button" disabled={busy} onClick={() => void runAction('importPaste')}>
          {text.pasteTable}
        </button>
        <button type="button" disabled={busy} onClick={() => void runAction('openSample')}>
          {text.openSample}
        </button>
      </div>
      <section className="recent" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{text.recentHeading}</h2>
        {recent.length === 0 ? (
          <p className="muted">{text.recentEmpty}</p>
        ) : (
          <ul>
            {recent.map((file) => (
              <li key={file.id}>
                <button type="button" className="link" onClick={() => void openRecent(file.id)}>
                  <span className="recent-name">{file.fileName}</span>
                  <span className="recent-folder">{file.folder}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
