/**
 * The 监控表, 自评表 and summary templates as data (resources/templates/*.json), like the indicator
 * frameworks and the scoring rules: labels, money rows and column widths with their sources. The
 * layouts read every label from here; a region's variant is another file of the same shape.
 */
import { z } from 'zod';
import monitoringCentral from '../../resources/templates/monitoring-central-2019.json' with { type: 'json' };
import selfEvaluationCentral from '../../resources/templates/self-evaluation-central-2020.json' with { type: 'json' };
import summary from '../../resources/templates/stage-summary.json' with { type: 'json' };

const source = z.object({ id: z.string(), title: z.string(), note: z.string() });
const part = z.enum(['fiscal', 'carryover', 'other']);
const band = z.array(z.object({ key: z.string(), widthMm: z.number().positive() })).min(1);
const headed = z
  .array(z.object({ key: z.string(), header: z.string(), widthMm: z.number().positive() }))
  .min(1);

const monitoringSchema = z.object({
  id: z.string(),
  title: z.string(),
  sources: z.array(source).min(1),
  labels: z.object({
    projectName: z.string(),
    supervisor: z.string(),
    implementer: z.string(),
    money: z.string(),
    initial: z.string(),
    adjusted: z.string(),
    executed: z.string(),
    executedNoDate: z.string(),
    rate: z.string(),
    goal: z.string(),
    goalExpected: z.string(),
    goalProgress: z.string(),
    corrective: z.string(),
    missing: z.string(),
    continued: z.string(),
  }),
  moneyRows: z.array(z.object({ label: z.string(), parts: z.array(part).min(1) })).min(1),
  moneyColumns: band.length(5),
  indicatorColumns: headed.length(9),
  toDateNoDate: z.string(),
});

const selfEvaluationSchema = z.object({
  id: z.string(),
  title: z.string(),
  sources: z.array(source).min(1),
  labels: z.object({
    projectName: z.string(),
    supervisor: z.string(),
    implementer: z.string(),
    money: z.string(),
    initial: z.string(),
    adjusted: z.string(),
    executed: z.string(),
    points: z.string(),
    rate: z.string(),
    score: z.string(),
    dash: z.string(),
    goal: z.string(),
    goalExpected: z.string(),
    goalActual: z.string(),
    indicators: z.string(),
    total: z.string(),
    budgetAnalysis: z.string(),
    missing: z.string(),
    continued: z.string(),
  }),
  moneyRows: z
    .array(z.object({ label: z.string(), parts: z.array(part).min(1), scored: z.boolean() }))
    .min(1),
  moneyColumns: band.length(7),
  indicatorColumns: headed.length(8),
});

const summarySchema = z.object({
  id: z.string(),
  title: z.string(),
  sources: z.array(source).min(1),
  labels: z.object({
    unitLine: z.string(),
    departmentLine: z.string(),
    total: z.string(),
    notScored: z.string(),
  }),
  columns: z
    .array(z.object({ key: z.string(), header: z.string(), weight: z.number().positive() }))
    .length(10),
});

export type MonitoringTemplate = z.infer<typeof monitoringSchema>;
export type SelfEvaluationTemplate = z.infer<typeof selfEvaluationSchema>;
export type StageSummaryTemplate = z.infer<typeof summarySchema>;
export type MoneyPart = z.infer<typeof part>;

/** The shipped templates, validated when the module loads (a broken file fails every test). */
export const MONITORING_TEMPLATE: MonitoringTemplate = monitoringSchema.parse(monitoringCentral);
export const SELF_EVALUATION_TEMPLATE: SelfEvaluationTemplate =
  selfEvaluationSchema.parse(selfEvaluationCentral);
export const STAGE_SUMMARY_TEMPLATE: StageSummaryTemplate = summarySchema.parse(summary);

/** Fills `{name}` placeholders of a template label. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
