import { COMMANDS } from '../../../shared/model';
import { runCommand } from '../commands';
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
        <button type="button" disabled={busy} onClick={() => void runCommand('new')}>
          {COMMANDS.new.label}
        </button>
        <button type="button" disabled={busy} onClick={() => void runCommand('open')}>
          {COMMANDS.open.label}
        </button>
        <button type="button" disabled={busy} onClick={() => void runCommand('import')}>
          {COMMANDS.import.label}
        </button>
        <button type="button" disabled={busy} onClick={() => void runCommand('importPaste')}>
          {COMMANDS.importPaste.label}
        </button>
        <button type="button" disabled={busy} onClick={() => void runCommand('openSample')}>
          {COMMANDS.openSample.label}
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
