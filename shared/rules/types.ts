import type { Framework } from '../frameworks';
import type { Cents, IndicatorValue } from '../model';

/** How bad a finding is: an error is refused by the budget system, a warning is sent back. */
export type Severity = 'error' | 'warning';

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  error: '错误',
  warning: '警告',
};

/** The fixed vocabulary reviewers use when they send an indicator back (DOMAIN §6). */
export const REVIEWER_REASONS = [
  '指标不够完整',
  '指标不够细化、量化',
  '指标与项目的相关性不够',
  '指标与指标值不匹配',
  '建议拆分指标',
  '一级指标类型错误',
  '二级指标类型错误',
  '建议增加明确效益指标',
  '建议增加明确产出指标',
  '建议增加满意度指标',
  '其他',
] as const;
export type ReviewerReason = (typeof REVIEWER_REASONS)[number];

/** The two value cells of an indicator. */
export type ValueField = 'period' | 'annual';

/**
 * Where a finding is. `field` names the cell: `name`, `level1`, `level2`, `period`, `annual`,
 * `values` (both value cells, when they are equal and share the finding), `note`, `goals.annual`,
 * `goals.period`, `money.total` (a declared 总计), `periodMoney.total`, `indicators` (the project's
 * list as a whole).
 */
export interface Location {
  unitId?: string;
  projectId?: string;
  indicatorId?: string;
  field?: string;
}

/** Text cells that the text fixes can rewrite. */
export type TextField = 'name' | 'note' | 'goals.annual' | 'goals.period' | ValueField;

/** Points at one project (`indicatorId` absent) or one indicator of it. */
export interface Target {
  unitId: string;
  projectId: string;
  indicatorId?: string;
}

/**
 * A safe, serialisable repair a finding offers. `applyFix` performs it and returns a new
 * document; a fix whose target changed since the check (`from` no longer matches) does nothing.
 */
export type Fix = { id: string; label: string } & (
  | {
      kind: 'set-value';
      target: Target;
      fields: ValueField[];
      /** The value the check saw; the fix applies only while the cells still hold it. */
      from: IndicatorValue;
      to: IndicatorValue;
    }
  | { kind: 'copy-annual-to-period'; target: Target }
  | {
      kind: 'set-category';
      target: Target;
      from: { level1: string; level2: string };
      to: { level1: string; level2: string };
    }
  | { kind: 'strip-html' | 'normalise-punctuation'; target: Target; field: TextField }
  | { kind: 'set-period-total'; target: Target; from: Cents; to: Cents }
);

export type FixKind = Fix['kind'];

export interface Finding {
  /** Rule code from `RULES` (`R2`, `V8` …). */
  code: string;
  severity: Severity;
  where: Location;
  /** Chinese sentence naming the project and indicator. */
  message: string;
  reviewerReason: ReviewerReason;
  fix?: Fix;
}

/**
 * Totals as printed in an imported table. The model derives every total, so only a source's
 * own 总计 / unit rows / 合计 can disagree with the amounts (M1, M2).
 */
export interface DeclaredTotals {
  /** The 合计 row's 总计. */
  document?: Cents;
  /** Unit rows' 总计, by unit id. */
  units?: Readonly<Record<string, Cents>>;
  /** Project rows' 总计, by project id. */
  projects?: Readonly<Record<string, Cents>>;
}

export interface CheckOptions {
  /** Framework to check categories against; default: the one the document names. */
  framework?: Framework;
  /** Totals read from an imported table, checked against the derived ones. */
  declaredTotals?: DeclaredTotals;
}
