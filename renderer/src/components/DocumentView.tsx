import { runAction } from '../actions';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore, type OpenDocument } from '../store';
import { DisclosureTable } from './DisclosureTable';
import { ImportReportPanel } from './ImportReportPanel';

function counts(current: OpenDocument) {
  const units = current.document.units;
  const projects = units.flatMap((unit) => unit.projects);
  return zhCN.document.summary(
    units.length,
    projects.length,
    projects.reduce((total, project) => total + project.indicators.length, 0),
  );
}

/** The open document: toolbar, document header and the disclosure table. */
export function DocumentView({ current }: { current: OpenDocument }) {
  const { document } = current;
  const dismissReport = () => useAppStore.setState({ current: { ...current, importReport: null } });
  return (
    <main className="document-view">
      <div className="toolbar" role="toolbar" aria-label="文档">
        <button type="button" onClick={() => void runAction('save')}>
          {zhCN.toolbar.save}
        </button>
        <button type="button" onClick={() => void runAction('saveAs')}>
          {zhCN.toolbar.saveAs}
        </button>
        <button type="button" onClick={() => void runAction('close')}>
          {zhCN.toolbar.close}
        </button>
        <span className="file-name" data-testid="file-name">
          {current.fileName}
          {current.dirty ? <span className="unsaved">（{zhCN.toolbar.unsaved}）</span> : null}
        </span>
        <span className="muted">{counts(current)}</span>
      </div>
      {current.isSample ? <p className="sample-note">{zhCN.document.sample}</p> : null}
      {current.importReport ? (
        <ImportReportPanel report={current.importReport} onDismiss={dismissReport} />
      ) : null}
      <header className="document-header">
        <h1>{document.title}</h1>
        <div className="document-meta">
          <span>
            {zhCN.document.department}
            {document.department}
          </span>
          {document.fiscalYear !== null ? (
            <span>
              {zhCN.document.fiscalYear}
              {document.fiscalYear}
            </span>
          ) : null}
          <span>
            {zhCN.document.unit}
            {document.moneyUnit}
          </span>
        </div>
      </header>
      {document.units.length === 0 ? (
        <p className="muted">{zhCN.document.emptyUnits}</p>
      ) : (
        <DisclosureTable document={document} />
      )}
    </main>
  );
}
