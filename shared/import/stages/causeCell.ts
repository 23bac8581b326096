/**
 * A single 偏差原因分析 cell of a 监控表 read into its parts. Forms without the five group columns
 * write the groups, the explanation and the 纠偏措施 in one cell; this program's own 监控表 writes
 * `人员保障、经费保障：<说明>` and, on a line of its own, `纠偏措施：<措施>`.
 */

import { DEVIATION_CAUSES, type DeviationCause } from '../../model';
import { stageColumnOf } from '../forms/labels';

export interface CauseCell {
  causes: DeviationCause[];
  /** The explanation, without the group names in front of it. */
  text: string;
  /** What follows a `纠偏措施：` line, when the cell has one. */
  corrective: string;
}

const isCause = (text: string): text is DeviationCause =>
  (DEVIATION_CAUSES as readonly string[]).includes(text);

/** `人员保障、经费保障` → the groups; null when any part is not a 偏差原因 group. */
function groupsOf(text: string): DeviationCause[] | null {
  const parts = text
    .split(/[、，,；;/／]/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 0 && parts.every(isCause) ? parts : null;
}

/** `纠偏措施：…` (or another label the corrective column goes by): the text after the label. */
function correctiveOf(line: string): string | null {
  const match = /^([^:：]{2,12})[:：]([\s\S]*)$/u.exec(line.trim());
  if (!match || stageColumnOf(match[1]!) !== 'corrective') return null;
  return match[2]!.trim();
}

/** Splits a 偏差原因分析 cell into its groups, explanation and 纠偏措施. */
export function readCauseCell(cell: string): CauseCell {
  const lines = cell.split('\n');
  const at = lines.findIndex((line) => correctiveOf(line) !== null);
  const corrective =
    at < 0 ? '' : [correctiveOf(lines[at]!)!, ...lines.slice(at + 1)].join('\n').trim();
  const cause = (at < 0 ? lines : lines.slice(0, at)).join('\n').trim();
  const whole = groupsOf(cause);
  if (whole) return { causes: whole, text: '', corrective };
  const head = /^([^:：\n]+)[:：]([\s\S]*)$/u.exec(cause);
  const groups = head ? groupsOf(head[1]!) : null;
  if (head && groups) return { causes: groups, text: head[2]!.trim(), corrective };
  return { causes: [], text: cause, corrective };
}
