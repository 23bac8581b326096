import {
  sumMoney,
  unitAmounts,
  type FundingUnit,
  type JixiaoDocument,
  type RowAmounts,
} from '../../../shared/model';

const units = new WeakMap<FundingUnit, RowAmounts>();
const documents = new WeakMap<JixiaoDocument, RowAmounts>();

/**
 * A unit's subtotal, computed once per unit version: an edit leaves every other unit the same
 * object (immer shares what it did not touch), so only the edited unit is summed again.
 */
export function unitTotals(unit: FundingUnit): RowAmounts {
  let amounts = units.get(unit);
  if (!amounts) {
    amounts = unitAmounts(unit);
    units.set(unit, amounts);
  }
  return amounts;
}

/** 合计 of the document from its units' subtotals: the same figures as `documentAmounts`. */
export function documentTotals(document: JixiaoDocument): RowAmounts {
  let amounts = documents.get(document);
  if (!amounts) {
    const subtotals = document.units.map(unitTotals);
    const sum = (key: keyof RowAmounts) => sumMoney(subtotals.map((row) => row[key]));
    amounts = {
      total: sum('total'),
      fiscal: sum('fiscal'),
      specialAccount: sum('specialAccount'),
      other: sum('other'),
    };
    documents.set(document, amounts);
  }
  return amounts;
}
