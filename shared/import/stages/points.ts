/**
 * 分值 a 自评表 prints for every indicator, also where the document has none and the rules share
 * the 一级指标's points equally (this program's own 自评表 prints those shares). Merged as they
 * are, they would fix the shares: an indicator added later would no longer get its part. So when
 * every 分值 the merge added equals the share the rules give without it, none is stored.
 */

import type { JixiaoDocument, Project } from '../../model';
import { parseDecimal, scoreProject, toHundredths, type ScoringRules } from '../../scoring';

/** A printed 分值 in hundredths, read as scoring reads one; null when it is no number. */
function hundredths(text: string): number | null {
  const value = parseDecimal(text);
  return value === null ? null : toHundredths(value);
}

/**
 * Removes the 分值 of the indicators in `added` (set by the merge where the document had none)
 * when each equals the rules' share without them. Returns true when they were removed.
 */
export function dropSharedPoints(
  document: JixiaoDocument,
  project: Project,
  rules: ScoringRules,
  added: ReadonlySet<string>,
): boolean {
  const indicators = project.indicators.filter(
    (indicator) => added.has(indicator.id) && indicator.evaluation?.points !== undefined,
  );
  if (indicators.length === 0) return false;
  const printed = new Map(
    indicators.map((indicator) => [indicator.id, indicator.evaluation!.points!]),
  );
  for (const indicator of indicators) delete indicator.evaluation!.points;
  const shares = new Map(
    (scoreProject(document, project.id, rules)?.lines ?? []).map((line) => [
      line.indicatorId,
      line.points,
    ]),
  );
  const same = indicators.every(
    (indicator) => hundredths(printed.get(indicator.id)!) === shares.get(indicator.id),
  );
  if (!same)
    for (const indicator of indicators) indicator.evaluation!.points = printed.get(indicator.id)!;
  return same;
}
