import { z } from 'zod';
import { centsSchema } from './stages';
import { renderValue } from './value';
import type { JixiaoDocument } from './document';

/**
 * 上年数据: what a document made by 新建下一年度… keeps of the year it was made from, so that
 * 与上年对比 works without last year's file. Only what the comparison reads is kept — names,
 * amounts, the annual goal and the indicators' printed values — no ids, stage data or raw notes.
 * Optional and additive: a document without it (every version-1 file, an imported table) is
 * compared against a file the clerk picks instead.
 */
const snapshotIndicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  /** 实施周期指标值 as printed. */
  period: z.string(),
  /** 年度指标值 as printed. */
  annual: z.string(),
});

const snapshotProjectSchema = z.object({
  name: z.string(),
  money: z.object({
    fiscal: centsSchema,
    specialAccount: centsSchema,
    other: centsSchema,
    carryover: centsSchema.nullable().optional(),
  }),
  /** 年度目标. */
  goal: z.string(),
  indicators: z.array(snapshotIndicatorSchema),
});

export const yearSnapshotSchema = z.object({
  /** The budget year of the snapshot (null when the table named none). */
  year: z.number().int().nullable(),
  title: z.string(),
  moneyUnit: z.enum(['万元', '元']),
  units: z.array(
    z.object({
      name: z.string(),
      projects: z.array(snapshotProjectSchema),
    }),
  ),
});

export type YearSnapshot = z.infer<typeof yearSnapshotSchema>;
export type SnapshotProject = z.infer<typeof snapshotProjectSchema>;
export type SnapshotIndicator = z.infer<typeof snapshotIndicatorSchema>;

/** The figures of a document the comparison reads, in document order. */
export function snapshotOf(document: JixiaoDocument): YearSnapshot {
  return {
    year: document.fiscalYear,
    title: document.title,
    moneyUnit: document.moneyUnit,
    units: document.units.map((unit) => ({
      name: unit.name,
      projects: unit.projects.map((project) => ({
        name: project.name,
        money: { ...project.money },
        goal: project.goals.annual,
        indicators: project.indicators.map((indicator) => ({
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          period: renderValue(indicator.period),
          annual: renderValue(indicator.annual),
        })),
      })),
    })),
  };
}
