/**
 * The document's money unit when the table does not force one: 万元, or 元 when an amount would
 * need more than two decimals in 万元. One decision, one report line, for every reader.
 */

import type { MoneyUnit, SourceLocation } from '../model';
import { amountIn, type FormAmount } from './formMoney';
import type { ImportReporter } from './report';

/** An amount as read, with what the report calls it (资金总额, 年初预算数, a form's label). */
export interface NamedAmount {
  field: string;
  amount: FormAmount;
  source?: SourceLocation;
}

/**
 * 万元 when every amount is a whole number of 分 there, else 元 (every amount converts to 元
 * exactly), with a line naming the first amount that needed it, in the order given.
 */
export function documentMoneyUnit(
  amounts: readonly NamedAmount[],
  reporter: ImportReporter,
): MoneyUnit {
  const fine = amounts.filter(({ amount }) => amountIn(amount, '万元') === null);
  const first = fine[0];
  if (!first) return '万元';
  reporter.add(
    'normalised',
    `${first.field}「${first.amount.text}」${fine.length > 1 ? '等' : ''}以万元计超过两位小数，文档金额单位采用元，全部金额按元读取。`,
    first.source,
  );
  return '元';
}
