import {
  cellText,
  findProject,
  formatHtml,
  formatTsv,
  GRID_COLUMNS,
  indicatorRowsStart,
  isCellEditable,
  parseClipboard,
  pasteGridNotes,
  pasteKeptIndicators,
  pasteTotalNotes,
  rowRef,
  type CellWrite,
} from '../../../shared/edit';
import { newId, type JixiaoDocument } from '../../../shared/model';
import { commit } from '../editing';
import { rowsOf, selectedRange } from './gridModel';
import { zhCN } from '../i18n/zh-CN';
import { notify, useAppStore } from '../store';

/** The selected cells as a block of printed texts. */
export function selectionBlock(): string[][] {
  const current = useAppStore.getState().current;
  if (!current) return [];
  const rows = rowsOf(current.document);
  const { top, bottom, left, right } = selectedRange();
  return rows
    .slice(top, bottom + 1)
    .map((row) =>
      GRID_COLUMNS.slice(left, right + 1).map((column) =>
        cellText(current.document, row, column.key),
      ),
    );
}

/** Ctrl+C: the selection as TSV and an HTML table, so Excel and WPS keep the cells. */
export function copySelection(data: DataTransfer): void {
  const block = selectionBlock();
  if (block.length === 0) return;
  data.setData('text/plain', formatTsv(block));
  data.setData('text/html', formatHtml(block));
  notify({ kind: 'info', text: zhCN.edit.copied(block.length, block[0]?.length ?? 0) });
}

/** Delete: empties the editable selected cells, one undo step. */
export function clearSelection(): void {
  const current = useAppStore.getState().current;
  if (!current) return;
  const rows = rowsOf(current.document);
  const { top, bottom, left, right } = selectedRange();
  const cells: CellWrite[] = [];
  for (const row of rows.slice(top, bottom + 1)) {
    for (const column of GRID_COLUMNS.slice(left, right + 1)) {
      if (isCellEditable(row, column.key))
        cells.push({ row: rowRef(row), column: column.key, text: '' });
    }
  }
  if (cells.length === 0) {
    notify({ kind: 'info', text: zhCN.edit.derived });
    return;
  }
  commit('setCells', { cells });
}

/** Ctrl+V: an HTML table first, else TSV, written from the active cell as one undo step. */
export function pasteInto(data: DataTransfer): void {
  pasteText(data.getData('text/html'), data.getData('text/plain'));
}

/**
 * Paragraphs copied from Word, a PDF or a web page (text without cells: no tab, no HTML table)
 * pasted on one 绩效目标 cell are that one goal, not one goal per line spread down the projects
 * below (a three-paragraph goal overwrote three projects' goals).
 */
function oneGoal(column: string, html: string, text: string): string[][] | null {
  if (column !== 'goal' || /<table[\s>]/i.test(html)) return null;
  // Plain text with tabs is a table's cells; from Word (HTML without a table) a tab is the one
  // after a list's number (`1.\t完成…`), a space in the goal.
  if (html === '' && text.includes('\t')) return null;
  const { top, bottom, left, right } = selectedRange();
  if (top !== bottom || left !== right) return null;
  const goal = text.replace(/\r\n?/g, '\n').replace(/\t+/g, ' ').replace(/\s+$/, '');
  return goal.includes('\n') ? [[goal]] : null;
}

/** Writes clipboard contents (HTML and/or plain text) from the active cell as one undo step. */
export function pasteText(html: string, text: string): void {
  const current = useAppStore.getState().current;
  if (!current) return;
  const row = rowsOf(current.document)[useAppStore.getState().selection.row];
  if (!row) return;
  const column = GRID_COLUMNS[useAppStore.getState().selection.column]?.key ?? 'name';
  const block = oneGoal(column, html, text) ?? parseClipboard(html, text);
  if (block.length === 0) return;
  const anchor = rowRef(row);
  const frameworkId = current.document.frameworkId;
  // Rows of an indicator table become indicators of this project; other rows become projects.
  const indicatorRows = indicatorRowsStart(frameworkId, { anchor, column, block }) !== null;
  const newIds = block.map(() => newId(indicatorRows ? 'ind' : 'proj'));
  const paste = { anchor, column, block, newIds };
  if (!commit('pasteGrid', paste)) return;
  const after = useAppStore.getState().current?.document;
  if (!after || after === current.document) {
    // Nothing changed: no 已粘贴 that would send the next Ctrl+Z to an earlier edit.
    notify({ kind: 'info', text: zhCN.edit.pasteUnchanged });
    return;
  }
  if (indicatorRows && anchor.kind === 'project') {
    notify({ kind: 'info', text: addedIndicators(current.document, after, anchor.projectId) });
    return;
  }
  const columns = Math.max(...block.map((cells) => cells.length));
  const done =
    block.length === 1 && columns <= 1
      ? zhCN.edit.pasted
      : zhCN.edit.pastedBlock(block.length, columns);
  // What reading a 绩效指标 cell set aside or read another way, and a pasted 总计 that was not
  // kept, are said, never left silent.
  const totals = pasteTotalNotes(after, paste);
  const notes = pasteGridNotes(frameworkId, paste);
  const kept = pasteKeptIndicators(current.document, paste);
  const findings = [
    kept > 0 ? zhCN.edit.indicatorsKept(kept) : '',
    totals.length > 0 ? zhCN.edit.totalNotes(totals) : '',
    notes.length > 0 ? zhCN.edit.pasteNotes(notes) : '',
  ].join('');
  notify(
    findings === ''
      ? { kind: 'info', text: done }
      : { kind: 'warning', text: `${done}。${findings}` },
  );
}

/** The notice of indicator rows pasted on a project's 绩效指标 cell: how many were added, where. */
function addedIndicators(before: JixiaoDocument, after: JixiaoDocument, projectId: string): string {
  const project = findProject(after, projectId).project;
  const added =
    project.indicators.length - findProject(before, projectId).project.indicators.length;
  return zhCN.edit.indicatorsAdded(added, project.name.trim() || zhCN.structure.newProjectName);
}
