import { getFramework } from '../frameworks';
import {
  DEFAULT_TITLE,
  documentAmounts,
  formatMoney,
  projectAmounts,
  unitAmounts,
  type JixiaoDocument,
  type RowAmounts,
} from '../model';
import { DISCLOSURE_HEADERS, departmentLine, unitLine } from './disclosureLayout';
import { formatIndicatorRun } from './indicatorText';

/** A cell on one line: tabs and line breaks would break the row apart. */
function flat(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .trim();
}

/**
 * A multi-paragraph cell the way the published tables carry it: each paragraph wrapped in
 * `<p>…</p>`, joined by a space, so an importer that strips tags restores the line breaks.
 * Single-paragraph text is written as is.
 */
export function paragraphCell(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((paragraph) => paragraph.replace(/\t/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length <= 1) return paragraphs[0] ?? '';
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(' ');
}

function amountFields(amounts: RowAmounts): string[] {
  return [amounts.total, amounts.fiscal, amounts.specialAccount, amounts.other].map((amount) =>
    formatMoney(amount, { blankZero: true }),
  );
}

/**
 * The disclosure table as tab-separated text, in the seed's form: title, 部门名称, 单位, the
 * header row, 合计, then each unit's row followed by its projects. Money has thousands separators
 * and zero is blank; multi-line goals become `<p>` paragraphs. An importer reads it back.
 */
export function disclosureText(document: JixiaoDocument): string {
  const framework = getFramework(document.frameworkId);
  const lines: string[] = [
    flat(document.title) || DEFAULT_TITLE,
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
          formatIndicatorRun(project.indicators, framework),
        ].join('\t'),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
