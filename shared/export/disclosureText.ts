import { getFramework } from '../frameworks';
import {
  DEFAULT_TITLE,
  DISCLOSURE_HEADERS,
  documentAmounts,
  formatMoney,
  projectAmounts,
  unitAmounts,
  type JixiaoDocument,
  type RowAmounts,
} from '../model';
import { departmentLine, unitLine } from './disclosureLayout';
import { formatIndicatorRun } from './indicatorText';
import { cleanText } from './cells';

/** A cell on one line: tabs and line breaks would break the row apart; control characters go. */
function flat(text: string): string {
  return cleanText(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .trim();
}

/**
 * A multi-paragraph cell as Excel and WPS copy it to tab-separated text: the text the clerk sees,
 * quoted (`"…"`, a quote inside doubled) when it holds a line break or starts with a quote, so
 * an importer reads the line breaks back. Tabs become spaces; empty paragraphs are dropped.
 */
export function paragraphCell(text: string): string {
  const paragraphs = cleanText(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((paragraph) => paragraph.replace(/\t/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  const joined = paragraphs.join('\n');
  if (paragraphs.length <= 1 && !joined.startsWith('"')) return joined;
  return `"${joined.replace(/"/g, '""')}"`;
}

function amountFields(amounts: RowAmounts): string[] {
  return [amounts.total, amounts.fiscal, amounts.specialAccount, amounts.other].map((amount) =>
    formatMoney(amount, { blankZero: true }),
  );
}

/**
 * The disclosure table as tab-separated text, in the seed's form: title (and `（2025年度）` when the
 * year is known), 部门名称, 单位, the
 * header row, 合计, then each unit's row followed by its projects. Money has thousands separators
 * and zero is blank; a multi-line goal is one quoted cell with its line breaks (as Excel copies it,
 * never HTML). An importer reads it back.
 */
export function disclosureText(document: JixiaoDocument): string {
  const framework = getFramework(document.frameworkId);
  const lines: string[] = [
    flat(document.title) || DEFAULT_TITLE,
    // The year under the title, as Word and Excel print it: without it the text read back had
    // no 预算年度 (the title names none).
    ...(document.fiscalYear === null ? [] : [`（${document.fiscalYear}年度）`]),
    '',
    flat(departmentLine(document)),
    '',
    unitLine(document),
    '',
    DISCLOSURE_HEADERS.join('\t'),
    ['合计', ...amountFields(documentAmounts(document)), '', ''].join('\t'),
  ];
  for (const unit of document.units) {
    lines.push([flat(unit.name), ...amountFields(unitAmounts(unit)), '', ''].join('\t'));
    for (const project of unit.projects) {
      lines.push(
        [
          flat(project.name),
          ...amountFields(projectAmounts(project)),
          paragraphCell(project.goals.annual),
          cleanText(formatIndicatorRun(project.indicators, framework)),
        ].join('\t'),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
