/**
 * One form read by meaning: the head (name, departments, attribute, period), the money block,
 * the goals, then the indicator tables up to the closing blocks (审核意见, 填报人, 盖章). What it
 * cannot place is kept raw on the project with its cell.
 */

import type { Framework } from '../../frameworks';
import { newId, type MoneyUnit, type Project } from '../../model';
import { cleanCellText } from '../cleanText';
import type { FormItem, FormRow } from '../formRows';
import { labelUnit, parseFormAmount } from '../formMoney';
import { shorten } from '../indicatorRun';
import { readIndicatorHeader } from './indicatorHeader';
import { readIndicators, type IndicatorSection } from './indicators';
import {
  ANNUAL_WORD,
  PERIOD_WORD,
  OVERVIEW_PATTERN,
  SUBTITLE_PATTERN,
  fieldOf,
  gluedPair,
  goalOf,
  isClosing,
  isCompletionHeader,
  isContactLabel,
  isFilerLabel,
  isIndicatorBlock,
  isLabel,
  isMoneyBlock,
  isTrailer,
  labelKey,
  labelParts,
  moneyLineOf,
  type FieldRole,
  moneyUnitLine,
} from './labels';
import { readPeriod } from './periods';
import { yearsIn } from '../years';
import { isTitleRow, type FormBlock } from './split';
import { isTemplateGoal, lengthLimitsNote, withoutTemplatePrompt } from './templateText';
import type { FormProject, FormReporter } from './types';

function readAttribute(text: string): '新增' | '延续' | null {
  const marked =
    /(新增|延续)(?:性)?(?:项目)?\s*[√☑■✓✔]/u.exec(text) ?? /[√☑■✓✔]\s*(新增|延续)/u.exec(text);
  if (marked) return marked[1] === '新增' ? '新增' : '延续';
  const hasNew = text.includes('新增');
  const hasOld = text.includes('延续');
  if (hasNew !== hasOld) return hasNew ? '新增' : '延续';
  return null;
}

/** The indicator tables: from each header row to the next, ending at a closing block. */
function findSections(rows: readonly FormRow[]): { sections: IndicatorSection[]; head: FormRow[] } {
  const sections: IndicatorSection[] = [];
  const head: FormRow[] = [];
  let current: IndicatorSection | undefined;
  let closed = false;
  for (const row of rows) {
    const header = closed ? null : readIndicatorHeader(row);
    if (header) {
      current = { header, rows: [], headerRow: row };
      sections.push(current);
      continue;
    }
    if (current && !closed && row.items.some((item) => item.anchor && isClosing(item.text)))
      closed = true;
    if (current && !closed) {
      // A block label alone on its row (`年度绩效指标`) before the next table's header.
      if (
        row.items.every((item) => !item.anchor || item.text === '' || isIndicatorBlock(item.text))
      )
        head.push(row);
      else current.rows.push(row);
    } else head.push(row);
  }
  return { sections, head };
}

/** Our own names of the head fields and goals, for the report of what was read by meaning. */
const OWN_NAMES: Record<FieldRole | 'periodGoal' | 'annualGoal', string> = {
  name: '项目名称',
  supervisor: '主管部门',
  implementer: '实施单位',
  attribute: '项目属性',
  period: '项目期',
  code: '项目编码',
  periodGoal: '中期目标',
  annualGoal: '年度目标',
};

interface HeadState {
  /** Labels read by meaning: as written → our name. */
  recognised: Map<string, string>;
  unit: MoneyUnit | undefined;
  periodMoneyColumn: number | undefined;
  /** Goal headers of the row before, over their texts; `completion` is a 完成情况 column. */
  goalHeaders: Array<{ item: FormItem; target: 'annual' | 'period' | 'completion' }>;
  goals: { annual: string[]; period: string[] };
}

