/**
 * Filled 绩效运行监控表 and 项目支出绩效自评表 (DOMAIN.md §9) as a document: each form a project
 * with its target indicators and the stage's values (schema 2), grouped into units by 实施单位,
 * amounts converted exactly into the document's unit. The figures the forms print but our model
 * derives (执行率, 得分, 总分) go into the report's `stage` part, and a printed 执行率 that our
 * own differs from is reported for the clerk to check.
 */

import {
  DEFAULT_FRAMEWORK_ID,
  findLevel1,
  getFramework,
  isKnownFramework,
  type Framework,
} from '../../frameworks';
import { categories } from '../forms/categories';
import { shorten } from '../indicatorRun';
import {
  DEFAULT_TITLE,
  SCHEMA_VERSION,
  documentSettingsSchema,
  formatMoney,
  newId,
  type FundingUnit,
  type JixiaoDocument,
  type MoneyUnit,
  type Project,
  type StageMoney,
} from '../../model';
import { formRows } from '../formRows';
import { documentMoneyUnit } from '../documentUnit';
import { amountIn } from '../formMoney';
import { stageOfTitle } from '../forms/labels';
import { splitForms, type FormBlock } from '../forms/split';
import { FormReporter } from '../forms/types';
import { stripCode, unitOf } from '../forms/unitCode';
import type { GridTable } from '../grid';
import { orderEntries, type ImportResult } from '../report';
import { scoringRulesFor } from '../../scoring';
import { plausibleYear } from '../years';
import { settleGrades } from './grades';
import { checkPrintedRate } from './printed';
import { readStageForm, type ColumnAmounts, type StageFormRead } from './readStageForm';
import { readIndicatorColumns } from './stageColumns';
import { STAGE_FORM_NAMES, type StageKind, type StageReport } from './types';

export interface StageFormOptions {
  fiscalYear?: number | null;
  moneyUnit?: MoneyUnit;
  frameworkId?: string;
  /** What the container is, for the report's format name. */
  container?: string;
}

/**
 * Columns only a filled stage form has. 分值 / 权重, 备注 and 纠偏措施 alone do not make one: some
 * target forms carry a 权重 or 备注 column.
 */
const STAGE_ONLY: ReadonlySet<string> = new Set([
  'likelihood',
  'forecast',
  'toDate',
  'actual',
  'score',
  'analysis',
]);

/** True when a form block has an indicator table with a stage's own columns. */
function isStageBlock(block: FormBlock): boolean {
  const titled = [...block.lead, ...block.rows].some((row) =>
    row.items.some((item) => item.anchor && stageOfTitle(item.text) !== null),
  );
  return block.rows.some((_row, index) => {
    const header = readIndicatorColumns(block.rows, index);
    if (!header) return false;
    const roles = [...header.columns.stage.keys()];
    return roles.some((role) => STAGE_ONLY.has(role) || (titled && role !== 'remark'));
  });
}

/** The forms of the tables when at least one is a filled stage form; null otherwise. */
export function findStageForms(tables: readonly GridTable[]): FormBlock[] | null {
  const { forms } = splitForms(formRows(tables));
  return forms.some(isStageBlock) ? forms : null;
}

type Line = keyof ColumnAmounts;
type MoneyColumn = keyof StageFormRead['amounts'];

/** A money column as the report names it. */
const COLUMN_NAMES: Record<MoneyColumn, string> = {
  initial: '年初预算数',
  adjusted: '全年预算数',
  executed: '执行数',
  forecast: '全年预计执行数',
};

/** One money column's lines as a stage amount in the document's unit, reporting what it did. */
function stageMoney(
  lines: ColumnAmounts | undefined,
  unit: MoneyUnit,
  what: string,
  read: StageFormRead,
  reporter: FormReporter,
): StageMoney | undefined {
  if (!lines) return undefined;
  const cents: Partial<Record<Line, number>> = {};
  for (const [line, entry] of Object.entries(lines) as Array<[Line, ColumnAmounts[Line]]>) {
    if (!entry) continue;
    const converted = amountIn(entry.amount, unit);
    if (converted === null) {
      read.project.raw.push({
        text: entry.amount.text,
        reason: `${what}换算成${unit}会丢失数字`,
        source: entry.source,
      });
      reporter.add(
        'raw',
        `${what}「${entry.amount.text}」换算成${unit}会丢失数字，原文已保留。`,
        entry.source,
        read.project.name,
      );
      continue;
    }
    cents[line] = converted;
  }
  if (Object.keys(cents).length === 0) return undefined;
  const carryover = cents.carryover ?? 0;
  const other = cents.other ?? 0;
  let fiscal = cents.fiscal;
  if (fiscal === undefined) {
    fiscal = (cents.total ?? 0) - carryover - other;
    reporter.add(
      'normalised',
      `${what}没有“其中：财政拨款”行，当年财政拨款按资金总额减其他各项计算（${formatMoney(fiscal)} ${unit}）。`,
      lines.total?.source,
      read.project.name,
    );
  } else if (cents.total !== undefined && cents.total !== fiscal + carryover + other) {
    reporter.add(
      'warning',
      `${what}的资金总额 ${formatMoney(cents.total)} 与各项之和 ${formatMoney(fiscal + carryover + other)} 不符，按各项之和导入，请核对。`,
      lines.total?.source,
      read.project.name,
    );
  }
  return { fiscal, carryover, other };
}

