/**
 * Merging a project or unit file prepared by a colleague into the department's document.
 * Units are matched by name; a project whose name already exists in the same unit is a
 * duplicate the user resolves: keep both, replace the existing one, or skip the incoming one.
 */

import type { FundingUnit, JixiaoDocument, Project } from './document';
import { newId } from './ids';
import { storedAmounts } from './totals';
import { convertMoney, formatMoney, type Cents } from './money';
import type { StageMoney } from './stages';

export type DuplicateResolution = 'keep-both' | 'replace' | 'skip';

export interface Duplicate {
  /** Id of the incoming project (the key for `resolutions`). */
  incomingProjectId: string;
  /** Id of the target's project with the same name. */
  targetProjectId: string;
  unit: string;
  project: string;
}

export interface MergeOptions {
  /** Per duplicate, by incoming project id; unresolved duplicates are kept both. */
  resolutions?: Record<string, DuplicateResolution>;
}

export interface MergeResult {
  document: JixiaoDocument;
  duplicates: Duplicate[];
  /** Chinese sentences about what the merge changed (unit conversion, framework). */
  notes: string[];
  /**
   * Chinese sentences about amounts the merge changed that the clerk must check: an amount set
   * to 0 because it could not convert exactly, and a replaced project's amounts, old → new.
   */
  checks: string[];
}

/** The amounts a replaced project had and has, as `财政拨款 120.00 → 98.50`, where they differ. */
function replacedAmounts(before: Project, after: Project, unit: string): string | null {
  const shown = (cents: Cents | null | undefined) =>
    cents === null || cents === undefined ? '空' : formatMoney(cents);
  const now = storedAmounts(after);
  const changed = storedAmounts(before).flatMap((old, index) => {
    const next = now[index]?.cents;
    return (old.cents ?? null) === (next ?? null)
      ? []
      : [`${old.label} ${shown(old.cents)} → ${shown(next)}`];
  });
  return changed.length === 0 ? null : `${changed.join('，')}（${unit}）`;
}

