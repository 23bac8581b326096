/**
 * The 明细表: one indicator per row, every column a field, for data work — consolidating units,
 * filtering, preparing the budget system's upload. The header is the first row (frozen, with
 * filters in Excel); a project's amounts stand on its first row only, so the money columns sum to
 * the document's 合计; a project without indicators still has its row.
 */
import { projectAmounts, renderValue, type JixiaoDocument } from '../model';
import { moneyCell } from './disclosureLayout';
import type { Layout, LayoutCell, LayoutOptions, LayoutSection } from './layout';
import { a4Page, columnsFor, resolveFonts } from './page';
import { cell, headerRowsOf, label, markKeepTogether } from './cells';

const TABLE_SIZE_PT = 10;

/** The columns of the 明细表, header and relative width. */
export const DETAIL_COLUMNS: ReadonlyArray<readonly [key: string, header: string, weight: number]> =
  [
    ['unit', '单位', 24],
    ['project', '项目', 36],
    ['total', '总计', 17],
    ['fiscal', '财政拨款', 17],
    ['specialAccount', '财政专户拨款', 17],
    ['other', '其他资金', 17],
    ['level1', '一级指标', 21],
    ['level2', '二级指标', 24],
    ['level3', '三级指标', 40],
    ['period', '实施周期指标值', 22],
    ['annual', '年度指标值', 22],
    ['note', '指标值说明', 20],
  ];

/** Title of the 明细表 (the sheet is named after it). */
export const DETAIL_TITLE = '项目支出绩效指标明细表';

const TOP = { verticalAlign: 'top' } as const;

/** The flat 明细表 of a document (one sheet; Excel gets a frozen header row and filters). */
export function detailLayout(document: JixiaoDocument, options: LayoutOptions = {}): Layout {
  const page = a4Page('landscape', {
    top: 12,
    bottom: 15,
    left: 10,
    right: 10,
    header: 6,
    footer: 6,
  });
  const columns = columnsFor(
    page,
    DETAIL_COLUMNS.map(([key, , weight]) => [key, weight] as const),
  );
  const drafts: Array<{ role: 'indicator'; cells: LayoutCell[] }> = [];
  for (const unit of document.units) {
    for (const project of unit.projects) {
      const amounts = projectAmounts(project);
      const money = [amounts.total, amounts.fiscal, amounts.specialAccount, amounts.other];
      const indicators = project.indicators.length > 0 ? project.indicators : [null];
      indicators.forEach((indicator, index) => {
        drafts.push({
          role: 'indicator',
          cells: [
            cell(unit.name, TOP),
            cell(project.name, TOP),
            ...money.map((amount) =>
              index === 0
                ? { ...moneyCell(amount), verticalAlign: 'top' as const }
                : cell('', { kind: 'money', align: 'right' }),
            ),
            cell(indicator?.level1 ?? '', TOP),
            cell(indicator?.level2 ?? '', TOP),
            cell(indicator?.name ?? '', TOP),
            cell(indicator ? renderValue(indicator.period) : '', TOP),
            cell(indicator ? renderValue(indicator.annual) : '', TOP),
            cell(indicator?.note ?? '', TOP),
          ],
        });
      });
    }
  }
  // Assigned, not pushed with a spread: a spread of 100,000 rows overflows the stack.
  const rows = markKeepTogether(drafts, columns, page, TABLE_SIZE_PT);
  const section: LayoutSection = {
    id: 'detail',
    name: '绩效指标明细',
    page,
    titleBlock: [],
    repeatTitleBlock: true,
    columns,
    headerRows: headerRowsOf([
      {
        role: 'header',
        cells: DETAIL_COLUMNS.map(([, header]) => label(header, { bold: true })),
      },
    ]),
    bodyRows: rows,
    filter: true,
  };
  return {
    kind: 'detail',
    title: DETAIL_TITLE,
    fonts: resolveFonts(
      { title: 16, subtitle: 12, unit: 11, table: TABLE_SIZE_PT, pageNumber: 14 },
      options.fonts,
    ),
    pageNumbers: { format: '— {page} —', align: 'outside' },
    sections: [section],
  };
}
