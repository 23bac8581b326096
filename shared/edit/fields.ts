import { findLevel1, findLevel2, getFramework } from '../frameworks';
import {
  convertMoney,
  moneyText,
  FISCAL_YEAR_RANGE,
  parseMoney,
  parseValue,
  type Cents,
  type Indicator,
  type IndicatorValue,
  type JixiaoDocument,
  type Project,
} from '../model';
import { findIndicator, findProject } from './locate';
import { EditError } from './patches';

/** Project fields a clerk edits as text (panel, grid, paste). */
export const PROJECT_TEXT_FIELDS = [
  'name',
  'code',
  'supervisor',
  'implementer',
  'attribute',
  'periodStart',
  'periodEnd',
  'goals.annual',
  'goals.period',
  'money.fiscal',
  'money.specialAccount',
  'money.other',
  'money.carryover',
  'periodMoney.total',
  'periodMoney.fiscal',
  'periodMoney.other',
] as const;
export type ProjectTextField = (typeof PROJECT_TEXT_FIELDS)[number];

/** Indicator fields a clerk edits as text; values are parsed into their structure. */
export const INDICATOR_TEXT_FIELDS = [
  'level1',
  'level2',
  'name',
  'period',
  'annual',
  'note',
] as const;
export type IndicatorTextField = (typeof INDICATOR_TEXT_FIELDS)[number];

/**
 * What a clerk types, as Excel reads it: `.5` is 0.5 and `5.` is 5. Only here: in a table being
 * imported `5.` may be an item's number, and parseMoney refuses it there rather than guess.
 */
function typedMoney(text: string): string {
  const plain = moneyText(text);
  if (/^[+-]?\.\d+$/.test(plain)) return plain.replace('.', '0.');
  if (/^[+-]?[\d,]+\.$/.test(plain)) return plain.slice(0, -1);
  return text;
}

/** Reads a money cell or explains in Chinese why it is not an amount. */
export function moneyFromText(text: string, label = '金额'): Cents {
  const cents = parseMoney(typedMoney(text));
  if (cents === null) {
    // A number the clerk typed right but too long to keep exactly is said to be that.
    const digits = moneyText(text).replace(/,/g, '');
    if (/^[+-]?\d+(?:\.\d{0,2}0*)?$/.test(digits)) {
      throw new EditError(`「${text.trim()}」超出了能精确保存的金额范围，请检查金额的位数。`);
    }
    throw new EditError(`「${text.trim()}」不是有效的${label}：请输入数字，最多两位小数。`);
  }
  return cents;
}

function yearFromText(text: string): number | null {
  const trimmed = text.trim().replace(/年$/, '');
  if (trimmed === '') return null;
  const year = Number(trimmed);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    throw new EditError(`「${text.trim()}」不是有效的年份。`);
  }
  return year;
}

function optionalText(project: Project, key: 'code' | 'supervisor' | 'implementer', text: string) {
  if (text === '') delete project[key];
  else project[key] = text;
}

/** Sets one project field from text, converting money and years exactly. */
export function setProjectText(project: Project, field: ProjectTextField, text: string): void {
  switch (field) {
    case 'name':
      project.name = text;
      return;
    case 'code':
    case 'supervisor':
    case 'implementer':
      optionalText(project, field, text.trim());
      return;
    case 'attribute': {
      const value = text.trim();
      if (value !== '' && value !== '新增' && value !== '延续') {
        throw new EditError('项目属性只能是「新增」或「延续」。');
      }
      project.attribute = value === '' ? null : value;
      return;
    }
    case 'periodStart':
    case 'periodEnd':
      project[field] = yearFromText(text);
      return;
    case 'goals.annual':
      project.goals.annual = text;
      return;
    case 'goals.period':
      if (text === '') delete project.goals.period;
      else project.goals.period = text;
      return;
    case 'money.fiscal':
    case 'money.specialAccount':
    case 'money.other':
      project.money[field.slice(6) as 'fiscal' | 'specialAccount' | 'other'] = moneyFromText(text);
      return;
    case 'money.carryover':
      project.money.carryover = text.trim() === '' ? null : moneyFromText(text);
      return;
    case 'periodMoney.total':
    case 'periodMoney.fiscal':
    case 'periodMoney.other': {
      const key = field.slice(12) as 'total' | 'fiscal' | 'other';
      project.periodMoney ??= { total: 0, fiscal: 0, other: 0 };
      project.periodMoney[key] = moneyFromText(text);
      return;
    }
  }
}

/** Reads a project field back as the text the editor shows. */
export function projectText(project: Project, field: ProjectTextField): string {
  const money = (cents: Cents | null | undefined) =>
    cents === null || cents === undefined ? '' : (cents / 100).toFixed(2);
  switch (field) {
    case 'name':
      return project.name;
    case 'code':
    case 'supervisor':
    case 'implementer':
      return project[field] ?? '';
    case 'attribute':
      return project.attribute ?? '';
    case 'periodStart':
    case 'periodEnd':
      return project[field] === null || project[field] === undefined ? '' : String(project[field]);
    case 'goals.annual':
      return project.goals.annual;
    case 'goals.period':
      return project.goals.period ?? '';
    case 'money.fiscal':
    case 'money.specialAccount':
    case 'money.other':
      return money(project.money[field.slice(6) as 'fiscal' | 'specialAccount' | 'other']);
    case 'money.carryover':
      return money(project.money.carryover);
    case 'periodMoney.total':
    case 'periodMoney.fiscal':
    case 'periodMoney.other':
      return money(project.periodMoney?.[field.slice(12) as 'total' | 'fiscal' | 'other']);
  }
}

