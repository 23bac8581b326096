import { z } from 'zod';
import {
  centsSchema as cents,
  documentScoringSchema,
  indicatorEvaluationSchema,
  indicatorMonitoringSchema,
  projectEvaluationSchema,
  projectMonitoringSchema,
  scheduleCheckpointSchema,
  targetAdjustmentSchema,
  yearBudgetSchema,
} from './stages';
import { SIGNS } from './value';
import { yearSnapshotSchema } from './yearSnapshot';

/**
 * Current schema version of `*.jixiao.json` files. Version 2 adds the optional stage data of
 * shared/model/stages.ts (监控 and 自评); version-1 files migrate by the version number alone.
 */
export const SCHEMA_VERSION = 2;

export const indicatorValueSchema = z.object({
  sign: z.enum(SIGNS),
  value: z.string().max(2000),
  unit: z.string().max(20),
  text: z.string().max(2000).optional(),
});

export const sourceLocationSchema = z.object({
  /** 1-based line of a text source. */
  line: z.number().int().positive().optional(),
  sheet: z.string().optional(),
  /** 1-based row and column of a table source. */
  row: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  /** Address as a user reads it, e.g. `B12` or `表格 2 第 3 行`. */
  cell: z.string().optional(),
});

export const rawNoteSchema = z.object({
  text: z.string(),
  reason: z.string(),
  source: sourceLocationSchema.optional(),
});

export const indicatorSchema = z.object({
  id: z.string().min(1),
  /** 一级指标: the framework's full name when matched, else the text as found. */
  level1: z.string(),
  /** 二级指标: the framework's full name when matched, else the text as found. */
  level2: z.string(),
  /** 三级指标 name. */
  name: z.string(),
  /** 实施周期指标值 (or 中期指标值 in the national form). */
  period: indicatorValueSchema,
  /** 年度指标值. */
  annual: indicatorValueSchema,
  /** 指标值说明 / 绩效标准, where the form has one. */
  note: z.string().optional(),
  /** 绩效运行监控 columns (schema 2). */
  monitoring: indicatorMonitoringSchema.optional(),
  /** 自评 columns (schema 2). */
  evaluation: indicatorEvaluationSchema.optional(),
});

export const projectMoneySchema = z.object({
  /** 财政拨款. */
  fiscal: cents,
  /** 财政专户拨款. */
  specialAccount: cents,
  /** 其他资金. */
  other: cents,
  /** 上年结转, where the form shows it. */
  carryover: cents.nullable().optional(),
});

export const periodMoneySchema = z.object({
  /** 中期/实施期资金总额. */
  total: cents,
  /** 其中：财政拨款. */
  fiscal: cents,
  /** 其他资金. */
  other: cents,
});

export const projectSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  code: z.string().optional(),
  /** 主管部门及代码. */
  supervisor: z.string().optional(),
  /** 实施单位 when it differs from the funding unit. */
  implementer: z.string().optional(),
  /** 项目属性. */
  attribute: z.enum(['新增', '延续']).nullable().optional(),
  /** 项目期, first and last year. */
  periodStart: z.number().int().nullable().optional(),
  periodEnd: z.number().int().nullable().optional(),
  money: projectMoneySchema,
  periodMoney: periodMoneySchema.nullable().optional(),
  goals: z.object({
    /** 年度目标 (the disclosure table's 绩效目标). */
    annual: z.string(),
    /** 中期/实施期目标. */
    period: z.string().optional(),
  }),
  indicators: z.array(indicatorSchema),
  /** Text an importer could not place, kept with where it came from. */
  raw: z.array(rawNoteSchema).default([]),
  /** 年初预算数 / 全年预算数 for monitoring and self-evaluation (schema 2). */
  yearBudget: yearBudgetSchema.optional(),
  /** 绩效运行监控 of the project (schema 2). */
  monitoring: projectMonitoringSchema.optional(),
  /** 项目支出绩效自评 of the project (schema 2). */
  evaluation: projectEvaluationSchema.optional(),
});

export const fundingUnitSchema = z.object({
  id: z.string().min(1),
  /** 资金使用单位 / 实施单位. */
  name: z.string(),
  projects: z.array(projectSchema),
});

export const documentSettingsSchema = z.object({
  /** V10: satisfaction targets below this percentage are flagged. */
  satisfactionFloor: z.number().min(0).max(100).default(85),
  /** R8: indicator count band per project. */
  indicatorCountMin: z.number().int().min(0).default(4),
  indicatorCountMax: z.number().int().min(1).default(15),
  /** R5 and V4 text limits. */
  nameMaxLength: z.number().int().min(1).default(100),
  valueMaxLength: z.number().int().min(1).default(200),
  /** J2 序时进度 checkpoints of the 监控 stage; absent means DEFAULT_EXECUTION_SCHEDULE. */
  executionSchedule: z.array(scheduleCheckpointSchema).max(12).optional(),
});

/** The years a document may name (预算年度). */
export const FISCAL_YEAR_RANGE = { min: 1990, max: 2200 } as const;

export const documentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  title: z.string(),
  /** 部门名称. */
  department: z.string(),
  fiscalYear: z.number().int().min(FISCAL_YEAR_RANGE.min).max(FISCAL_YEAR_RANGE.max).nullable(),
  moneyUnit: z.enum(['万元', '元']),
  /** Id of a framework in resources/frameworks. */
  frameworkId: z.string().min(1),
  /** Year of the document this one was rolled forward from. */
  sourceYear: z.number().int().nullable().optional(),
  settings: documentSettingsSchema.default(() => documentSettingsSchema.parse({})),
  /** Scoring rules and weights for the 自评表 (schema 2); absent means the default rules. */
  scoring: documentScoringSchema.optional(),
  /** 上年数据 kept by 新建下一年度… for 与上年对比 (optional, additive: older files have none). */
  previousYear: yearSnapshotSchema.optional(),
  /** 目标调整 records: target fields changed in the 监控 or 自评 stage (optional, additive). */
  targetAdjustments: z.array(targetAdjustmentSchema).optional(),
  units: z.array(fundingUnitSchema),
});

export type IndicatorValueData = z.infer<typeof indicatorValueSchema>;
export type SourceLocation = z.infer<typeof sourceLocationSchema>;
export type RawNote = z.infer<typeof rawNoteSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ProjectMoney = z.infer<typeof projectMoneySchema>;
export type PeriodMoney = z.infer<typeof periodMoneySchema>;
export type Project = z.infer<typeof projectSchema>;
export type FundingUnit = z.infer<typeof fundingUnitSchema>;
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;
export type JixiaoDocument = z.infer<typeof documentSchema>;

export const DEFAULT_TITLE = '项目支出绩效目标表（含转移支付项目）';
