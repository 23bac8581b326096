/**
 * 复制上年: a new year's document from last year's (or an imported table). Units, projects,
 * goals and indicators are kept; amounts are cleared or kept as the user chooses; every year
 * number in a text or value is listed for review and never rewritten.
 */

import type { Indicator, JixiaoDocument, Project } from './document';
import { newId } from './ids';
import { renderValue } from './value';
import { snapshotOf } from './yearSnapshot';

export interface RollForwardOptions {
  /** The new budget year. */
  toYear: number;
  /** Keep last year's amounts (else they are cleared to 0). */
  keepAmounts: boolean;
}

/** Where a year number was found, by ids in the new document and a readable path. */
export interface ReviewPlace {
  field:
    | 'title'
    | 'unit'
    | 'project'
    | 'goal'
    | 'periodGoal'
    | 'indicator'
    | 'periodValue'
    | 'annualValue'
    | 'note'
    | 'projectPeriod';
  unitId?: string;
  projectId?: string;
  indicatorId?: string;
  /** `单位「…」› 项目「…」› 年度目标`. */
  label: string;
}

export interface ReviewItem {
  where: ReviewPlace;
  /** The text holding the year, shortened around it. */
  text: string;
  year: number;
}

export interface RollForwardResult {
  document: JixiaoDocument;
  review: ReviewItem[];
}

const YEAR = /(?<!\d)(19[89]\d|20\d\d|21\d\d)(?!\d)/gu;

/** Year numbers (1980–2199, not part of a longer number) in a text. */
export function findYears(text: string): number[] {
  return [...text.matchAll(YEAR)].map((match) => Number(match[1]));
}

function excerpt(text: string, year: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (flat.length <= 60) return flat;
  const at = Math.max(0, flat.indexOf(String(year)) - 20);
  return `${at > 0 ? '…' : ''}${flat.slice(at, at + 60)}${at + 60 < flat.length ? '…' : ''}`;
}

/**
 * Rolls a document forward to `toYear`. Pure: the input is not changed; the result has new ids
 * and records `sourceYear`.
 */
export function rollForward(
  document: JixiaoDocument,
  options: RollForwardOptions,
): RollForwardResult {
  const review: ReviewItem[] = [];
  const note = (where: ReviewPlace, text: string | undefined): void => {
    if (!text) return;
    for (const year of new Set(findYears(text)))
      review.push({ where, text: excerpt(text, year), year });
  };
  note({ field: 'title', label: '标题' }, document.title);
  const units = document.units.map((unit) => {
    const unitId = newId('unit');
    note({ field: 'unit', unitId, label: `单位「${unit.name}」` }, unit.name);
    const projects = unit.projects.map((project): Project => {
      const projectId = newId('prj');
      const base = `单位「${unit.name}」› 项目「${project.name}」`;
      const at = (field: ReviewPlace['field'], label: string): ReviewPlace => ({
        field,
        unitId,
        projectId,
        label: `${base}${label}`,
      });
      note(at('project', ''), project.name);
      note(at('goal', ' › 年度目标'), project.goals.annual);
      note(at('periodGoal', ' › 实施期目标'), project.goals.period);
      if (typeof project.periodEnd === 'number' && project.periodEnd < options.toYear) {
        review.push({
          where: at('projectPeriod', ' › 项目期'),
          text: `项目期 ${project.periodStart ?? ''}–${project.periodEnd}，在 ${options.toYear} 年前已结束`,
          year: project.periodEnd,
        });
      }
      const indicators = project.indicators.map((indicator): Indicator => {
        const indicatorId = newId('ind');
        const place = (field: ReviewPlace['field'], label: string): ReviewPlace => ({
          ...at(field, ` › 指标「${indicator.name}」${label}`),
          indicatorId,
        });
        note(place('indicator', ''), indicator.name);
        note(place('periodValue', ' › 实施周期指标值'), renderValue(indicator.period));
        note(place('annualValue', ' › 年度指标值'), renderValue(indicator.annual));
        note(place('note', ' › 指标值说明'), indicator.note);
        // Last year's 监控 and 自评 columns belong to last year: the new year starts without them.
        const { monitoring: _monitoring, evaluation: _evaluation, ...target } = indicator;
        return { ...target, id: indicatorId };
      });
      const money = options.keepAmounts
        ? { ...project.money }
        : {
            fiscal: 0,
            specialAccount: 0,
            other: 0,
            ...(project.money.carryover === undefined ? {} : { carryover: null }),
          };
      const {
        yearBudget: _yearBudget,
        monitoring: _monitoring,
        evaluation: _evaluation,
        ...targetProject
      } = project;
      const next: Project = {
        ...targetProject,
        id: projectId,
        money,
        indicators,
        raw: [...project.raw],
      };
      if (!options.keepAmounts && project.periodMoney) next.periodMoney = null;
      return next;
    });
    return { ...unit, id: unitId, projects };
  });
  // Last year's 目标调整 records belong to last year's file, which keeps them: here they would
  // name projects by ids the new year no longer has, as if its targets had been adjusted.
  const { targetAdjustments: _targetAdjustments, ...kept } = document;
  return {
    document: {
      ...kept,
      fiscalYear: options.toYear,
      sourceYear: document.fiscalYear,
      // 与上年对比 needs last year's figures; the new document's own ids match nothing of them.
      previousYear: snapshotOf(document),
      settings: { ...document.settings },
      units,
    },
    review,
  };
}