function nameKey(name: string): string {
  return name
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** Lists the incoming projects whose names already exist in the same unit of the target. */
export function findDuplicates(target: JixiaoDocument, incoming: JixiaoDocument): Duplicate[] {
  const duplicates: Duplicate[] = [];
  for (const unit of incoming.units) {
    const existing = target.units.find(
      (candidate) => nameKey(candidate.name) === nameKey(unit.name),
    );
    if (!existing) continue;
    for (const project of unit.projects) {
      const same = existing.projects.find(
        (candidate) => nameKey(candidate.name) === nameKey(project.name),
      );
      if (same) {
        duplicates.push({
          incomingProjectId: project.id,
          targetProjectId: same.id,
          unit: existing.name,
          project: project.name,
        });
      }
    }
  }
  return duplicates;
}

/**
 * Merges `incoming` into `target`. Pure: neither input changes. Incoming amounts are converted
 * exactly into the target's unit (an amount that cannot convert exactly is set to 0 and kept as
 * raw text on the project); incoming items get new ids.
 */
export function mergeDocuments(
  target: JixiaoDocument,
  incoming: JixiaoDocument,
  options: MergeOptions = {},
): MergeResult {
  const duplicates = findDuplicates(target, incoming);
  const notes: string[] = [];
  const checks: string[] = [];
  if (incoming.frameworkId !== target.frameworkId) {
    notes.push(
      `导入文档使用的指标体系（${incoming.frameworkId}）与当前文档（${target.frameworkId}）不同，指标类别按名称保留，请检查。`,
    );
  }
  const convert = (project: Project): Project => {
    const next: Project = {
      ...project,
      id: newId('prj'),
      money: { ...project.money },
      indicators: project.indicators.map((indicator) => ({ ...indicator, id: newId('ind') })),
      raw: [...project.raw],
    };
    if (incoming.moneyUnit === target.moneyUnit) return next;
    const exact = (cents: Cents, label: string): Cents => {
      const converted = convertMoney(cents, incoming.moneyUnit, target.moneyUnit);
      if (converted !== null) return converted;
      const text = `${formatMoney(cents)} ${incoming.moneyUnit}`;
      next.raw.push({ text, reason: `${label}换算成${target.moneyUnit}会丢失数字，按 0 计` });
      checks.push(
        `项目「${project.name}」的${label} ${text} 换算成${target.moneyUnit}会丢失数字，已按 0 计并保留原数，请手工填写。`,
      );
      return 0;
    };
    next.money.fiscal = exact(project.money.fiscal, '财政拨款');
    next.money.specialAccount = exact(project.money.specialAccount, '财政专户拨款');
    next.money.other = exact(project.money.other, '其他资金');
    if (typeof project.money.carryover === 'number')
      next.money.carryover = exact(project.money.carryover, '上年结转');
    if (project.periodMoney) {
      next.periodMoney = {
        total: exact(project.periodMoney.total, '中期资金总额'),
        fiscal: exact(project.periodMoney.fiscal, '中期财政拨款'),
        other: exact(project.periodMoney.other, '中期其他资金'),
      };
    }
    // Stage amounts (年初/全年预算数, 执行数) are in the document's unit too; copies, so the
    // colleague's document stays as it was.
    const stage = (amount: StageMoney, label: string): StageMoney => ({
      fiscal: exact(amount.fiscal, `${label}当年财政拨款`),
      carryover: exact(amount.carryover, `${label}上年结转资金`),
      other: exact(amount.other, `${label}其他资金`),
    });
    const { yearBudget, monitoring, evaluation } = project;
    if (yearBudget) {
      next.yearBudget = { ...yearBudget };
      if (yearBudget.initial) next.yearBudget.initial = stage(yearBudget.initial, '年初预算数');
      if (yearBudget.adjusted) next.yearBudget.adjusted = stage(yearBudget.adjusted, '全年预算数');
    }
    if (monitoring) {
      next.monitoring = { ...monitoring };
      if (monitoring.executed)
        next.monitoring.executed = stage(monitoring.executed, '截至监控时点执行数');
      if (monitoring.forecast)
        next.monitoring.forecast = stage(monitoring.forecast, '全年预计执行数');
    }
    if (evaluation?.executed) {
      next.evaluation = { ...evaluation, executed: stage(evaluation.executed, '全年执行数') };
    }
    return next;
  };
  if (incoming.moneyUnit !== target.moneyUnit) {
    notes.push(`导入文档的金额单位是${incoming.moneyUnit}，已换算为${target.moneyUnit}。`);
  }

  const units: FundingUnit[] = target.units.map((unit) => ({
    ...unit,
    projects: [...unit.projects],
  }));
  for (const unit of incoming.units) {
    let into = units.find((candidate) => nameKey(candidate.name) === nameKey(unit.name));
    if (!into) {
      into = { id: newId('unit'), name: unit.name, projects: [] };
      units.push(into);
    }
    for (const project of unit.projects) {
      const duplicate = duplicates.find((entry) => entry.incomingProjectId === project.id);
      const resolution = duplicate
        ? (options.resolutions?.[project.id] ?? 'keep-both')
        : 'keep-both';
      if (resolution === 'skip') continue;
      const merged = convert(project);
      const existing = duplicate
        ? into.projects.findIndex((candidate) => candidate.id === duplicate.targetProjectId)
        : -1;
      const replaced = resolution === 'replace' && existing >= 0 ? into.projects[existing] : null;
      if (replaced) {
        into.projects[existing] = merged;
        const amounts = replacedAmounts(replaced, merged, target.moneyUnit);
        if (amounts)
          checks.push(`单位「${into.name}」项目「${replaced.name}」替换后金额：${amounts}。`);
      } else into.projects.push(merged);
    }
  }
  return { document: { ...target, units }, duplicates, notes, checks };
}
