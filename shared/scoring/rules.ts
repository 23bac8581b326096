import { z } from 'zod';
import central2020 from '../../resources/scoring/central-2020.json' with { type: 'json' };
import { categoryKey } from '../frameworks';
import type { JixiaoDocument } from '../model';
import { SIGNS, type Sign } from '../model';

/** Whether a rule is the national text itself or a convention (a guide's, a region's, ours). */
const basis = z.enum(['national', 'convention']);
const decimal = z.string().regex(/^\d{1,6}(?:\.\d{1,2})?$/);

/** A scoring rule set as written in resources/scoring/*.json: data with its sources. */
export const scoringRulesFileSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string(),
  sources: z.array(z.object({ id: z.string(), title: z.string(), note: z.string() })),
  budget: z.object({
    label: z.string(),
    points: decimal,
    rateCap: decimal,
    source: z.string(),
    basis,
    note: z.string(),
  }),
  groups: z
    .array(
      z.object({
        name: z.string(),
        points: decimal,
        level1: z.array(z.string()).min(1),
        source: z.string(),
        basis,
        note: z.string().optional(),
      }),
    )
    .min(1),
  indicatorPoints: z.object({ split: z.literal('equal'), basis, note: z.string() }),
  quantitative: z.object({
    higherSigns: z.array(z.enum(SIGNS)),
    lowerSigns: z.array(z.enum(SIGNS)),
    higher: z.object({ formula: z.string(), source: z.string(), basis, note: z.string() }),
    lower: z.object({ formula: z.string(), source: z.string(), basis }),
  }),
  graded: z.object({
    signs: z.array(z.enum(SIGNS)),
    source: z.string(),
    basis,
    note: z.string(),
    grades: z
      .array(
        z.object({
          label: z.string().min(1),
          percent: decimal,
          band: z.tuple([decimal, decimal]),
          basis,
        }),
      )
      .min(1),
  }),
  notApplicable: z.object({ rescale: z.boolean(), source: z.string(), basis, note: z.string() }),
  reasonBelowFull: z.object({ required: z.boolean(), source: z.string(), basis, note: z.string() }),
  rounding: z.object({ basis, note: z.string() }),
  notApplied: z.array(z.string()),
});

export type ScoringRulesFile = z.infer<typeof scoringRulesFileSchema>;

/** The shipped rule sets, validated when the module loads (a broken file fails every test). */
export const SCORING_RULE_SETS: readonly ScoringRulesFile[] = [
  scoringRulesFileSchema.parse(central2020),
];
export const DEFAULT_SCORING_RULES_ID = 'central-2020';

/** Points are held as integer hundredths (分值 `16.67` → 1667), like money. */
export interface ScoringGroup {
  name: string;
  points: number;
  /** categoryKey of each 一级指标 name the group takes. */
  level1Keys: string[];
}

export interface ScoringGrade {
  label: string;
  /** Percentage of the indicator's points, exact decimal text. */
  percent: string;
}

/** Rules ready to score with: a rule set with the document's overrides applied. */
export interface ScoringRules {
  id: string;
  name: string;
  budgetLabel: string;
  budgetPoints: number;
  /** 执行率 above this counts as this (decimal text, `1` = 100 %). */
  rateCap: string;
  groups: ScoringGroup[];
  higherSigns: readonly Sign[];
  lowerSigns: readonly Sign[];
  gradedSigns: readonly Sign[];
  grades: ScoringGrade[];
  rescaleNotApplicable: boolean;
  reasonBelowFull: boolean;
}

function hundredths(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The shipped rule set with this id, or undefined. */
export function findScoringRules(id: string): ScoringRulesFile | undefined {
  return SCORING_RULE_SETS.find((rules) => rules.id === id);
}

/** A rule set as scoring rules, with no overrides. */
export function toScoringRules(file: ScoringRulesFile): ScoringRules {
  return {
    id: file.id,
    name: file.name,
    budgetLabel: file.budget.label,
    budgetPoints: hundredths(file.budget.points),
    rateCap: file.budget.rateCap,
    groups: file.groups.map((group) => ({
      name: group.name,
      points: hundredths(group.points),
      level1Keys: group.level1.map(categoryKey),
    })),
    higherSigns: file.quantitative.higherSigns,
    lowerSigns: file.quantitative.lowerSigns,
    gradedSigns: file.graded.signs,
    grades: file.graded.grades.map(({ label, percent }) => ({ label, percent })),
    rescaleNotApplicable: file.notApplicable.rescale,
    reasonBelowFull: file.reasonBelowFull.required,
  };
}

/**
 * The rules a document scores by: the rule set it names (the default when it names none or an
 * unknown one) with its own weights and rescaling choice applied.
 */
export function scoringRulesFor(document: JixiaoDocument): ScoringRules {
  const choice = document.scoring;
  const file =
    (choice && findScoringRules(choice.rulesId)) ??
    (findScoringRules(DEFAULT_SCORING_RULES_ID) as ScoringRulesFile);
  const rules = toScoringRules(file);
  if (!choice) return rules;
  return {
    ...rules,
    budgetPoints:
      choice.budgetPoints === undefined ? rules.budgetPoints : hundredths(choice.budgetPoints),
    groups: rules.groups.map((group) => {
      const points = choice.groupPoints?.[group.name];
      return points === undefined ? group : { ...group, points: hundredths(points) };
    }),
    rescaleNotApplicable: choice.rescaleNotApplicable ?? rules.rescaleNotApplicable,
  };
}
