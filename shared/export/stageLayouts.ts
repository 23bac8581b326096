/**
 * The stage layouts (issue 17) in one place: what the export service, the CLI, the print view and
 * the export dialog need to offer them — the builder and the warnings the clerk sees first.
 */
import type { JixiaoDocument } from '../model';
import type { Layout, LayoutOptions, StageLayoutKind } from './layout';
import { monitoringLayout, monitoringWarnings } from './monitoringLayout';
import type { ExportWarning } from './projectWarnings';
import { selfEvaluationLayout, selfEvaluationWarnings } from './selfEvaluationLayout';
import { stageSummaryLayout, stageSummaryWarnings } from './stageSummaryLayout';

export const STAGE_LAYOUT_KINDS: readonly StageLayoutKind[] = [
  'monitoring',
  'self-evaluation',
  'stage-summary',
];

export function isStageLayout(kind: string): kind is StageLayoutKind {
  return (STAGE_LAYOUT_KINDS as readonly string[]).includes(kind);
}

/** Names a clerk reads (dialog, file names, CLI help). */
export const STAGE_LAYOUT_NAMES: Record<StageLayoutKind, string> = {
  monitoring: '绩效目标执行监控表',
  'self-evaluation': '绩效自评表',
  'stage-summary': '监控与自评汇总表',
};

export function stageLayout(
  document: JixiaoDocument,
  kind: StageLayoutKind,
  options: LayoutOptions = {},
): Layout {
  if (kind === 'monitoring') return monitoringLayout(document, options);
  if (kind === 'self-evaluation') return selfEvaluationLayout(document, options);
  return stageSummaryLayout(document, options);
}

/** What the clerk is told before exporting a stage layout (blank cells and why). */
export function stageWarnings(document: JixiaoDocument, kind: StageLayoutKind): ExportWarning[] {
  if (kind === 'monitoring') return monitoringWarnings(document);
  if (kind === 'self-evaluation') return selfEvaluationWarnings(document);
  return stageSummaryWarnings(document);
}
