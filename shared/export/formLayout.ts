import { getFramework, type Framework } from '../frameworks';
import {
  formatMoney,
  projectAmounts,
  renderValue,
  type FundingUnit,
  type Indicator,
  type JixiaoDocument,
  type Project,
} from '../model';
import type { FormLayoutOptions, Layout, LayoutCell, LayoutSection, PageSetup } from './layout';
import { a4Page, columnsFor, resolveFonts } from './page';
import { cell, headerRowsOf, label, markKeepTogether, type RowDraft } from './cells';
import { warningsByLack, type ExportWarning } from './projectWarnings';

/**
 * 五号, the table size of the per-project form: at 10.5 pt every label (主管部门及代码,
 * 其中：财政拨款, 财政专户拨款, 年度资金总额) fits its 30 mm column on one line.
 */
const TABLE_SIZE_PT = 10.5;

/** Title of the per-project form. */
export const FORM_TITLE = '项目支出绩效目标表';

/**
 * Five columns serve the whole form (156 mm of GB/T 9704 text width): the indicator table uses
 * them one to one (一级 | 二级 | 三级 | 实施周期 | 年度); the upper block spans them.
 */
const COLUMNS: ReadonlyArray<readonly [string, number]> = [
  ['level1', 30],
  ['level2', 30],
  ['level3', 36],
  ['period', 30],
  ['annual', 30],
];

/**
 * A project whose indicators carry a 指标值说明 / 绩效标准 (read from last year's form) gets a sixth
 * column for it, so the note prints instead of being lost; the upper block's last cells widen.
 */
const COLUMNS_WITH_NOTE: ReadonlyArray<readonly [string, number]> = [
  ['level1', 30],
  ['level2', 30],
  ['level3', 26],
  ['period', 30],
  ['annual', 20],
  ['note', 20],
];

/** The sixth column's header. */
export const NOTE_HEADER = '指标值说明';

/** 1 when the project's form has the 指标值说明 column, else 0: added to the last spans. */
type Extra = 0 | 1;

function noteColumn(project: Project): Extra {
  return project.indicators.some((indicator) => (indicator.note ?? '').trim() !== '') ? 1 : 0;
}

/** An amount as the official tables print it: `4,791.93`, blank for zero or none. */
function money(amount: number | null | undefined): LayoutCell {
  if (amount === null || amount === undefined) return cell('', { kind: 'money', align: 'right' });
  return cell(formatMoney(amount, { blankZero: true }), { kind: 'money', align: 'right', amount });
}

/** Marks a 中期 label whose value the document does not have: the clerk sees it, no guess fills it. */
export const MISSING_MARK = '（文档未填）';

/** Whether a project has its own 中期 money, 中期 goal. */
export function midtermData(project: Project): { money: boolean; goal: boolean } {
  return {
    money: project.periodMoney !== null && project.periodMoney !== undefined,
    goal: (project.goals.period ?? '').trim() !== '',
  };
}

/**
 * Warnings for the 中期 + 年度 form: the projects whose 中期 money or goal the document lacks. The
 * form leaves those cells blank and marks their labels; the caller shows these lines.
 */
export function midtermWarnings(document: JixiaoDocument): ExportWarning[] {
  const lacks: Array<{ name: string; lack: string }> = [];
  for (const unit of document.units) {
    for (const project of unit.projects) {
      const has = midtermData(project);
      const missing = [has.money ? '' : '中期资金', has.goal ? '' : '中期目标'].filter(Boolean);
      if (missing.length > 0) lacks.push({ name: project.name, lack: missing.join('和') });
    }
  }
  return warningsByLack(
    lacks,
    (projects, lack) => `${projects}没有${lack}：表中已标“${MISSING_MARK}”，请补填。`,
  );
}

/** `2年（2024—2025）`, or the single year (`2025年`), or blank. */
export function projectPeriodText(project: Project): string {
  const start = project.periodStart ?? null;
  const end = project.periodEnd ?? null;
  if (start === null && end === null) return '';
  if (start === null || end === null || start === end) return `${start ?? end}年`;
  return `${end - start + 1}年（${start}—${end}）`;
}

function upperBlock(
  document: JixiaoDocument,
  unit: FundingUnit,
  project: Project,
  extra: Extra,
): RowDraft[] {
  return [
    {
      role: 'field',
      cells: [
        label('主管部门及代码'),
        cell(project.supervisor ?? document.department, { colSpan: 2 }),
        label('实施单位'),
        cell(project.implementer ?? unit.name, { colSpan: 1 + extra }),
      ],
    },
    {
      role: 'field',
      cells: [
        label('项目属性'),
        cell(project.attribute ?? '', { colSpan: 2 }),
        label('项目期'),
        cell(projectPeriodText(project), { colSpan: 1 + extra }),
      ],
    },
  ];
}

