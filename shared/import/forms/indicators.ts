/**
 * The indicator tables of a form: rows under each header, 一级/二级 filled down where they are
 * merged or written once per group, the two halves of one indicator joined (side by side, or in
 * a 长期 table and a 年度 table), placeholder rows (二级 with no 三级) skipped and counted.
 */

import type { Framework } from '../../frameworks';
import { newId, parseValue, type Indicator, type Project, type SourceLocation } from '../../model';
import { cleanCellText } from '../cleanText';
import type { FormItem, FormRow } from '../formRows';
import { shorten, valueNote } from '../indicatorRun';
import { categories } from './categories';
import {
  valueHalves,
  type Half,
  type IndicatorColumns,
  type IndicatorGroup,
} from './indicatorHeader';
import { isIndicatorBlock, isLabel } from './labels';
import {
  isEllipsis,
  isValuePlaceholder,
  valueHintsNote,
  valuePlaceholdersNote,
  withoutValueHint,
} from './templateText';
import type { FormReporter } from './types';

export interface IndicatorSection {
  header: IndicatorColumns;
  headerRow: FormRow;
  rows: FormRow[];
}

interface Entry {
  level1: string;
  level2: string;
  name: string;
  value: string;
  half: Half | null;
  note: string;
  source: SourceLocation;
}

interface Draft {
  level1: string;
  level2: string;
  name: string;
  period: string | null;
  annual: string | null;
  note: string;
  source: SourceLocation;
}

const SIGNS: Record<string, string> = {
  '═': '＝',
  '=': '＝',
  '≧': '≥',
  '≦': '≤',
  '>': '＞',
  '<': '＜',
};

/** A value from 指标性质 / 指标值 / 度量单位 columns as one text (`≥` `95` `%` → `≥95%`). */
function joinedValue(row: FormRow, group: IndicatorGroup, column: number): string {
  const value = row.at(column);
  if (group.sign === undefined && group.unit === undefined) return value;
  if (value === '') return '';
  const written = group.sign === undefined ? '' : row.at(group.sign).replace(/\s/g, '');
  const sign = /^定性|^定量$/u.test(written) ? '' : (SIGNS[written] ?? written);
  const unit = group.unit === undefined ? '' : row.at(group.unit);
  return `${sign}${value}${value.endsWith(unit) ? '' : unit}`;
}

const KNOWN_CATEGORY =
  /^(?:产出|效益|满意度|成本|数量|质量|时效|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|经济成本|社会成本|生态环境成本)(?:指标)?$/u;

/** A category as templates print them (`产出指标`, `满意度`, `社会效益`), or nothing, or `……`. */
function isCategoryLike(text: string): boolean {
  const key = text.replace(/[\s\u3000]/g, '');
  return (
    key === '' ||
    isEllipsis(key) ||
    KNOWN_CATEGORY.test(key) ||
    (key.length <= 8 && /(?:指标|满意度|效益|影响|成本)$/u.test(key) && !/\p{P}/u.test(key))
  );
}

function categoryKeyOf(name: string): string {
  return name.replace(/[\s\u3000]/g, '').replace(/指标$/u, '');
}

/** What the form's template left in its indicator tables, to report once per project. */
interface TemplateLeft {
  /** Hints for the value taken out of names (`（≥**个）`). */
  hints: string[];
  /** Values that were the template's mark for a figure (`**人`). */
  values: string[];
  /** `……` rows. */
  ellipses: number;
}

