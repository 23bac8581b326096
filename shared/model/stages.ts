import { z } from 'zod';

/**
 * Stage data of schema version 2: what the 绩效运行监控表 (mid-year, 财预〔2019〕136号) and the
 * 项目支出绩效自评表 (after the year, 财预〔2020〕10号) add to the target table. All of it is
 * optional and hangs off the existing project and indicator ids, so a target-only document is
 * unchanged. Rates (执行率), scores (得分) and totals (总分) are derived, never stored.
 */

/** Integer hundredths of the document's money unit, as in the target table. */
export const centsSchema = z.number().int().refine(Number.isSafeInteger, '金额超出范围');

/** A decimal written as text (`12.5`), kept exact; at most two decimals. */
export const decimalTextSchema = z
  .string()
  .regex(/^\d{1,6}(?:\.\d{1,2})?$/, '应为最多两位小数的数字');

/**
 * An amount split the way both forms print it: 年度资金总额 (derived: the sum), 其中 当年财政拨款,
 * 上年结转资金, 其他资金.
 */
export const stageMoneySchema = z.object({
  /** 当年财政拨款. */
  fiscal: centsSchema,
  /** 上年结转资金. */
  carryover: centsSchema.default(0),
  /** 其他资金. */
  other: centsSchema.default(0),
});

/** 年初预算数 and 全年预算数 (after adjustments), shared by monitoring and self-evaluation. */
export const yearBudgetSchema = z.object({
  /** 年初预算数; when absent it is the target table's amounts (财政拨款 + 财政专户 + 其他). */
  initial: stageMoneySchema.optional(),
  /** 全年预算数 (调整后); when absent it equals 年初预算数. */
  adjusted: stageMoneySchema.optional(),
});

/** `2025-07` (data as of the end of a month) or `2025-07-31`. */
export const stageDateSchema = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/, '应为“年-月”或“年-月-日”');

/** 绩效运行监控 of a project: spending as of the monitoring date. */
export const projectMonitoringSchema = z.object({
  /** 监控时点, e.g. `2025-07` for 1–7月执行数. */
  asOf: stageDateSchema,
  /** 截至监控时点执行数 (1–7月执行数). */
  executed: stageMoneySchema.optional(),
  /** 全年预计执行数, where the form asks for it. */
  forecast: stageMoneySchema.optional(),
  /** 年度总体目标 进展情况. */
  goalProgress: z.string().max(4000).optional(),
});

/** 项目支出绩效自评 of a project. */
export const projectEvaluationSchema = z.object({
  /** 全年执行数. */
  executed: stageMoneySchema.optional(),
  /** 年度总体目标 实际完成情况 (预期 is the target table's 年度目标). */
  goalActual: z.string().max(4000).optional(),
  /** 预算执行偏差原因分析及改进措施, required when the 执行率 line scores under full marks. */
  budgetAnalysis: z.string().max(4000).optional(),
});

/** 完成目标可能性 in the monitoring form. */
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** 偏差原因 groups in the monitoring form. */
export const DEVIATION_CAUSES = [
  '经费保障',
  '制度保障',
  '人员保障',
  '硬件条件保障',
  '其他',
] as const;
export type DeviationCause = (typeof DEVIATION_CAUSES)[number];

/** An indicator's 绩效运行监控 columns. Values are text as typed, parsed in the indicator's unit. */
export const indicatorMonitoringSchema = z.object({
  /** 截至监控时点完成值 (1–7月实际完成值). */
  toDate: z.string().max(2000).optional(),
  /** 全年预计完成值 (全年预计完成情况). */
  forecast: z.string().max(2000).optional(),
  likelihood: z.enum(LIKELIHOODS).optional(),
  /** 偏差原因分析: the groups that apply, and the explanation. */
  causes: z.array(z.enum(DEVIATION_CAUSES)).default([]),
  causeText: z.string().max(4000).optional(),
  /** 纠偏措施. */
  corrective: z.string().max(4000).optional(),
  /** 备注. */
  remark: z.string().max(2000).optional(),
});

