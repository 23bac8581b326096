import {
  describeSource,
  entryField,
  orderEntries,
  type EntryField,
  type ImportEntry,
  type ImportReport,
} from '../../../shared/import/report';
import type { JixiaoDocument } from '../../../shared/model';
import { rowsOf, select } from '../grid/gridModel';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore } from '../store';
import './importReport.css';

const text = zhCN.importReport;

/** Grid column of each part of a project (名称, 财政拨款, 绩效目标, 绩效指标). */
const FIELD_COLUMNS: Record<EntryField, number> = { name: 0, money: 2, goal: 5, indicators: 6 };

/** Grid rows of the projects by name as imported (the first of equal names). */
function projectRows(document: JixiaoDocument): Map<string, number> {
  const names = new Map(
    document.units.flatMap((unit) => unit.projects.map((project) => [project.id, project.name])),
  );
  const rows = new Map<string, number>();
  rowsOf(document).forEach((row, index) => {
    const name = row.kind === 'project' ? names.get(row.projectId) : undefined;
    if (name !== undefined && !rows.has(name)) rows.set(name, index);
  });
  return rows;
}

/** Selects the entry's project and the part it concerns; the project panel shows the details. */
function reveal(row: number, entry: ImportEntry): void {
  select(row, FIELD_COLUMNS[entryField(entry)]);
  useAppStore.setState({ panelOpen: true });
}

const LOCATE_STYLE = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  color: 'inherit',
  textAlign: 'left',
  cursor: 'pointer',
  width: '100%',
} as const;

/**
 * What the importer did, in the order a clerk acts on it: entries to check (请核对) and text kept
 * raw first, then what was recovered and normalised. Each names its place in the source file
 * (sheet, row, column); clicking one that concerns a project selects that project's cell.
 */
export function ImportReportPanel({
  report,
  onDismiss,
}: {
  report: ImportReport;
  onDismiss: () => void;
}) {
  const document = useAppStore((state) => state.current?.document);
  const rows = document ? projectRows(document) : new Map<string, number>();
  const entries = orderEntries(report.entries);
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
      {entries.length === 0 ? (
        <p className="muted">{text.none}</p>
      ) : (
        <ol>
          {entries.map((entry, index) => {
            const content = (
              <>
                <span className="entry-kind">{text.kinds[entry.kind]}</span>
                <span className="entry-where">{describeSource(entry.source)}</span>
                {entry.project ? <span className="entry-project">{entry.project}</span> : null}
                <span className="entry-message">{entry.message}</span>
              </>
            );
            const row = entry.project ? rows.get(entry.project) : undefined;
            return (
              <li key={index} className={`entry entry-${entry.kind}`} data-kind={entry.kind}>
                {row === undefined ? (
                  content
                ) : (
                  <button
                    type="button"
                    className="entry-locate"
                    style={LOCATE_STYLE}
                    onClick={() => reveal(row, entry)}
                  >
                    {content}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