export function readForm(
  block: FormBlock,
  framework: Framework,
  reporter: FormReporter,
): FormProject {
  const project: Project = {
    id: newId('prj'),
    name: '',
    money: { fiscal: 0, specialAccount: 0, other: 0 },
    goals: { annual: '' },
    indicators: [],
    raw: [],
  };
  const result: FormProject = {
    project,
    unitName: '',
    filer: '',
    supervisor: '',
    amounts: [],
    years: [],
    source: block.rows[0]?.source,
  };
  const used = new Set<FormItem['cell']>();
  const raw = (item: FormItem, reason: string): void => {
    if (used.has(item.cell) || item.text === '') return;
    used.add(item.cell);
    project.raw.push({ text: item.text, reason, source: item.cell.source });
  };
  const state: HeadState = {
    unit: undefined,
    periodMoneyColumn: undefined,
    goalHeaders: [],
    goals: { annual: [], period: [] },
    recognised: new Map(),
  };
  const { sections, head } = findSections(block.rows);
  for (const row of [...block.lead, ...head]) readHeadRow(row, state, result, used, raw);
  if (state.recognised.size > 0) {
    const pairs = [...state.recognised].map(([written, own]) => `「${written}」→ ${own}`);
    reporter.add(
      'normalised',
      `按含义识别的栏目：${pairs.join('、')}。`,
      result.source,
      project.name,
    );
  }
  const templateGoals: string[] = [];
  const limits: string[] = [];
  const goalText = (texts: readonly string[]) =>
    texts
      .map((text) => cleanCellText(text).text)
      .filter((text) => !(isTemplateGoal(text) && templateGoals.push(text)))
      .map((text) => {
        const stripped = withoutTemplatePrompt(text);
        if (!stripped) return text;
        limits.push(text.slice(stripped.text.length).trim());
        return stripped.text;
      })
      .join('\n');
  project.goals.annual = goalText(state.goals.annual);
  const period = goalText(state.goals.period);
  if (period !== '') project.goals.period = period;
  if (limits.length > 0)
    reporter.add('normalised', lengthLimitsNote(limits), result.source, project.name);
  if (templateGoals.length > 0)
    reporter.add(
      'normalised',
      `目标栏中只有表格模板的内容（如「${shorten(templateGoals[0]!.split('\n')[0]!)}」），没有作为目标导入。`,
      result.source,
      project.name,
    );

  if (sections.length > 0) readIndicators(sections, framework, project, reporter, used);
  else
    reporter.add(
      'warning',
      '表中没有找到“一级指标、二级指标、三级指标”表头，未读取绩效指标。',
      block.rows[0]?.source,
      project.name,
    );

  for (const row of [...block.lead, ...block.rows]) {
    for (const item of row.items)
      if (item.anchor && !used.has(item.cell)) raw(item, '表中无法归类的单元格');
  }
  for (const note of project.raw) {
    reporter.add(
      'raw',
      `${note.reason}：「${shorten(note.text)}」已保留在项目的未识别内容中。`,
      note.source,
      project.name,
    );
  }
  return result;
}

