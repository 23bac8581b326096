import library from '../../resources/library/school-indicators.json' with { type: 'json' };
import { categoryKey } from '../frameworks';
import { parseValue, renderValue, type IndicatorValue, type JixiaoDocument } from '../model';

/** A 三级 indicator a clerk may pick: its categories and a typical value. */
export interface Suggestion {
  level1: string;
  level2: string;
  name: string;
  value: IndicatorValue;
  /** Where it comes from: the library's group name, or the project it was used in. */
  source: string;
  fromDocument: boolean;
}

interface LibraryCategory {
  id: string;
  name: string;
  keywords: string[];
  indicators: Array<{ level1: string; level2: string; name: string; value: string }>;
}

const CATEGORIES: readonly LibraryCategory[] = library.categories;

/** Library groups whose keywords appear in the project name, best first. */
export function libraryGroupsFor(projectName: string): string[] {
  return CATEGORIES.map((category) => ({
    id: category.id,
    hits: category.keywords.filter((keyword) => projectName.includes(keyword)).length,
  }))
    .filter((entry) => entry.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .map((entry) => entry.id);
}

export interface SuggestQuery {
  /** The project being edited: its own indicators are not suggested, its name ranks groups. */
  projectId: string;
  /** What the clerk typed in the 三级 cell. */
  text: string;
  level1?: string;
  level2?: string;
  limit?: number;
}

function score(
  suggestion: Suggestion,
  query: SuggestQuery,
  groups: string[],
  groupId?: string,
): number {
  const text = query.text.trim();
  let value = 0;
  if (text !== '') {
    if (suggestion.name.startsWith(text)) value += 40;
    else if (suggestion.name.includes(text)) value += 25;
    else {
      const shared = [...new Set(text)].filter((char) => suggestion.name.includes(char)).length;
      if (shared < Math.min(2, text.length)) return -1;
      value += shared * 3;
    }
  }
  if (query.level2 && categoryKey(query.level2) === categoryKey(suggestion.level2)) value += 20;
  else if (query.level1 && categoryKey(query.level1) === categoryKey(suggestion.level1)) value += 8;
  const rank = groupId ? groups.indexOf(groupId) : -1;
  if (rank >= 0) value += 15 - rank * 3;
  if (suggestion.fromDocument) value += 5;
  return value;
}

/**
 * Suggestions for a 三级 name: the indicator library and the document's other projects, ranked
 * by what was typed, the chosen categories and the project's kind (from its name).
 */
export function suggestIndicators(document: JixiaoDocument, query: SuggestQuery): Suggestion[] {
  const project = document.units
    .flatMap((unit) => unit.projects)
    .find((item) => item.id === query.projectId);
  const own = new Set(project?.indicators.map((indicator) => indicator.name) ?? []);
  const groups = libraryGroupsFor(project?.name ?? '');
  const ranked: Array<{ suggestion: Suggestion; score: number }> = [];
  const seen = new Set<string>();
  const consider = (suggestion: Suggestion, groupId?: string) => {
    if (own.has(suggestion.name) || seen.has(suggestion.name) || suggestion.name.trim() === '')
      return;
    const value = score(suggestion, query, groups, groupId);
    if (value < 0) return;
    seen.add(suggestion.name);
    ranked.push({ suggestion, score: value });
  };
  for (const unit of document.units) {
    for (const other of unit.projects) {
      if (other.id === query.projectId) continue;
      for (const indicator of other.indicators) {
        consider({
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          value: indicator.annual,
          source: other.name,
          fromDocument: true,
        });
      }
    }
  }
  for (const category of CATEGORIES) {
    for (const entry of category.indicators) {
      consider(
        { ...entry, value: parseValue(entry.value), source: category.name, fromDocument: false },
        category.id,
      );
    }
  }
  ranked.sort((a, b) => b.score - a.score);
  return ranked.slice(0, query.limit ?? 12).map((entry) => entry.suggestion);
}

/** Values used with this 三级 name elsewhere (document first, then the library), for the value cells. */
export function suggestValues(document: JixiaoDocument, name: string): string[] {
  const values = new Set<string>();
  for (const unit of document.units) {
    for (const project of unit.projects) {
      for (const indicator of project.indicators) {
        if (indicator.name === name) values.add(renderValue(indicator.annual));
      }
    }
  }
  for (const category of CATEGORIES) {
    for (const entry of category.indicators) if (entry.name === name) values.add(entry.value);
  }
  values.delete('');
  return [...values].slice(0, 8);
}
