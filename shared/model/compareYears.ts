/**
 * 与上年对比: what changed between last year's table and this year's — projects added and
 * dropped, amounts per money column (difference and rate), the annual goal, and indicators
 * added, dropped or with other values. Pure and deterministic: groups follow this year's
 * document order, with last year's dropped projects after the unit's own (and dropped units last).
 *
 * Matching (matchNames.ts), since a rolled-forward document has new ids: units by name, projects
 * by name within their unit, indicators by 一级 / 二级 / 三级 name within their project; exact
 * names first (repeated names pair in order), then names without their year numbers, preferring
 * the candidate whose years moved on by the years between the documents. A project moved to another
 * unit, or renamed beyond its year marks, is listed as dropped there and added here.
 */
import { formatMoney, convertMoney, isExactMoney, type Cents, type MoneyUnit } from './money';
import {
  snapshotOf,
  type SnapshotIndicator,
  type SnapshotProject,
  type YearSnapshot,
} from './yearSnapshot';
import type { JixiaoDocument } from './document';
import { pair } from './matchNames';

export type ChangeKind =
  | 'projectAdded'
  | 'projectDropped'
  | 'amountChanged'
  | 'goalChanged'
  | 'indicatorAdded'
  | 'indicatorDropped'
  | 'indicatorChanged';

/** 变动类型 as printed. */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, string>> = {
  projectAdded: '新增项目',
  projectDropped: '减少项目',
  amountChanged: '金额变动',
  goalChanged: '目标调整',
  indicatorAdded: '新增指标',
  indicatorDropped: '删除指标',
  indicatorChanged: '指标值变动',
};

export type MoneyColumn = 'total' | 'fiscal' | 'specialAccount' | 'other' | 'carryover';

export const MONEY_COLUMN_LABELS: Readonly<Record<MoneyColumn, string>> = {
  total: '总计',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
  carryover: '上年结转',
};

/** One line of the comparison. */
export interface YearChange {
  kind: ChangeKind;
  /** 变动内容: `财政拨款`, `年度目标`, `产出指标 › 数量指标 › 培训人次 年度指标值`. */
  subject: string;
  /** 上年 / 本年 as printed (amounts formatted, values rendered); '' where there is none. */
  before: string;
  after: string;
  /** The exact amounts behind `before` / `after` (hundredths of the comparison's money unit). */
  beforeAmount?: Cents;
  afterAmount?: Cents;
  /** 增减额 of an amount, in hundredths of the comparison's money unit. */
  difference?: Cents;
  /** 增减率 of an amount, `+12.50%`; null when last year's amount was 0. */
  rate?: string | null;
  /** The money column of an amount change. */
  column?: MoneyColumn;
}

/** The changes of one project, last year's and this year's names side by side. */
export interface ProjectChanges {
  unit: string;
  /** This year's name (last year's for a dropped project). */
  project: string;
  /** Last year's name when it differs (its year marks), else undefined. */
  previousName?: string;
  /** Ids in this year's document; absent for a dropped project. */
  unitId?: string;
  projectId?: string;
  status: 'added' | 'dropped' | 'kept';
  changes: YearChange[];
}

export interface YearComparison {
  fromYear: number | null;
  toYear: number | null;
  /** Unit of every amount in the comparison (元 when the two years use different units). */
  moneyUnit: MoneyUnit;
  /** Projects with at least one change, in document order. */
  projects: ProjectChanges[];
  /** Projects found in both years with nothing changed. */
  unchanged: number;
}

/**
 * 增减率 in hundredths of a percent, rounded half away from zero, computed on integers (BigInt)
 * so no float drift: 638.00 → 700.00 is exactly +9.72%.
 */