function annualMoneyRows(document: JixiaoDocument, project: Project, extra: Extra): RowDraft[] {
  const amounts = projectAmounts(project);
  const lines: Array<[string, number]> = [
    ['年度资金总额', amounts.total],
    ['其中：财政拨款', amounts.fiscal],
    ['财政专户拨款', amounts.specialAccount],
    ['其他资金', amounts.other],
  ];
  const carryover = project.money.carryover;
  if (carryover !== null && carryover !== undefined) lines.push(['上年结转', carryover]);
  return lines.map(([text, amount], index) => ({
    role: 'money',
    cells: [
      ...(index === 0
        ? [label(`项目资金\n（${document.moneyUnit}）`, { rowSpan: lines.length })]
        : []),
      label(text),
      { ...money(amount), colSpan: 3 + extra },
    ],
  }));
}

function midtermMoneyRows(document: JixiaoDocument, project: Project, extra: Extra): RowDraft[] {
  const amounts = projectAmounts(project);
  const period = project.periodMoney ?? null;
  const mark = period === null ? MISSING_MARK : '';
  const lines: Array<[string, number | null, string, number | null]> = [
    [`中期资金总额${mark}`, period?.total ?? null, '年度资金总额', amounts.total],
    ['其中：财政拨款', period?.fiscal ?? null, '其中：财政拨款', amounts.fiscal],
  ];
  if (amounts.specialAccount !== 0) lines.push(['', null, '财政专户拨款', amounts.specialAccount]);
  lines.push(['其他资金', period?.other ?? null, '其他资金', amounts.other]);
  const carryover = project.money.carryover;
  if (carryover !== null && carryover !== undefined) lines.push(['', null, '上年结转', carryover]);
  return lines.map(([periodLabel, periodAmount, annualLabel, annualAmount], index) => ({
    role: 'money',
    cells: [
      ...(index === 0
        ? [label(`项目资金\n（${document.moneyUnit}）`, { rowSpan: lines.length })]
        : []),
      label(periodLabel),
      money(periodAmount),
      label(annualLabel),
      { ...money(annualAmount), colSpan: 1 + extra },
    ],
  }));
}

function goalRows(
  project: Project,
  variant: FormLayoutOptions['variant'],
  extra: Extra,
): RowDraft[] {
  if (variant === 'annual') {
    return [
      {
        role: 'goal',
        cells: [label('年度绩效目标'), cell(project.goals.annual, { colSpan: 4 + extra })],
      },
    ];
  }
  const start = project.periodStart ?? null;
  const end = project.periodEnd ?? null;
  const years = start !== null && end !== null ? `（${start}—${end}年）` : '';
  const mark = midtermData(project).goal ? '' : MISSING_MARK;
  return [
    {
      role: 'goal',
      cells: [
        label('总体目标', { rowSpan: 2 }),
        label(`中期目标${years}${mark}`, { colSpan: 2 }),
        label('年度目标', { colSpan: 2 + extra }),
      ],
    },
    {
      role: 'goal',
      cells: [
        cell(project.goals.period ?? '', { colSpan: 2, verticalAlign: 'top' }),
        cell(project.goals.annual, { colSpan: 2 + extra, verticalAlign: 'top' }),
      ],
    },
  ];
}

/**
 * Orders indicators by the framework's categories (first and second level), keeping the clerk's
 * order inside a category; categories the framework does not know follow, in order of appearance.
 */
export function groupIndicators(
  indicators: readonly Indicator[],
  framework: Framework,
): Indicator[] {
  const rank = (indicator: Indicator): [number, number, string, string] => {
    const level1 = framework.level1.findIndex((candidate) => candidate.name === indicator.level1);
    const level2 =
      level1 < 0
        ? -1
        : (framework.level1[level1]?.level2.findIndex((c) => c.name === indicator.level2) ?? -1);
    return [
      level1 < 0 ? framework.level1.length : level1,
      level2 < 0 ? Number.MAX_SAFE_INTEGER : level2,
      indicator.level1,
      indicator.level2,
    ];
  };
  const firstSeen = new Map<string, number>();
  indicators.forEach((indicator, index) => {
    const key = `${indicator.level1}\u0000${indicator.level2}`;
    if (!firstSeen.has(key)) firstSeen.set(key, index);
  });
  return indicators
    .map((indicator, index) => ({ indicator, index, rank: rank(indicator) }))
    .sort((a, b) => {
      if (a.rank[0] !== b.rank[0]) return a.rank[0] - b.rank[0];
      if (a.rank[1] !== b.rank[1]) return a.rank[1] - b.rank[1];
      const groupA = firstSeen.get(`${a.rank[2]}\u0000${a.rank[3]}`) ?? 0;
      const groupB = firstSeen.get(`${b.rank[2]}\u0000${b.rank[3]}`) ?? 0;
      return groupA - groupB || a.index - b.index;
    })
    .map(({ indicator }) => indicator);
}

/**
 * The header of the first value column: 中期指标值 on the 中期 form of a project that has 中期
 * data; otherwise what the values are, 实施周期指标值 (never 中期 values the document lacks).
 */
function periodValueHeader(project: Project, variant: FormLayoutOptions['variant']): string {
  const has = midtermData(project);
  return variant === 'midterm' && (has.money || has.goal) ? '中期指标值' : '实施周期指标值';
}

