/**
 * The 资金总额 column of the budget system's export, read exactly into the document's unit: the
 * table's 金额单位, or 元 when an amount needs more than two decimals in 万元 (decided as the forms
 * decide). A unit written in the cell (`12万元`, `300元`) is used and said; an amount that cannot be
 * read becomes 0 with a 请核对 line and the reason to keep its text raw; one below zero is kept as
 * printed, as every reader keeps it, and the import's line for negative amounts names it.
 */

import { formatMoney, parseMoney, type Cents, type MoneyUnit, type SourceLocation } from '../model';
import { documentMoneyUnit } from './documentUnit';
import { amountIn, parseFormAmount, type FormAmount } from './formMoney';
import type { ImportReporter } from './report';

export interface MoneyCell {
  text: string;
  source: SourceLocation;
}

export interface MoneyColumn {
  /** The document's unit. */
  unit: MoneyUnit;
  /** A cell's amount in the document's unit, exactly; null when it is no amount. */
  amountOf: (text: string) => Cents | null;
  /**
   * A unit's or project's amount: the amount (a glued unit reported; below zero as printed), or 0
   * with a warning and the reason to keep the text raw when it is no amount.
   */
  read: (text: string, source: SourceLocation, owner: string) => { cents: Cents; refused?: string };
}

/**
 * A cell as written: in the table's unit (blank is 0), with its own unit glued on, or 万元 with three
 * to six decimals read exactly in 元; null when it is no amount or not a whole number of 分.
 */
function cellAmount(text: string, written: MoneyUnit): FormAmount | null {
  const cents = parseMoney(text);
  if (cents !== null) return { cents, unit: written, glued: false, text };
  return parseFormAmount(text, written);
}

/** The column whose cells (the units' and projects' amounts, in table order) are given. */
export function readMoneyColumn(
  cells: readonly MoneyCell[],
  written: MoneyUnit,
  reporter: ImportReporter,
): MoneyColumn {
  const unit =
    written === '元'
      ? '元'
      : documentMoneyUnit(
          cells.flatMap(({ text, source }) => {
            const amount = cellAmount(text, written);
            return amount ? [{ field: '资金总额', amount, source }] : [];
          }),
          reporter,
        );
  const amountOf = (text: string): Cents | null => {
    const amount = cellAmount(text, written);
    return amount === null ? null : amountIn(amount, unit);
  };
  const read = (text: string, source: SourceLocation, owner: string) => {
    const amount = cellAmount(text, written);
    const cents = amount === null ? null : amountIn(amount, unit);
    // Below zero is kept as printed: the import's 请核对 line for negative amounts says so.
    if (amount && cents !== null) {
      if (amount.glued)
        reporter.add(
          'normalised',
          `资金总额「${text}」按单元格中写的单位读取，记为 ${formatMoney(cents)} ${unit}。`,
          source,
          owner,
        );
      return { cents };
    }
    reporter.add(
      'warning',
      `资金总额「${text}」不是精确到分的金额，记为 0，请核对。`,
      source,
      owner,
    );
    return { cents: 0, refused: '资金总额不是精确到分的金额' };
  };
  return { unit, amountOf, read };
}