function readSection(
  section: IndicatorSection,
  project: Project,
  reporter: FormReporter,
  used: Set<FormItem['cell']>,
  template: TemplateLeft,
): { entries: Entry[]; placeholders: number } {
  const { header, rows } = section;
  for (const item of section.headerRow.items) used.add(item.cell);
  const halves = valueHalves(header);
  const entries: Entry[] = [];
  let level1 = '';
  const level2 = header.groups.map(() => '');
  let placeholders = 0;
  /**
   * Words in the category columns of rows with no indicator that are no category (`同意。`,
   * `本项目无其他说明`): kept once no indicator below takes them as its category.
   */
  let unclaimed: Array<{ text: string; source: SourceLocation }> = [];
  const joined = header.groups.some(
    (group) => group.sign !== undefined || group.unit !== undefined,
  );
  for (const row of rows) {
    if (row.items.some((item) => item.anchor && isLabel(item.text) && !isIndicatorBlock(item.text)))
      continue;
    // A `……` in a category column stands for more rows of the template, not for a category.
    const category = (text: string) => (isEllipsis(text) ? '' : text);
    const written1 = category(row.at(header.level1));
    if (written1 !== '') level1 = written1;
    const note = header.note === undefined ? '' : row.at(header.note);
    let found = 0;
    let categoryOnly = false;
    let ellipsisRow = false;
    header.groups.forEach((group, index) => {
      const written2 = category(row.at(group.level2));
      if (written2 !== '') level2[index] = written2;
      const written = cleanCellText(row.at(group.name)).text;
      const { name, hint } = withoutValueHint(written);
      const values = group.values.map((value) => {
        const text = joinedValue(row, group, value.column);
        if (!isValuePlaceholder(text)) return { half: halves.get(value.column) ?? null, text };
        template.values.push(text);
        return { half: halves.get(value.column) ?? null, text: '' };
      });
      const empty = values.every((value) => value.text === '');
      if (
        isEllipsis(name) &&
        values.every((value) => value.text === '' || isEllipsis(value.text))
      ) {
        template.ellipses += 1;
        ellipsisRow = true;
        return;
      }
      if (hint) template.hints.push(hint);
      if (name === '' && empty) {
        if (written2 !== '' || written1 !== '') categoryOnly = true;
        return;
      }
      found += 1;
      for (const value of values) {
        entries.push({
          level1,
          level2: level2[index] ?? '',
          name,
          value: value.text,
          half: value.half,
          note,
          source: row.source,
        });
      }
    });
    const categoryColumns = new Set([header.level1, ...header.groups.map((group) => group.level2)]);
    if (found === 0 && categoryOnly) {
      const words = row.items.filter(
        (item) => item.anchor && categoryColumns.has(item.start) && !isCategoryLike(item.text),
      );
      if (words.length === 0) placeholders += 1;
      for (const item of words) unclaimed.push({ text: item.text, source: item.cell.source });
    } else if (found > 0) unclaimed = [];
    for (const item of row.items) {
      if (!item.anchor) continue;
      const extra = header.unknown.find((column) => column.column === item.start);
      if (found === 0 && item.text !== '' && !categoryColumns.has(item.start) && !ellipsisRow) {
        // Text on a row that holds no indicator (a note without a name): kept, not dropped.
        project.raw.push({
          text: item.text,
          reason: '指标表中没有三级指标的单元格',
          source: item.cell.source,
        });
      } else if (extra && item.text !== '' && found > 0) {
        project.raw.push({
          text: item.text,
          reason: `「${extra.label}」列`,
          source: item.cell.source,
        });
      }
      used.add(item.cell);
    }
  }
  for (const { text, source } of unclaimed)
    project.raw.push({ text, reason: '指标表末尾没有指标的行', source });
  if (joined && entries.length > 0) {
    reporter.add(
      'normalised',
      '指标性质、指标值和度量单位分列填写，已合并为指标值（如「≥95%」）。',
      rows[0]?.source,
      project.name,
    );
  }
  return { entries, placeholders };
}

/** Joins the halves of each indicator by its 二级 and 三级 names, in order of first appearance. */
function joinHalves(entries: readonly Entry[]): Draft[] {
  const drafts: Draft[] = [];
  for (const entry of entries) {
    const period = entry.half === 'period';
    const match = drafts.find(
      (draft) =>
        draft.name === entry.name &&
        categoryKeyOf(draft.level2) === categoryKeyOf(entry.level2) &&
        (period ? draft.period === null : draft.annual === null),
    );
    const target = match ?? {
      level1: entry.level1,
      level2: entry.level2,
      name: entry.name,
      period: null,
      annual: null,
      note: entry.note,
      source: entry.source,
    };
    if (!match) drafts.push(target);
    if (period) target.period = entry.value;
    else target.annual = entry.value;
    if (target.note === '' && entry.note !== '') target.note = entry.note;
  }
  return drafts;
}

