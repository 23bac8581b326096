/**
 * 完成等级 in the 实际完成值 column. A 自评表 prints a graded indicator's (＝ and 定性) grade where
 * other indicators have their 实际完成值, and the form has no column of its own for it; the
 * document keeps the grade apart (`evaluation.grade`), because scoring reads the grade for graded
 * indicators and `actual` for the others. Which indicators are graded, and the grades' labels, are
 * the scoring rules' (shared/scoring).
 */

import type { IndicatorEvaluation, JixiaoDocument, Project } from '../../model';
import { scoreProject, type ScoringRules } from '../../scoring';

/** Ids of the project's indicators the rules score by grade. */
export function gradedIndicators(
  document: JixiaoDocument,
  project: Project,
  rules: ScoringRules,
): Set<string> {
  const scored = scoreProject(document, project.id, rules);
  const lines = scored?.lines ?? [];
  return new Set(lines.filter((line) => line.method === 'graded').map((line) => line.indicatorId));
}

/**
 * The 实际完成值 column's text put where the document reads it: a grade label of the rules on a
 * graded indicator becomes its `grade`; a grade on an indicator scored by its value goes back to
 * `actual`. Other text stays in `actual`, where scoring reports the missing grade.
 */
export function placeWritten(
  evaluation: IndicatorEvaluation,
  graded: boolean,
  rules: ScoringRules,
): IndicatorEvaluation {
  const { actual, grade, ...rest } = evaluation;
  const written = (actual ?? grade)?.trim();
  if (!written || (actual !== undefined && grade !== undefined)) return evaluation;
  const isGrade = rules.grades.some((candidate) => candidate.label === written);
  return graded && isGrade ? { ...rest, grade: written } : { ...rest, actual: written };
}

/** Places the written grades of every indicator of the projects, by the document's rules. */
export function settleGrades(document: JixiaoDocument, rules: ScoringRules): void {
  for (const project of document.units.flatMap((unit) => unit.projects)) {
    const graded = gradedIndicators(document, project, rules);
    for (const indicator of project.indicators)
      if (indicator.evaluation)
        indicator.evaluation = placeWritten(indicator.evaluation, graded.has(indicator.id), rules);
  }
}
