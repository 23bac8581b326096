/**
 * A 万元 disclosure table with an amount of three to six decimals (`1.235`): a whole number of 分
 * only in 元. The document is then read in 元, every amount converted exactly, as per-project forms
 * and the 湖南 export already do; before, such an amount was refused and counted as 0.
 */

import { convertMoney } from '../../model';
import { documentMoneyUnit, type NamedAmount } from '../documentUnit';
import { amountIn, parseFormAmount } from '../formMoney';
import type { ImportReporter } from '../report';
import type { BodyRow } from './body';
import { AMOUNT_COLUMNS, COLUMN_LABELS } from './columns';

/** The amount of a plain number written with three to six decimals of 万元, in 元; else null. */
function fineAmount(text: string) {
  const amount = parseFormAmount(text, '万元');
  return amount && !amount.glued && amount.unit === '元' ? amount : null;
}

/**
 * Reads the rows' amounts in 元 when one needs it (one report line names the first), and says
 * whether it did. Amounts that read in 万元 are converted exactly; the rest stay refused.
 */
export function readInYuanWhenNeeded(rows: readonly BodyRow[], reporter: ImportReporter): boolean {
  const fine: NamedAmount[] = [];
  for (const row of rows) {
    for (const column of AMOUNT_COLUMNS) {
      if (row.amounts[column] !== null) continue;
      const amount = fineAmount(row.amountText[column]);
      if (amount) fine.push({ field: COLUMN_LABELS[column], amount, source: row.source });
    }
  }
  if (fine.length === 0 || documentMoneyUnit(fine, reporter) !== '元') return false;
  for (const row of rows) {
    for (const column of AMOUNT_COLUMNS) {
      const cents = row.amounts[column];
      if (cents !== null) {
        row.amounts[column] = convertMoney(cents, '万元', '元');
        continue;
      }
      const amount = fineAmount(row.amountText[column]);
      if (amount) row.amounts[column] = amountIn(amount, '元');
    }
  }
  return true;
}