function reportTemplate(
  template: TemplateLeft,
  source: SourceLocation | undefined,
  project: Project,
  reporter: FormReporter,
): void {
  const { hints, values, ellipses } = template;
  if (hints.length > 0) reporter.add('normalised', valueHintsNote(hints), source, project.name);
  if (values.length > 0)
    reporter.add('warning', valuePlaceholdersNote(values), source, project.name);
  if (ellipses > 0)
    reporter.add('normalised', `跳过 ${ellipses} 行表格模板的省略行「……」。`, source, project.name);
}

/** Reads every indicator table of a form into the project. */
export function readIndicators(
  sections: readonly IndicatorSection[],
  framework: Framework,
  project: Project,
  reporter: FormReporter,
  used: Set<FormItem['cell']>,
): void {
  const entries: Entry[] = [];
  let placeholders = 0;
  const template: TemplateLeft = { hints: [], values: [], ellipses: 0 };
  for (const section of sections) {
    const read = readSection(section, project, reporter, used, template);
    entries.push(...read.entries);
    placeholders += read.placeholders;
  }
  const first = sections[0]?.rows[0]?.source;
  reportTemplate(template, first, project, reporter);
  if (placeholders > 0) {
    reporter.add(
      'normalised',
      `跳过 ${placeholders} 个没有三级指标和指标值的空白占位行。`,
      first,
      project.name,
    );
  }
  const hasPeriod = entries.some((entry) => entry.half === 'period');
  const periodColumns = sections.some((section) =>
    [...valueHalves(section.header).values()].includes('period'),
  );
  const annualOnly = !hasPeriod;
  const drafts = joinHalves(
    annualOnly ? entries.map((entry) => ({ ...entry, half: 'annual' as const })) : entries,
  );
  if (annualOnly && drafts.length > 0) {
    reporter.add(
      'normalised',
      periodColumns
        ? '表中中期（长期）指标栏全部空白，实施周期指标值按年度指标值填写。'
        : '表中只有年度指标值，实施周期指标值按年度指标值填写。',
      first,
      project.name,
    );
  }
  for (const draft of drafts) {
    const periodText = draft.period ?? (annualOnly ? (draft.annual ?? '') : '');
    const annualText = draft.annual ?? '';
    if (!annualOnly && (draft.period === null || draft.annual === null)) {
      reporter.add(
        'warning',
        `指标「${shorten(draft.name)}」只有${draft.period === null ? '年度' : '中期'}指标值，另一半留空。`,
        draft.source,
        project.name,
      );
    }
    const [level1Name, level2Name] = categories(
      framework,
      draft.level1,
      draft.level2,
      (kind, message) =>
        reporter.add(kind, `指标「${shorten(draft.name)}」${message}`, draft.source, project.name),
    );
    const indicator: Indicator = {
      id: newId('ind'),
      level1: level1Name,
      level2: level2Name,
      name: draft.name,
      period: parseValue(periodText),
      annual: parseValue(annualText),
    };
    if (draft.note !== '') indicator.note = draft.note;
    const notes = [valueNote(indicator.period), valueNote(indicator.annual)].filter(
      (note) => note !== null,
    );
    const details = [...new Set(notes.map((note) => note.detail))];
    if (details.length > 0) {
      reporter.add(
        notes.some((note) => note.kind === 'warning') ? 'warning' : 'normalised',
        `指标「${shorten(draft.name)}」的指标值${details.join('；')}。`,
        draft.source,
        project.name,
      );
    }
    project.indicators.push(indicator);
  }
}
