import type { FundingUnit, JixiaoDocument, Project } from './document';
import { isExactMoney, sumMoney, type Cents } from './money';

/** The three funding columns of a row, plus its derived 总计. */
export interface RowAmounts {
  total: Cents;
  fiscal: Cents;
  specialAccount: Cents;
  other: Cents;
}

/** 总计 of a project: 财政拨款 + 财政专户拨款 + 其他资金. Never stored; NaN beyond exact range. */
export function projectAmounts(project: Project): RowAmounts {
  const { fiscal, specialAccount, other } = project.money;
  return { total: sumMoney([fiscal, specialAccount, other]), fiscal, specialAccount, other };
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

function exactRow(row: RowAmounts): boolean {
  return (
    isExactMoney(row.total) &&
    isExactMoney(row.fiscal) &&
    isExactMoney(row.specialAccount) &&
    isExactMoney(row.other)
  );
}

/** Where an amount or a derived total leaves exact range (M3). */
export interface MoneyRangeProblem {
  unitId?: string;
  projectId?: string;
  /** `合计`, `单位「…」的小计`, `项目「…」的总计`. */
  label: string;
}

/**
 * Every total of a document that is beyond exact range, the innermost first: a project's
 * 总计, a unit's 小计, the 合计. Empty when every figure the tables print is exact.
 */
export function moneyRangeProblems(document: JixiaoDocument): MoneyRangeProblem[] {
  const problems: MoneyRangeProblem[] = [];
  for (const unit of document.units) {
    let projectProblem = false;
    for (const project of unit.projects) {
      if (exactRow(projectAmounts(project))) continue;
      projectProblem = true;
      problems.push({
        unitId: unit.id,
        projectId: project.id,
        label: `单位「${unit.name}」的项目「${project.name}」的总计`,
      });
    }
    if (!projectProblem && !exactRow(unitAmounts(unit))) {
      problems.push({ unitId: unit.id, label: `单位「${unit.name}」的小计` });
    }
  }
  if (problems.length === 0 && !exactRow(documentAmounts(document))) {
    problems.push({ label: '合计' });
  }
  return problems;
}

/** One amount a project stores, with the field path the rules use and its Chinese label. */
export interface StoredAmount {
  field:
    | 'money.fiscal'
    | 'money.specialAccount'
    | 'money.other'
    | 'money.carryover'
    | 'periodMoney.total'
    | 'periodMoney.fiscal'
    | 'periodMoney.other';
  label: string;
  /** Absent (null or undefined) where the project has none: 上年结转 and the 中期 amounts. */
  cents: Cents | null | undefined;
}

/** Every amount a project stores (总计 is derived, never stored), in the order forms print them. */
export function storedAmounts(project: Project): StoredAmount[] {
  return [
    { field: 'money.fiscal', label: '财政拨款', cents: project.money.fiscal },
    { field: 'money.specialAccount', label: '财政专户拨款', cents: project.money.specialAccount },
    { field: 'money.other', label: '其他资金', cents: project.money.other },
    { field: 'money.carryover', label: '上年结转', cents: project.money.carryover },
    { field: 'periodMoney.total', label: '中期资金总额', cents: project.periodMoney?.total },
    { field: 'periodMoney.fiscal', label: '中期财政拨款', cents: project.periodMoney?.fiscal },
    { field: 'periodMoney.other', label: '中期其他资金', cents: project.periodMoney?.other },
  ];
}