function indicatorRows(
  project: Project,
  framework: Framework,
  variant: FormLayoutOptions['variant'],
  extra: Extra,
): RowDraft[] {
  const rows: RowDraft[] = [
    {
      role: 'indicator-header',
      cells: [
        label('一级指标', { bold: true }),
        label('二级指标', { bold: true }),
        label('三级指标', { bold: true }),
        label(periodValueHeader(project, variant), { bold: true }),
        label('年度指标值', { bold: true }),
        ...(extra ? [label(NOTE_HEADER, { bold: true })] : []),
      ],
    },
  ];
  const ordered = groupIndicators(project.indicators, framework);
  if (ordered.length === 0) {
    rows.push({ role: 'empty', cells: Array.from({ length: 5 + extra }, () => cell('')) });
    return rows;
  }
  ordered.forEach((indicator, index) => {
    const previous = ordered[index - 1];
    const cells: LayoutCell[] = [];
    if (previous?.level1 !== indicator.level1) {
      let span = 1;
      while (ordered[index + span]?.level1 === indicator.level1) span += 1;
      cells.push(label(indicator.level1, { rowSpan: span }));
    }
    if (previous?.level1 !== indicator.level1 || previous.level2 !== indicator.level2) {
      let span = 1;
      while (
        ordered[index + span]?.level1 === indicator.level1 &&
        ordered[index + span]?.level2 === indicator.level2
      ) {
        span += 1;
      }
      cells.push(label(indicator.level2, { rowSpan: span }));
    }
    cells.push(
      cell(indicator.name),
      cell(renderValue(indicator.period), { align: 'center' }),
      cell(renderValue(indicator.annual), { align: 'center' }),
      ...(extra ? [cell(indicator.note ?? '')] : []),
    );
    rows.push({ role: 'indicator', cells });
  });
  return rows;
}

function formSection(
  document: JixiaoDocument,
  unit: FundingUnit,
  project: Project,
  page: PageSetup,
  framework: Framework,
  variant: FormLayoutOptions['variant'],
): LayoutSection {
  const extra = noteColumn(project);
  const columns = columnsFor(page, extra ? COLUMNS_WITH_NOTE : COLUMNS);
  const upper = [
    ...upperBlock(document, unit, project, extra),
    ...(variant === 'annual'
      ? annualMoneyRows(document, project, extra)
      : midtermMoneyRows(document, project, extra)),
    ...goalRows(project, variant, extra),
  ];
  const body = [...upper, ...indicatorRows(project, framework, variant, extra)];
  return {
    id: project.id,
    name: project.name,
    page,
    titleBlock: formTitleBlock(document),
    repeatTitleBlock: true,
    columns,
    headerRows: headerRowsOf([
      { role: 'field', cells: [label('项目名称'), cell(project.name, { colSpan: 4 + extra })] },
    ]),
    bodyRows: markKeepTogether(body, columns, page, TABLE_SIZE_PT),
    repeatBlockFrom: upper.length,
    continuedLabel: `项目名称：${project.name}（续）`,
  };
}

function formTitleBlock(document: JixiaoDocument): LayoutSection['titleBlock'] {
  const lines: LayoutSection['titleBlock'] = [{ center: { text: FORM_TITLE, font: 'title' } }];
  if (document.fiscalYear !== null) {
    lines.push({ center: { text: `（${document.fiscalYear}年度）`, font: 'subtitle' } });
  }
  return lines;
}

/**
 * Per-project forms (DOMAIN §4): one A4 portrait section per project, title and 项目名称 repeated
 * on every page, 一级 and 二级 cells merged over their indicators.
 */
export function formLayout(document: JixiaoDocument, options: FormLayoutOptions): Layout {
  const framework = getFramework(document.frameworkId);
  // GB/T 9704-2012: 37 mm top, 28 mm left, 156 × 225 mm type area, page number below it.
  const page = a4Page('portrait', {
    top: 37,
    bottom: 35,
    left: 28,
    right: 26,
    header: 15,
    footer: 25,
  });
  const sections: LayoutSection[] = [];
  for (const unit of document.units) {
    for (const project of unit.projects) {
      sections.push(formSection(document, unit, project, page, framework, options.variant));
    }
  }
  if (sections.length === 0) {
    sections.push({
      id: 'empty',
      name: FORM_TITLE,
      page,
      titleBlock: formTitleBlock(document),
      repeatTitleBlock: true,
      columns: columnsFor(page, COLUMNS),
      headerRows: [],
      bodyRows: [
        {
          role: 'empty',
          cells: [cell('（本文档没有项目）', { colSpan: 5, align: 'center' })],
          keepTogether: true,
        },
      ],
    });
  }
  return {
    kind: 'form',
    title: FORM_TITLE,
    fonts: resolveFonts(
      { title: 20, subtitle: 16, unit: 12, table: TABLE_SIZE_PT, pageNumber: 14 },
      options.fonts,
    ),
    pageNumbers: { format: '— {page} —', align: 'outside' },
    sections,
  };
}
