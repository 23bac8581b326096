/** Page furniture of a published table: title, 部门名称, 单位, year line, page number. */

import { plausibleYear } from '../years';

/** Page furniture found in a row: title, 部门名称, 单位, year line, page number. */
export interface Furniture {
  titles: string[];
  departments: string[];
  moneyUnits: string[];
  years: number[];
}

const DEPARTMENT =
  /^(?:部门名称|主管部门|部门)\s*[:：]\s*(.*?)(?:\s+(?:金额)?单位\s*[:：]\s*(\S+))?$/u;
const MONEY_UNIT = /^(?:金额)?单位\s*[:：]\s*(.+)$/u;
const YEAR_LINE = /^[（(]?\s*(\d{4})\s*年度?\s*[)）]?$/u;
const PAGE_NUMBER =
  /^(?:[-—－–]*\s*\d{1,4}\s*[-—－–]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/u;

/** What a line of page furniture is, or null for anything else (a bare number may be a page). */
export function furnitureKind(
  text: string,
): 'department' | 'unit' | 'year' | 'title' | 'page' | null {
  const line = text.trim();
  if (DEPARTMENT.test(line)) return 'department';
  if (MONEY_UNIT.test(line)) return 'unit';
  const year = YEAR_LINE.exec(line);
  if (year && plausibleYear(Number(year[1]))) return 'year';
  if (line.includes('绩效目标表') && line.length <= 60) return 'title';
  return PAGE_NUMBER.test(line) ? 'page' : null;
}

/** Reads a row as page furniture; false (and nothing recorded) when any cell is something else. */
export function readFurniture(cells: readonly string[], furniture: Furniture): boolean {
  const texts = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  // Title, 部门名称 and 单位 share at most one row; a longer row is table data.
  if (texts.length > 3) return false;
  const found: Array<(target: Furniture) => void> = [];
  for (const text of texts) {
    const department = DEPARTMENT.exec(text);
    const unit = MONEY_UNIT.exec(text);
    const year = YEAR_LINE.exec(text);
    if (department) {
      found.push((target) => {
        target.departments.push(department[1] ?? '');
        if (department[2]) target.moneyUnits.push(department[2]);
      });
    } else if (unit) {
      found.push((target) => target.moneyUnits.push((unit[1] ?? '').trim()));
    } else if (year && plausibleYear(Number(year[1]))) {
      found.push((target) => target.years.push(Number(year[1])));
    } else if (text.includes('绩效目标表') && text.length <= 60) {
      found.push((target) => {
        target.titles.push(text);
        const titleYear = /(\d{4})\s*年/u.exec(text);
        if (titleYear && plausibleYear(Number(titleYear[1])))
          target.years.push(Number(titleYear[1]));
      });
    } else if (!PAGE_NUMBER.test(text)) {
      return false;
    }
  }
  for (const record of found) record(furniture);
  return true;
}
