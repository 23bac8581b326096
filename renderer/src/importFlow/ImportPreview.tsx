import { describeSource, ENTRY_KIND_ORDER, type ImportReport } from '../../../shared/import/report';
import {
  documentAmounts,
  formatMoney,
  projectAmounts,
  type JixiaoDocument,
} from '../../../shared/model';
import { zhCN } from '../i18n/zh-CN';
import '../components/importReport.css';
import './importPreview.css';

const text = zhCN.importDialog;
const reportText = zhCN.importReport;

/** What the import read: counts, 合计 and the projects, unit by unit. */
export function ImportSummary({ document }: { document: JixiaoDocument }) {
  const total = documentAmounts(document).total;
  return (
    <section className="import-preview" aria-label={text.projectsHeading}>
      <p className="import-facts">
        <span>{text.fiscalYear(document.fiscalYear)}</span>
        <span data-testid="import-total">{text.total(formatMoney(total), document.moneyUnit)}</span>
      </p>
      <div className="import-projects">
        <table>
          <thead>
            <tr>
              <th scope="col">{text.unitLabel}</th>
              <th scope="col">{text.projectLabel}</th>
              <th scope="col">{text.amountLabel(document.moneyUnit)}</th>
              <th scope="col">{text.indicatorsLabel}</th>
            </tr>
          </thead>
          <tbody>
            {document.units.flatMap((unit) =>
              unit.projects.map((project) => (
                <tr key={project.id} className="import-project">
                  <td>{unit.name}</td>
                  <td>{project.name}</td>
                  <td className="money">{formatMoney(projectAmounts(project).total)}</td>
                  <td className="money">{project.indicators.length}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The import report grouped as 已规范 / 原样保留 / 已找回 / 请核对, each entry with its source. */
export function GroupedReport({ report }: { report: ImportReport }) {
  return (
    <section
      className="import-report import-report-grouped"
      aria-labelledby="import-report-heading"
    >
      <h2 id="import-report-heading">
        {reportText.heading}：{report.format}（
        {zhCN.document.summary(
          report.counts.units,
          report.counts.projects,
          report.counts.indicators,
        )}
        ）
      </h2>
      {report.entries.length === 0 ? <p className="muted">{reportText.none}</p> : null}
      {ENTRY_KIND_ORDER.map((kind) => {
        const entries = report.entries.filter((entry) => entry.kind === kind);
        if (entries.length === 0) return null;
        return (
          <details key={kind} open className={`report-group report-group-${kind}`}>
            <summary>
              {reportText.kinds[kind]}（{text.reportCount(entries.length)}）
            </summary>
            <ol>
              {entries.map((entry, index) => (
                <li key={index} className={`entry entry-${entry.kind}`}>
                  <span className="entry-where">{describeSource(entry.source)}</span>
                  {entry.project ? <span className="entry-project">{entry.project}</span> : null}
                  <span className="entry-message">{entry.message}</span>
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </section>
  );
}
