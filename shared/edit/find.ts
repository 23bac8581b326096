import {
  parseValue,
  renderValue,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../model';
import { EditError } from './patches';

/** Text fields find and replace look through, with the label the find bar shows. */
export const FIND_FIELDS = {
  'unit.name': '单位名称',
  name: '项目名称',
  code: '项目编码',
  supervisor: '主管部门',
  implementer: '实施单位',
  'goals.annual': '年度目标',
  'goals.period': '实施期目标',
  'indicator.name': '三级指标',
  'indicator.period': '实施周期指标值',
  'indicator.annual': '年度指标值',
  'indicator.note': '指标值说明',
} as const;
export type FindField = keyof typeof FIND_FIELDS;

export interface FindOptions {
  matchCase?: boolean;
}

/** One occurrence: where it is and at which character of that field's text. */
export interface Match {
  unitId: string;
  projectId?: string;
  indicatorId?: string;
  field: FindField;
  start: number;
  length: number;
  /** The field's whole text, for showing the match in context. */
  text: string;
}

type Place = Omit<Match, 'start' | 'length' | 'text'>;

function fieldsOf(document: JixiaoDocument): Array<[Place, string]> {
  const out: Array<[Place, string]> = [];
  for (const unit of document.units) {
    out.push([{ unitId: unit.id, field: 'unit.name' }, unit.name]);
    for (const project of unit.projects) {
      const at = { unitId: unit.id, projectId: project.id };
      out.push([{ ...at, field: 'name' }, project.name]);
      for (const key of ['code', 'supervisor', 'implementer'] as const) {
        if (project[key]) out.push([{ ...at, field: key }, project[key] as string]);
      }
      out.push([{ ...at, field: 'goals.annual' }, project.goals.annual]);
      if (project.goals.period) out.push([{ ...at, field: 'goals.period' }, project.goals.period]);
      for (const indicator of project.indicators) {
        const here = { ...at, indicatorId: indicator.id };
        out.push([{ ...here, field: 'indicator.name' }, indicator.name]);
        out.push([{ ...here, field: 'indicator.period' }, renderValue(indicator.period)]);
        out.push([{ ...here, field: 'indicator.annual' }, renderValue(indicator.annual)]);
        if (indicator.note) out.push([{ ...here, field: 'indicator.note' }, indicator.note]);
      }
    }
  }
  return out;
}

function positions(text: string, query: string, options: FindOptions): number[] {
  const haystack = options.matchCase ? text : text.toLowerCase();
  const needle = options.matchCase ? query : query.toLowerCase();
  const found: number[] = [];
  for (
    let at = haystack.indexOf(needle);
    at >= 0;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    found.push(at);
  }
  return found;
}

/** Every occurrence in the whole document, in document order (not only what is on screen). */
export function findAll(
  document: JixiaoDocument,
  query: string,
  options: FindOptions = {},
): Match[] {
  if (query === '') return [];
  const matches: Match[] = [];
  for (const [place, text] of fieldsOf(document)) {
    for (const start of positions(text, query, options)) {
      matches.push({ ...place, start, length: query.length, text });
    }
  }
  return matches;
}

function replaceIn(
  text: string,
  query: string,
  replacement: string,
  options: FindOptions,
  only?: number,
): string {
  const found = positions(text, query, options).filter((at) => only === undefined || at === only);
  let out = text;
  for (const at of found.reverse())
    out = out.slice(0, at) + replacement + out.slice(at + query.length);
  return out;
}

function rewrite(
  project: Project | undefined,
  indicator: Indicator | undefined,
  field: FindField,
  change: (text: string) => string,
  unit: { name: string },
): void {
  switch (field) {
    case 'unit.name':
      unit.name = change(unit.name);
      return;
    case 'name':
      if (project) project.name = change(project.name);
      return;
    case 'code':
    case 'supervisor':
    case 'implementer':
      if (project?.[field] !== undefined) project[field] = change(project[field] as string);
      return;
    case 'goals.annual':
      if (project) project.goals.annual = change(project.goals.annual);
      return;
    case 'goals.period':
      if (project?.goals.period !== undefined) project.goals.period = change(project.goals.period);
      return;
    case 'indicator.name':
      if (indicator) indicator.name = change(indicator.name);
      return;
    case 'indicator.note':
      if (indicator?.note !== undefined) indicator.note = change(indicator.note);
      return;
    case 'indicator.period':
    case 'indicator.annual': {
      if (!indicator) return;
      const key = field === 'indicator.period' ? 'period' : 'annual';
      const before = renderValue(indicator[key]);
      const after = change(before);
      // The value is re-read from its printed form, so 90% → 95% stays a structured value.
      if (after !== before) indicator[key] = parseValue(after);
      return;
    }
  }
}

/**
 * Replaces occurrences in the whole document: all of them, or only `match` (the one the find
 * bar shows). One call is one undo step.
 */
export function replaceText(
  draft: JixiaoDocument,
  args: { query: string; replacement: string; options?: FindOptions; match?: Match },
): void {
  if (args.query === '') throw new EditError('请输入要查找的内容。');
  const options = args.options ?? {};
  let replaced = 0;
  for (const unit of draft.units) {
    const inUnit = (place: Place) =>
      !args.match || (args.match.unitId === unit.id && samePlace(args.match, place));
    const change = (text: string) => {
      const next = replaceIn(text, args.query, args.replacement, options, args.match?.start);
      if (next !== text) replaced += 1;
      return next;
    };
    if (inUnit({ unitId: unit.id, field: 'unit.name' }))
      rewrite(undefined, undefined, 'unit.name', change, unit);
    for (const project of unit.projects) {
      for (const field of [
        'name',
        'code',
        'supervisor',
        'implementer',
        'goals.annual',
        'goals.period',
      ] as const) {
        if (inUnit({ unitId: unit.id, projectId: project.id, field }))
          rewrite(project, undefined, field, change, unit);
      }
      for (const indicator of project.indicators) {
        for (const field of [
          'indicator.name',
          'indicator.period',
          'indicator.annual',
          'indicator.note',
        ] as const) {
          const place = {
            unitId: unit.id,
            projectId: project.id,
            indicatorId: indicator.id,
            field,
          };
          if (inUnit(place)) rewrite(project, indicator, field, change, unit);
        }
      }
    }
  }
  if (replaced === 0) throw new EditError(`没有找到「${args.query}」。`);
}

function samePlace(a: Place, b: Place): boolean {
  return a.field === b.field && a.projectId === b.projectId && a.indicatorId === b.indicatorId;
}