/** `2019-06`: the form's year and month; null when either is unknown. */
function asOfOf(year: number | null, month: number | null): string | null {
  if (year === null || month === null) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Imports filled stage forms into one document with the stage's values, and the printed figures. */
export function importStageForms(
  forms: readonly FormBlock[],
  options: StageFormOptions = {},
): ImportResult {
  const reporter = new FormReporter();
  const read = forms.map((form) => readStageForm(form, reporter));
  const kinds = new Set(read.map((form) => form.kind ?? 'monitoring'));
  const kind: StageKind =
    kinds.has('evaluation') && !kinds.has('monitoring') ? 'evaluation' : 'monitoring';
  if (kinds.size > 1)
    reporter.add('warning', '文件中既有监控表又有自评表，按绩效运行监控表读取，请分开导入。');
  const moneyUnit =
    options.moneyUnit ??
    documentMoneyUnit(
      read.flatMap((form) =>
        (Object.entries(form.amounts) as Array<[MoneyColumn, ColumnAmounts | undefined]>).flatMap(
          ([column, lines]) =>
            Object.values(lines ?? {}).map(({ amount, source }) => ({
              field: COLUMN_NAMES[column],
              amount,
              source,
            })),
        ),
      ),
      reporter,
    );
  const years = [...new Set(read.flatMap((form) => form.years))].filter(plausibleYear);
  const fiscalYear = options.fiscalYear ?? years[0] ?? null;
  const month = read.find((form) => form.month !== null)?.month ?? null;
  let asOf = asOfOf(fiscalYear, month);
  if (kind === 'monitoring' && asOf === null && fiscalYear !== null) {
    asOf = `${fiscalYear}-07`;
    reporter.add('warning', '表中没有写明监控时点（如“1-7月执行数”），按当年 7 月底导入，请核对。');
  }

  const frameworkId =
    options.frameworkId && isKnownFramework(options.frameworkId)
      ? options.frameworkId
      : DEFAULT_FRAMEWORK_ID;
  const framework = getFramework(frameworkId);
  const units: FundingUnit[] = [];
  const report: StageReport = { kind, projects: [], ...(asOf ? { asOf } : {}) };
  for (const form of read) {
    const project = buildProject(form, kind, moneyUnit, asOf, reporter);
    matchCategories(project, framework, reporter);
    const name = unitOf(form.unitName, [['主管部门', form.supervisor]], (kind, message) =>
      reporter.add(kind, message, form.source, project.name),
    );
    let unit = units.find((candidate) => candidate.name === name);
    if (!unit) units.push((unit = { id: newId('unit'), name, projects: [] }));
    unit.projects.push(project);
    report.projects.push(form.published);
    checkPrintedRate(project, form.published, kind, reporter);
    for (const note of project.raw)
      reporter.add(
        'raw',
        `${note.reason}：「${note.text}」已保留在项目的未识别内容中。`,
        note.source,
        project.name,
      );
  }
  const document: JixiaoDocument = {
    schemaVersion: SCHEMA_VERSION,
    title: DEFAULT_TITLE,
    department: stripCode(read.find((form) => form.supervisor !== '')?.supervisor ?? ''),
    fiscalYear,
    moneyUnit,
    frameworkId,
    settings: documentSettingsSchema.parse({}),
    units,
  };
  const projects = units.flatMap((unit) => unit.projects);
  if (kind === 'evaluation') settleGrades(document, scoringRulesFor(document));
  return {
    document,
    report: {
      format: `${STAGE_FORM_NAMES[kind]}（${options.container ?? '表格'}）`,
      entries: orderEntries(reporter.entries),
      counts: {
        units: units.length,
        projects: projects.length,
        indicators: projects.reduce((count, item) => count + item.indicators.length, 0),
      },
      stage: report,
    },
  };
}

function buildProject(
  form: StageFormRead,
  kind: StageKind,
  unit: MoneyUnit,
  asOf: string | null,
  reporter: FormReporter,
): Project {
  const { project } = form;
  if (project.name === '') reporter.add('warning', '项目名称为空。', form.source);
  const money = (column: MoneyColumn) =>
    stageMoney(form.amounts[column], unit, COLUMN_NAMES[column], form, reporter);
  const initial = money('initial');
  const adjusted = money('adjusted');
  const executed = money('executed');
  const forecast = money('forecast');
  const budget = initial ?? adjusted;
  if (budget)
    project.money = {
      fiscal: budget.fiscal,
      specialAccount: 0,
      other: budget.other + budget.carryover,
    };
  if (initial || adjusted)
    project.yearBudget = { ...(initial ? { initial } : {}), ...(adjusted ? { adjusted } : {}) };
  project.goals.annual = form.goal.expected;
  if (form.supervisor) project.supervisor = form.supervisor;
  if (kind === 'monitoring' && asOf) {
    project.monitoring = {
      asOf,
      ...(executed ? { executed } : {}),
      ...(forecast ? { forecast } : {}),
      ...(form.goal.actual ? { goalProgress: form.goal.actual } : {}),
    };
  } else if (kind === 'evaluation') {
    project.evaluation = {
      ...(executed ? { executed } : {}),
      ...(form.goal.actual ? { goalActual: form.goal.actual } : {}),
      ...(form.budgetAnalysis ? { budgetAnalysis: form.budgetAnalysis } : {}),
    };
  }
  return project;
}

/** Written 一级/二级 matched to the framework as the target-form reader does; no 二级 keeps none. */
function matchCategories(project: Project, framework: Framework, reporter: FormReporter): void {
  for (const indicator of project.indicators) {
    if (indicator.level2 === '') {
      const written = indicator.level1.replace(/[\s\u3000]/g, '');
      indicator.level1 = findLevel1(framework, written)?.name ?? written;
      continue;
    }
    [indicator.level1, indicator.level2] = categories(
      framework,
      indicator.level1,
      indicator.level2,
      (kind, message) =>
        reporter.add(kind, `指标「${shorten(indicator.name)}」${message}`, undefined, project.name),
    );
  }
}
