import { describeSource, type ImportReport } from '../../../shared/import/report';
import { zhCN } from '../i18n/zh-CN';

const text = zhCN.importReport;

/** What the importer normalised, kept raw or recovered, each with where it came from. */
export function ImportReportPanel({
  report,
  onDismiss,
}: {
  report: ImportReport;
  onDismiss: () => void;
}) {
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <header>
        <h2 id="import-report-heading">
          {text.heading}：{report.format}（
          {zhCN.document.summary(
            report.counts.units,
            report.counts.projects,
            report.counts.indicators,
          )}
          ）
        </h2>
        <button type="button" onClick={onDismiss}>
          {text.dismiss}
        </button>
      </header>
      {report.entries.length === 0 ? (
        <p className="muted">{text.none}</p>
      ) : (
        <ol>
          {report.entries.map((entry, index) => (
            <li key={index} className={`entry entry-${entry.kind}`}>
              <span className="entry-kind">{text.kinds[entry.kind]}</span>
              <span className="entry-where">{describeSource(entry.source)}</span>
              {entry.project ? <span className="entry-project">{entry.project}</span> : null}
              <span className="entry-message">{entry.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
