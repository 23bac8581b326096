import {
  parseValue,
  renderValue,
  type Indicator,
  type IndicatorValue,
  type JixiaoDocument,
  type Project,
} from '../model';
import { normalisePunctuation, stripHtml } from './text';
import type { Fix, Target, TextField } from './types';

/**
 * Applies a fix and returns a new document that shares every untouched unit, project and
 * indicator with the input; the input is never modified. When the fix no longer applies (its
 * target is gone, or the cell changed since the check) the input is returned as is, so callers
 * can compare by identity; `canApplyFix` says so beforehand.
 */
export function applyFix(document: JixiaoDocument, fix: Fix): JixiaoDocument {
  switch (fix.kind) {
    case 'set-value':
      return updateIndicator(document, fix.target, (indicator) => {
        if (!fix.fields.every((field) => sameStructure(indicator[field], fix.from)))
          return indicator;
        const next = { ...indicator };
        for (const field of fix.fields) next[field] = copyValue(fix.to);
        return next;
      });
    case 'copy-annual-to-period':
      return updateIndicator(document, fix.target, (indicator) =>
        sameStructure(indicator.period, indicator.annual)
          ? indicator
          : { ...indicator, period: copyValue(indicator.annual) },
      );
    case 'set-category':
      return updateIndicator(document, fix.target, (indicator) =>
        indicator.level1 === fix.from.level1 && indicator.level2 === fix.from.level2
          ? { ...indicator, level1: fix.to.level1, level2: fix.to.level2 }
          : indicator,
      );
    case 'strip-html':
      return rewriteText(document, fix.target, fix.field, stripHtml);
    case 'normalise-punctuation':
      return rewriteText(document, fix.target, fix.field, normalisePunctuation);
    case 'set-period-total':
      return updateProject(document, fix.target, (project) =>
        project.periodMoney && project.periodMoney.total === fix.from
          ? { ...project, periodMoney: { ...project.periodMoney, total: fix.to } }
          : project,
      );
  }
}

/** True when applying the fix would change the document. */
export function canApplyFix(document: JixiaoDocument, fix: Fix): boolean {
  return applyFix(document, fix) !== document;
}

function copyValue(value: IndicatorValue): IndicatorValue {
  return { ...value };
}

/** Same sign, value, unit and kept text (not just the same print). */
function sameStructure(a: IndicatorValue, b: IndicatorValue): boolean {
  return a.sign === b.sign && a.value === b.value && a.unit === b.unit && a.text === b.text;
}

function rewriteText(
  document: JixiaoDocument,
  target: Target,
  field: TextField,
  rewrite: (text: string) => string,
): JixiaoDocument {
  if (target.indicatorId === undefined) {
    return updateProject(document, target, (project) => {
      switch (field) {
        case 'name':
          return withChange(project, project.name, rewrite, (name) => ({ ...project, name }));
        case 'goals.annual':
          return withChange(project, project.goals.annual, rewrite, (annual) => ({
            ...project,
            goals: { ...project.goals, annual },
          }));
        case 'goals.period': {
          const period = project.goals.period;
          if (period === undefined) return project;
          return withChange(project, period, rewrite, (text) => ({
            ...project,
            goals: { ...project.goals, period: text },
          }));
        }
        default:
          return project;
      }
    });
  }
  return updateIndicator(document, target, (indicator) => {
    switch (field) {
      case 'name':
        return withChange(indicator, indicator.name, rewrite, (name) => ({ ...indicator, name }));
      case 'note': {
        const note = indicator.note;
        if (note === undefined) return indicator;
        return withChange(indicator, note, rewrite, (text) => ({ ...indicator, note: text }));
      }
      case 'period':
      case 'annual':
        return withChange(indicator, renderValue(indicator[field]), rewrite, (text) => ({
          ...indicator,
          [field]: parseValue(text),
        }));
      default:
        return indicator;
    }
  });
}

/** Rewrites one text and builds the changed node, or returns the node when nothing changes. */
function withChange<T>(
  node: T,
  text: string,
  rewrite: (text: string) => string,
  build: (text: string) => T,
): T {
  const next = rewrite(text);
  return next === text ? node : build(next);
}

/** Replaces one project along its path; returns the input when `change` returns its argument. */
function updateProject(
  document: JixiaoDocument,
  target: Target,
  change: (project: Project) => Project,
): JixiaoDocument {
  const unitIndex = document.units.findIndex((unit) => unit.id === target.unitId);
  const unit = document.units[unitIndex];
  if (!unit) return document;
  const projectIndex = unit.projects.findIndex((project) => project.id === target.projectId);
  const project = unit.projects[projectIndex];
  if (!project) return document;
  const next = change(project);
  if (next === project) return document;
  const projects = unit.projects.with(projectIndex, next);
  return { ...document, units: document.units.with(unitIndex, { ...unit, projects }) };
}

/** Replaces one indicator along its path; returns the input when nothing changes. */
function updateIndicator(
  document: JixiaoDocument,
  target: Target,
  change: (indicator: Indicator) => Indicator,
): JixiaoDocument {
  return updateProject(document, target, (project) => {
    const index = project.indicators.findIndex((indicator) => indicator.id === target.indicatorId);
    const indicator = project.indicators[index];
    if (!indicator) return project;
    const next = change(indicator);
    return next === indicator
      ? project
      : { ...project, indicators: project.indicators.with(index, next) };
  });
}
