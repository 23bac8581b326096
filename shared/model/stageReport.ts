/**
 * What a filled 绩效运行监控表 or 项目支出绩效自评表 adds to an import's report: which stage it is,
 * and the figures the form publishes that our model derives instead (执行率, 得分, 总分). The
 * values a clerk fills in travel on the imported document's projects and indicators (schema 2);
 * the published figures travel here, so a merge can check them against what we compute.
 */
import { z } from 'zod';
import { sourceLocationSchema } from './document';

export const STAGE_KINDS = ['monitoring', 'evaluation'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** Our names of the two forms, for messages. */
export const STAGE_FORM_NAMES: Record<StageKind, string> = {
  monitoring: '绩效运行监控表',
  evaluation: '项目支出绩效自评表',
};

const printed = z.string().max(200);

export const publishedIndicatorSchema = z.object({
  /** Id of the indicator on the imported document. */
  indicatorId: z.string().min(1),
  /** 得分 as printed. */
  score: printed.optional(),
  source: sourceLocationSchema.optional(),
});

export const publishedProjectSchema = z.object({
  /** Id of the project on the imported document. */
  projectId: z.string().min(1),
  /** 执行率 as printed (`100%`, `39.8`). */
  rate: printed.optional(),
  /** The 预算执行率 line's 分值 and 得分 as printed. */
  budgetPoints: printed.optional(),
  budgetScore: printed.optional(),
  /** 总分 as printed. */
  total: printed.optional(),
  source: sourceLocationSchema.optional(),
  indicators: z.array(publishedIndicatorSchema).max(100_000),
});

export const stageReportSchema = z.object({
  kind: z.enum(STAGE_KINDS),
  /** 监控时点 read from the form (`2019-06`), when it says. */
  asOf: z.string().max(20).optional(),
  projects: z.array(publishedProjectSchema).max(100_000),
});

export type PublishedIndicator = z.infer<typeof publishedIndicatorSchema>;
export type PublishedProject = z.infer<typeof publishedProjectSchema>;
export type StageReport = z.infer<typeof stageReportSchema>;