/** An indicator's 自评 columns. 得分 is derived from these and the scoring rules. */
export const indicatorEvaluationSchema = z.object({
  /** 实际完成值 as typed (`96%`, `1200人`). */
  actual: z.string().max(2000).optional(),
  /** 分值 set by the clerk; when absent the rules share the 一级指标's points equally. */
  points: decimalTextSchema.optional(),
  /** The indicator does not apply this year: dropped from the score (rescaled if the rules say so). */
  notApplicable: z.boolean().optional(),
  /** For ＝ and 定性 indicators: the grade's label from the rules' fixed list. */
  grade: z.string().max(100).optional(),
  /** 偏差原因分析及改进措施. */
  analysis: z.string().max(4000).optional(),
});

/**
 * The document's scoring choices over the rules it names: weights and the rescaling switch are
 * settable per document (points as exact decimal text).
 */
export const documentScoringSchema = z.object({
  /** Id of a rule set in resources/scoring. */
  rulesId: z.string().min(1),
  /** 预算执行率 points, overriding the rules'. */
  budgetPoints: decimalTextSchema.optional(),
  /** Points per 一级指标 group name (`产出指标` → `50`), overriding the rules'. */
  groupPoints: z.record(z.string(), decimalTextSchema).optional(),
  /** Whether dropped indicators are rescaled, overriding the rules'. */
  rescaleNotApplicable: z.boolean().optional(),
});

export type StageMoney = z.infer<typeof stageMoneySchema>;
export type YearBudget = z.infer<typeof yearBudgetSchema>;
export type ProjectMonitoring = z.infer<typeof projectMonitoringSchema>;
export type ProjectEvaluation = z.infer<typeof projectEvaluationSchema>;
export type IndicatorMonitoring = z.infer<typeof indicatorMonitoringSchema>;
export type IndicatorEvaluation = z.infer<typeof indicatorEvaluationSchema>;
export type DocumentScoring = z.infer<typeof documentScoringSchema>;

/** The three stages of a project's year the editor shows: 目标 (January), 监控 (mid-year), 自评. */
export const STAGES = ['target', 'monitoring', 'evaluation'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  target: '目标',
  monitoring: '监控',
  evaluation: '自评',
};

/** One target field changed while 目标调整 was unlocked, as the clerk reads it. */
export const targetChangeSchema = z.object({
  projectId: z.string().min(1),
  indicatorId: z.string().min(1).optional(),
  /** Project or indicator name when the change was made, so the record reads on its own. */
  subject: z.string().max(4000),
  /** The field's Chinese name: 年度指标值, 三级指标, 年度目标, 财政拨款 … */
  field: z.string().max(100),
  before: z.string().max(4000),
  after: z.string().max(4000),
});

/**
 * 目标调整: the clerk unlocked the target fields in the 监控 or 自评 stage. Who, when, why and what
 * changed stay in the document, because reviewers compare the self-evaluation with the targets
 * that were approved.
 */
export const targetAdjustmentSchema = z.object({
  id: z.string().min(1),
  /** ISO 8601 time of the unlock. */
  at: z.string().min(1).max(40),
  /** 调整人. */
  by: z.string().min(1).max(100),
  stage: z.enum(['monitoring', 'evaluation']),
  /** 调整原因. */
  reason: z.string().max(2000).optional(),
  changes: z.array(targetChangeSchema).default([]),
});

/**
 * 序时进度预警: 执行率 below `percent` at the end of `month` is behind schedule. A checkpoint
 * applies from its month until the next one.
 */
export const scheduleCheckpointSchema = z.object({
  month: z.number().int().min(1).max(12),
  percent: z.number().min(0).max(100),
});

/**
 * Default checkpoints: a province's rule as reported second-hand in budget-execution guides
 * (DOMAIN.md §9): spending below 25 % by April, 40 % by June, 60 % by August, 80 % by October
 * is flagged. Settable per document (`settings.executionSchedule`).
 */
export const DEFAULT_EXECUTION_SCHEDULE: readonly ScheduleCheckpoint[] = [
  { month: 4, percent: 25 },
  { month: 6, percent: 40 },
  { month: 8, percent: 60 },
  { month: 10, percent: 80 },
];

export type TargetChange = z.infer<typeof targetChangeSchema>;
export type TargetAdjustment = z.infer<typeof targetAdjustmentSchema>;
export type ScheduleCheckpoint = z.infer<typeof scheduleCheckpointSchema>;
