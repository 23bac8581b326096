import type { FundingUnit, JixiaoDocument, Project } from './document';
import { sumMoney, type Cents } from './money';

/** The three funding columns of a row, plus its derived 总计. */
export interface RowAmounts {
  total: Cents;
  fiscal: Cents;
  specialAccount: Cents;
  other: Cents;
}

/** 总计 of a project: 财政拨款 + 财政专户拨款 + 其他资金. Never stored. */
export function projectAmounts(project: Project): RowAmounts {
  const { fiscal, specialAccount, other } = project.money;
  return { total: fiscal + specialAccount + other, fiscal, specialAccount, other };
}

function addRows(rows: readonly RowAmounts[]): RowAmounts {
  return {
    total: sumMoney(rows.map((row) => row.total)),
    fiscal: sumMoney(rows.map((row) => row.fiscal)),
    specialAccount: sumMoney(rows.map((row) => row.specialAccount)),
    other: sumMoney(rows.map((row) => row.other)),
  };
}

/** Subtotal of a funding unit: the sum of its projects. */
export function unitAmounts(unit: FundingUnit): RowAmounts {
  return addRows(unit.projects.map(projectAmounts));
}

/** 合计 of the document: the sum of its units. */
export function documentAmounts(document: JixiaoDocument): RowAmounts {
  return addRows(document.units.map(unitAmounts));
}