export function changeRate(before: Cents, after: Cents): string | null {
  if (before === 0 || !isExactMoney(before) || !isExactMoney(after)) return null;
  const numerator = (BigInt(after) - BigInt(before)) * 10000n;
  const denominator = BigInt(Math.abs(before));
  const negative = numerator < 0n;
  const absolute = negative ? -numerator : numerator;
  const hundredths = (absolute * 2n + denominator) / (denominator * 2n);
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}%`;
  return hundredths === 0n ? `0.00%` : `${negative ? '-' : '+'}${text}`;
}

function difference(before: Cents, after: Cents): Cents {
  const value = after - before;
  return Number.isSafeInteger(value) ? value : Number.NaN;
}

type Money = SnapshotProject['money'];

function columnsOf(money: Money): Record<MoneyColumn, Cents | null> {
  const total = money.fiscal + money.specialAccount + money.other;
  return {
    total: Number.isSafeInteger(total) ? total : Number.NaN,
    fiscal: money.fiscal,
    specialAccount: money.specialAccount,
    other: money.other,
    carryover: money.carryover ?? null,
  };
}

function convert(money: Money, from: MoneyUnit, to: MoneyUnit): Money {
  const one = (cents: Cents) => convertMoney(cents, from, to) ?? Number.NaN;
  return {
    fiscal: one(money.fiscal),
    specialAccount: one(money.specialAccount),
    other: one(money.other),
    ...(money.carryover === undefined || money.carryover === null
      ? {}
      : { carryover: one(money.carryover) }),
  };
}

/**
 * Amount lines of a project: each funding column that changed; 总计 too when two or more of them
 * changed (one changed column already says how the total moved).
 */
function amountChanges(before: Money, after: Money): YearChange[] {
  const from = columnsOf(before);
  const to = columnsOf(after);
  const parts: MoneyColumn[] = ['fiscal', 'specialAccount', 'other', 'carryover'];
  const changed = parts.filter((column) => (from[column] ?? 0) !== (to[column] ?? 0));
  const shown: MoneyColumn[] = changed.length >= 2 ? ['total', ...changed] : changed;
  return shown.map((column) => {
    const a = from[column] ?? 0;
    const b = to[column] ?? 0;
    return {
      kind: 'amountChanged',
      column,
      subject: MONEY_COLUMN_LABELS[column],
      before: formatMoney(a),
      after: formatMoney(b),
      beforeAmount: a,
      afterAmount: b,
      difference: difference(a, b),
      rate: changeRate(a, b),
    };
  });
}

const indicatorKey = (indicator: SnapshotIndicator) =>
  `${indicator.level1}\u0000${indicator.level2}\u0000${indicator.name}`;

function indicatorPath(indicator: SnapshotIndicator): string {
  return [indicator.level1, indicator.level2, indicator.name].filter(Boolean).join(' › ');
}

const flat = (text: string) => text.replace(/\s+/gu, ' ').trim();

function indicatorChanges(
  before: readonly SnapshotIndicator[],
  after: readonly SnapshotIndicator[],
  shift: number,
): YearChange[] {
  const partner = pair(before, after, indicatorKey, indicatorKey, shift);
  const used = new Set(partner);
  const changes: YearChange[] = [];
  after.forEach((indicator, index) => {
    const match = before[partner[index] ?? -1];
    const path = indicatorPath(indicator);
    if (!match) {
      changes.push({ kind: 'indicatorAdded', subject: path, before: '', after: indicator.annual });
      return;
    }
    for (const [field, label] of [
      ['annual', '年度指标值'],
      ['period', '实施周期指标值'],
    ] as const) {
      if (flat(match[field]) === flat(indicator[field])) continue;
      changes.push({
        kind: 'indicatorChanged',
        subject: `${path} ${label}`,
        before: match[field],
        after: indicator[field],
      });
    }
  });
  before.forEach((indicator, index) => {
    if (used.has(index)) return;
    changes.push({
      kind: 'indicatorDropped',
      subject: indicatorPath(indicator),
      before: indicator.annual,
      after: '',
    });
  });
  return changes;
}

function totalOf(money: Money): Cents {
  return columnsOf(money).total ?? 0;
}

function projectChanges(
  before: SnapshotProject,
  after: SnapshotProject,
  shift: number,
): YearChange[] {
  const changes = amountChanges(before.money, after.money);
  if (flat(before.goal) !== flat(after.goal)) {
    changes.push({
      kind: 'goalChanged',
      subject: '年度目标',
      before: before.goal,
      after: after.goal,
    });
  }
  changes.push(...indicatorChanges(before.indicators, after.indicators, shift));
  return changes;
}

function added(project: SnapshotProject): YearChange {
  const total = totalOf(project.money);
  return {
    kind: 'projectAdded',
    subject: '总计',
    before: '',
    after: formatMoney(total),
    afterAmount: total,
  };
}

function dropped(project: SnapshotProject): YearChange {
  const total = totalOf(project.money);
  return {
    kind: 'projectDropped',
    subject: '总计',
    before: formatMoney(total),
    after: '',
    beforeAmount: total,
  };
}

/** Last year's figures and this year's in one money unit (元 when they differ). */
function sameUnit(
  previous: YearSnapshot,
  current: YearSnapshot,
): [YearSnapshot, YearSnapshot, MoneyUnit] {
  if (previous.moneyUnit === current.moneyUnit) return [previous, current, current.moneyUnit];
  const to = (snapshot: YearSnapshot): YearSnapshot => ({
    ...snapshot,
    moneyUnit: '元',
    units: snapshot.units.map((unit) => ({
      ...unit,
      projects: unit.projects.map((project) => ({
        ...project,
        money: convert(project.money, snapshot.moneyUnit, '元'),
      })),
    })),
  });
  return [to(previous), to(current), '元'];
}

/**
 * Compares last year (a snapshot, e.g. `document.previousYear`, or `snapshotOf(lastYearsFile)`)
 * with this year's document. Ids of the result point into `current`.
 */
export function compareYears(previousYear: YearSnapshot, current: JixiaoDocument): YearComparison {
  const [previous, now, moneyUnit] = sameUnit(previousYear, snapshotOf(current));
  const result: YearComparison = {
    fromYear: previous.year,
    toYear: now.year,
    moneyUnit,
    projects: [],
    unchanged: 0,
  };
  const shift =
    previous.year !== null && now.year !== null && now.year > previous.year
      ? now.year - previous.year
      : 1;
  const unitPartner = pair(
    previous.units,
    now.units,
    (unit) => unit.name,
    (unit) => unit.name,
    shift,
  );
  now.units.forEach((unit, unitIndex) => {
    const unitId = current.units[unitIndex]?.id;
    const last = previous.units[unitPartner[unitIndex] ?? -1];
    const lastProjects = last?.projects ?? [];
    const partner = pair(
      lastProjects,
      unit.projects,
      (project) => project.name,
      (project) => project.name,
      shift,
    );
    unit.projects.forEach((project, projectIndex) => {
      const projectId = current.units[unitIndex]?.projects[projectIndex]?.id;
      const ids = { ...(unitId ? { unitId } : {}), ...(projectId ? { projectId } : {}) };
      const match = lastProjects[partner[projectIndex] ?? -1];
      if (!match) {
        result.projects.push({
          unit: unit.name,
          project: project.name,
          ...ids,
          status: 'added',
          changes: [added(project)],
        });
        return;
      }
      const changes = projectChanges(match, project, shift);
      if (changes.length === 0) {
        result.unchanged += 1;
        return;
      }
      result.projects.push({
        unit: unit.name,
        project: project.name,
        ...(match.name === project.name ? {} : { previousName: match.name }),
        ...ids,
        status: 'kept',
        changes,
      });
    });
    const used = new Set(partner);
    lastProjects.forEach((project, index) => {
      if (used.has(index)) return;
      result.projects.push(droppedProject(last?.name ?? unit.name, project));
    });
  });
  const usedUnits = new Set(unitPartner);
  previous.units.forEach((unit, index) => {
    if (usedUnits.has(index)) return;
    for (const project of unit.projects) result.projects.push(droppedProject(unit.name, project));
  });
  return result;
}

function droppedProject(unit: string, project: SnapshotProject): ProjectChanges {
  return { unit, project: project.name, status: 'dropped', changes: [dropped(project)] };
}

/** Counts by kind of change, for a summary line. */
export function countChanges(comparison: YearComparison): Record<ChangeKind, number> {
  const counts = Object.fromEntries(
    Object.keys(CHANGE_KIND_LABELS).map((kind) => [kind, 0]),
  ) as Record<ChangeKind, number>;
  for (const project of comparison.projects) {
    for (const change of project.changes) counts[change.kind] += 1;
  }
  return counts;
}

/** 增减额 as printed: `+62.00`, `-160.00`. */
export function formatDifference(cents: Cents): string {
  const text = formatMoney(cents);
  return cents > 0 ? `+${text}` : text;
}
