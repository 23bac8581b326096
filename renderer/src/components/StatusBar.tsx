import { MONEY_COLUMNS, GRID_COLUMNS } from '../../../shared/edit';
import {
  formatMoney,
  projectAmounts,
  type AmountColumn,
  type JixiaoDocument,
} from '../../../shared/model';
import { unitTotals } from '../grid/totals';
import { rowsOf, selectedRange } from '../grid/gridModel';
import { zhCN } from '../i18n/zh-CN';
import { useAppStore } from '../store';
import { useStage } from '../stage/stageState';
import './statusBar.css';

/**
 * 求和 and 计数 of the amounts in the selected cells, as Excel's status bar shows them: for a
 * range of cells only. One cell's amount stands in the cell itself, and a status line that
 * changed on every arrow key cost each move a layout and a repaint of the window's frame.
 */
export function selectionSum(document: JixiaoDocument): { sum: number; count: number } | null {
  const rows = rowsOf(document);
  const { top, bottom, left, right } = selectedRange();
  if (top === bottom && left === right) return null;
  let sum = 0;
  let count = 0;
  let money = false;
  for (let column = left; column <= right; column++) {
    const key = GRID_COLUMNS[column]?.key;
    if (!key || !MONEY_COLUMNS.has(key)) continue;
    money = true;
    for (let index = top; index <= bottom; index++) {
      const row = rows[index];
      if (!row) continue;
      const amounts =
        row.kind === 'unit'
          ? unitTotals(document.units[row.unitIndex] as JixiaoDocument['units'][number])
          : projectAmounts(
              document.units[row.unitIndex]?.projects[row.projectIndex] as Parameters<
                typeof projectAmounts
              >[0],
            );
      const value = amounts[key as AmountColumn];
      if (value !== 0) {
        sum += value;
        count += 1;
      }
    }
  }
  return money ? { sum, count } : null;
}

/** The window's bottom line: sum and count of the selected amounts, the document's size. */
export function StatusBar({ document, counts }: { document: JixiaoDocument; counts: string }) {
  useAppStore((state) => state.selection);
  // The 监控 / 自评 views show other figures in the money columns: no 求和 of the target's.
  const totals = useStage() === 'target' ? selectionSum(document) : null;
  return (
    <footer className="status-bar" aria-label={zhCN.status.label}>
      <span className="status-counts">{counts}</span>
      {totals ? (
        <span className="status-sum" data-testid="status-sum">
          {zhCN.status.sum(formatMoney(totals.sum), document.moneyUnit)}
          <span className="status-sep" aria-hidden="true" />
          {zhCN.status.count(totals.count)}
        </span>
      ) : null}
    </footer>
  );
}