/** Sets one indicator field from text: categories match the framework, values parse. */
export function setIndicatorText(
  indicator: Indicator,
  field: IndicatorTextField,
  text: string,
  frameworkId: string,
): void {
  const framework = getFramework(frameworkId);
  switch (field) {
    case 'level1': {
      const level1 = findLevel1(framework, text);
      indicator.level1 = level1?.name ?? text.trim();
      // A 二级 that does not belong to the new 一级 would be an R4 error: the clerk picks again.
      if (level1 && !level1.level2.some((level2) => level2.name === indicator.level2)) {
        indicator.level2 = '';
      }
      return;
    }
    case 'level2': {
      const found = findLevel2(framework, text, undefined, findLevel1(framework, indicator.level1));
      indicator.level2 = found?.level2.name ?? text.trim();
      if (found && indicator.level1.trim() === '') indicator.level1 = found.level1.name;
      return;
    }
    case 'name':
      indicator.name = text;
      return;
    case 'note':
      if (text === '') delete indicator.note;
      else indicator.note = text;
      return;
    case 'period':
    case 'annual':
      indicator[field] = parseValue(text);
      return;
  }
}

/** A structured value as edited in the panel: any structured edit drops the kept text. */
export function structuredValue(value: IndicatorValue): IndicatorValue {
  const next: IndicatorValue = { sign: value.sign, value: value.value, unit: value.unit };
  if (next.sign === '定性') next.unit = '';
  return next;
}

/** Finds a project and indicator by id in a draft. */
export function indicatorIn(
  draft: JixiaoDocument,
  projectId: string,
  indicatorId: string,
): { project: Project; indicator: Indicator; indicatorIndex: number } {
  const { project } = findProject(draft, projectId);
  return { project, ...findIndicator(project, indicatorId) };
}

/** Document properties shown in the 文档属性 dialog. */
export interface DocumentProperties {
  title?: string;
  department?: string;
  fiscalYear?: number | null;
  moneyUnit?: '万元' | '元';
  frameworkId?: string;
}

/** Sets document properties; a money unit change converts every amount exactly or refuses. */
export function setDocumentProperties(draft: JixiaoDocument, properties: DocumentProperties): void {
  if (properties.title !== undefined) draft.title = properties.title;
  if (properties.department !== undefined) draft.department = properties.department;
  if (properties.fiscalYear !== undefined) {
    const year = properties.fiscalYear;
    // A year the document cannot be saved with is refused here, not at the next save.
    if (
      year !== null &&
      (!Number.isInteger(year) || year < FISCAL_YEAR_RANGE.min || year > FISCAL_YEAR_RANGE.max)
    ) {
      throw new EditError(
        `年度应为 ${FISCAL_YEAR_RANGE.min}—${FISCAL_YEAR_RANGE.max} 之间的四位年份，例如 2025；不知道时可留空。`,
      );
    }
    draft.fiscalYear = year;
  }
  if (properties.frameworkId !== undefined) draft.frameworkId = properties.frameworkId;
  const to = properties.moneyUnit;
  if (to === undefined || to === draft.moneyUnit) return;
  const from = draft.moneyUnit;
  const convert = (cents: Cents, project: Project): Cents => {
    const converted = convertMoney(cents, from, to);
    if (converted === null) {
      throw new EditError(
        `「${project.name}」的金额换算为${to}会超过两位小数，无法无损换算；请先调整金额。`,
      );
    }
    return converted;
  };
  for (const unit of draft.units) {
    for (const project of unit.projects) {
      const { money } = project;
      money.fiscal = convert(money.fiscal, project);
      money.specialAccount = convert(money.specialAccount, project);
      money.other = convert(money.other, project);
      if (money.carryover !== null && money.carryover !== undefined) {
        money.carryover = convert(money.carryover, project);
      }
      if (project.periodMoney) {
        project.periodMoney.total = convert(project.periodMoney.total, project);
        project.periodMoney.fiscal = convert(project.periodMoney.fiscal, project);
        project.periodMoney.other = convert(project.periodMoney.other, project);
      }
      // Stage amounts (年初/全年预算数, 执行数) are in the same unit and convert with the rest.
      const stageAmounts = [
        project.yearBudget?.initial,
        project.yearBudget?.adjusted,
        project.monitoring?.executed,
        project.monitoring?.forecast,
        project.evaluation?.executed,
      ];
      for (const amount of stageAmounts) {
        if (!amount) continue;
        amount.fiscal = convert(amount.fiscal, project);
        amount.carryover = convert(amount.carryover, project);
        amount.other = convert(amount.other, project);
      }
    }
  }
  draft.moneyUnit = to;
}