/** Reads one row of the form's head: label/value pairs, money lines, goals, titles. */
function readHeadRow(
  row: FormRow,
  state: HeadState,
  result: FormProject,
  used: Set<FormItem['cell']>,
  raw: (item: FormItem, reason: string) => void,
): void {
  const { project } = result;
  if (isTitleRow(row)) {
    for (const item of row.items) {
      if (!item.anchor) continue;
      used.add(item.cell);
      result.years.push(...yearsIn(item.text));
    }
    return;
  }
  // Goal texts under goal headers of the previous row.
  for (const goal of state.goalHeaders.splice(0)) {
    const below = row.items.find((item) => item.start === goal.item.start && !isLabel(item.text));
    if (!below) continue;
    if (goal.target === 'completion') raw(below, labelParts(goal.item.text).base);
    else if (below.text !== '') state.goals[goal.target].push(below.text);
    used.add(below.cell);
  }
  const valueAfter = (index: number): FormItem | undefined => {
    const next = row.items[index + 1];
    return next && !isLabel(next.text) && !used.has(next.cell) ? next : undefined;
  };
  /** An unqualified money line with the same line marked 当年/年度 later in its row is the 中期 half. */
  const annualLater = (index: number, line: string): boolean =>
    row.items
      .slice(index + 1)
      .some((later) => ANNUAL_WORD.test(later.text) && moneyLineOf(later.text) === line);
  row.items.forEach((item, index) => {
    if (!item.anchor || used.has(item.cell)) return;
    const glued = isLabel(item.text) ? null : gluedPair(item.text);
    const label = glued ? glued.label : item.text;
    /** The value: in the same cell after a colon, else the next cell. */
    const take = (): { text: string; source: FormItem['cell']['source'] } | undefined => {
      if (glued) return { text: glued.value, source: item.cell.source };
      const value = valueAfter(index);
      if (!value) return undefined;
      used.add(value.cell);
      return { text: value.text, source: value.cell.source };
    };
    if (OVERVIEW_PATTERN.test(labelKey(item.text))) {
      used.add(item.cell);
      const value = valueAfter(index);
      if (value) raw(value, labelParts(item.text).base);
      return;
    }
    if (SUBTITLE_PATTERN.test(labelKey(item.text))) {
      used.add(item.cell);
      return;
    }
    const field = fieldOf(label);
    if (field) {
      used.add(item.cell);
      noteRecognised(state, label, OWN_NAMES[field]);
      const value = take();
      if (!value) return;
      const text = cleanCellText(value.text).text;
      if (field === 'name') {
        // Two names for one project (专项资金名称 and 项目名称): the later one, the other kept.
        if (project.name !== '' && project.name !== text)
          project.raw.push({
            text: project.name,
            reason: '同一项目的另一个名称',
            source: value.source,
          });
        project.name = text;
      } else if (field === 'supervisor') {
        result.supervisor = text;
        project.supervisor = text;
      } else if (field === 'implementer') result.unitName = text;
      else if (field === 'code') project.code = text;
      else if (field === 'attribute') {
        const attribute = readAttribute(text);
        if (attribute) project.attribute = attribute;
        else project.raw.push({ text, reason: '项目属性无法识别', source: value.source });
      } else {
        const years = readPeriod(text);
        if (years) [project.periodStart, project.periodEnd] = years;
        else if (!/^\d+\s*年$/u.test(text))
          project.raw.push({ text, reason: '项目期无法识别', source: value.source });
      }
      return;
    }
    const unitLine = moneyUnitLine(item.text);
    if (unitLine) {
      used.add(item.cell);
      state.unit = unitLine;
      return;
    }
    if (isFilerLabel(label)) {
      used.add(item.cell);
      const value = take();
      if (value) result.filer = cleanCellText(value.text).text;
      return;
    }
    if (isContactLabel(label) || isTrailer(label)) {
      used.add(item.cell);
      if (glued)
        project.raw.push({
          text: item.text,
          reason: labelParts(label).base,
          source: item.cell.source,
        });
      else {
        const value = valueAfter(index);
        if (value) raw(value, labelParts(item.text).base);
      }
      return;
    }
    if (isMoneyBlock(label) && moneyLineOf(label) === null) {
      used.add(item.cell);
      state.unit = labelUnit(item.text) ?? state.unit;
      return;
    }
    const line = moneyLineOf(label);
    if (line) {
      used.add(item.cell);
      state.unit = labelUnit(item.text) ?? state.unit;
      const target: 'annual' | 'period' =
        PERIOD_WORD.test(label) ||
        (!ANNUAL_WORD.test(label) && annualLater(index, line)) ||
        (state.periodMoneyColumn !== undefined && item.start === state.periodMoneyColumn)
          ? 'period'
          : 'annual';
      if (line === 'total' && target === 'period') state.periodMoneyColumn = item.start;
      const value = take();
      if (!value) return;
      if (line === 'extra') {
        const amount = parseFormAmount(value.text, state.unit ?? '万元');
        project.raw.push({
          text: `${labelParts(label).base}：${value.text}`,
          reason: amount?.cents === 0 ? '资金栏目为 0，文档没有此栏目' : '文档没有此资金栏目',
          source: value.source,
        });
        return;
      }
      const amount = parseFormAmount(value.text, state.unit ?? '万元');
      if (!amount) {
        if (value.text !== '')
          project.raw.push({ text: value.text, reason: `${label}不是金额`, source: value.source });
        return;
      }
      if (target === 'period' && !['total', 'fiscal', 'fiscalPart', 'other'].includes(line)) {
        project.raw.push({
          text: `${label}：${value.text}`,
          reason: '中期资金没有此栏目',
          source: value.source,
        });
        return;
      }
      result.amounts.push({
        target,
        line,
        label: labelParts(label).base,
        amount,
        source: value.source,
      });
      return;
    }
    if (isCompletionHeader(label)) {
      used.add(item.cell);
      state.goalHeaders.push({ item, target: 'completion' });
      return;
    }
    const goal = goalOf(label);
    if (goal) {
      used.add(item.cell);
      if (goal !== 'either') noteRecognised(state, label, OWN_NAMES[`${goal}Goal`]);
      const target: 'annual' | 'period' = goal === 'period' ? 'period' : 'annual';
      const value = take();
      if (value) {
        if (value.text !== '') state.goals[target].push(value.text);
      } else if (goal !== 'either') {
        state.goalHeaders.push({ item, target });
      }
      return;
    }
    if (isIndicatorBlock(label)) used.add(item.cell);
  });
}

/** Remembers a label written otherwise than our own name (`项目执行单位` for 实施单位). */
function noteRecognised(state: HeadState, label: string, own: string): void {
  // A bracket at the end qualifies (`中期目标（2025—2026年）`); one inside renames (`项目（支出）名称`).
  const written = labelKey(label).replace(/^其中/u, '');
  if (written.replace(/[（(][^（）()]*[）)]$/u, '') !== own) state.recognised.set(written, own);
}
