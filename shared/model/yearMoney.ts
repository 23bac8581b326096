import type { Project } from './document';
import { sumMoney, type Cents } from './money';
import type { StageMoney } from './stages';

/** 年度资金总额 of a stage amount: 当年财政拨款 + 上年结转资金 + 其他资金. Derived, never stored. */
export function stageMoneyTotal(money: StageMoney): Cents {
  return sumMoney([money.fiscal, money.carryover, money.other]);
}

/**
 * 年初预算数: the clerk's figure when given, else the target table's amounts (财政拨款 as 当年财政拨款,
 * 财政专户拨款 + 其他资金 as 其他资金, so the total is the target table's 总计).
 */
export function initialBudget(project: Project): StageMoney {
  if (project.yearBudget?.initial) return project.yearBudget.initial;
  const { fiscal, specialAccount, other } = project.money;
  return { fiscal, carryover: 0, other: sumMoney([specialAccount, other]) };
}

/** 全年预算数 (调整后): the clerk's figure when given, else 年初预算数. */
export function adjustedBudget(project: Project): StageMoney {
  return project.yearBudget?.adjusted ?? initialBudget(project);
}

/** An exact ratio of two amounts, e.g. 执行率 = 执行数 / 全年预算数. */
export interface MoneyRatio {
  numerator: Cents;
  denominator: Cents;
}

/**
 * 执行率 of an executed amount against 全年预算数, as an exact ratio of totals; null when the
 * budget is zero (no rate can be stated) or an amount is missing.
 */
export function executionRatio(
  project: Project,
  executed: StageMoney | undefined,
): MoneyRatio | null {
  if (!executed) return null;
  const denominator = stageMoneyTotal(adjustedBudget(project));
  const numerator = stageMoneyTotal(executed);
  if (!Number.isSafeInteger(denominator) || !Number.isSafeInteger(numerator)) return null;
  if (denominator <= 0) return null;
  return { numerator, denominator };
}

/** A ratio as a percentage with two decimals, rounded half up: 1/3 → `33.33%`. */
export function formatRatioPercent(ratio: MoneyRatio): string {
  const numerator = BigInt(ratio.numerator) * 10000n;
  const denominator = BigInt(ratio.denominator);
  const negative = numerator < 0n !== denominator < 0n;
  const a = numerator < 0n ? -numerator : numerator;
  const b = denominator < 0n ? -denominator : denominator;
  const hundredths = (a * 2n + b) / (2n * b);
  const whole = hundredths / 100n;
  const fraction = String(hundredths % 100n).padStart(2, '0');
  return `${negative && hundredths !== 0n ? '-' : ''}${whole}.${fraction}%`;
}
