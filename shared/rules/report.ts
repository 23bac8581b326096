import type { JixiaoDocument } from '../model';
import { summarise } from './check';
import { quotedName } from './context';
import { SEVERITY_LABELS, type Finding } from './types';

/** Findings of one place in the document, for the 提交前检查 report. */
export interface ReportGroup {
  /** `文档`, a unit name, or a project name. */
  heading: string;
  findings: Finding[];
}

/** Groups findings by the project (or unit, or the document) they concern, in document order. */
export function groupFindings(
  document: JixiaoDocument,
  findings: readonly Finding[],
): ReportGroup[] {
  const names = new Map<string, string>();
  for (const unit of document.units) {
    names.set(unit.id, quotedName(unit.name));
    for (const project of unit.projects) names.set(project.id, quotedName(project.name));
  }
  const groups = new Map<string, ReportGroup>();
  for (const finding of findings) {
    const key = finding.where.projectId ?? finding.where.unitId ?? '';
    const heading = names.get(key) ?? '文档';
    let group = groups.get(key);
    if (!group) {
      group = { heading: heading || '（未命名）', findings: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  return [...groups.values()];
}

/** The 提交前检查 report as plain Chinese text (CLI, print, export). */
export function formatCheckReport(document: JixiaoDocument, findings: readonly Finding[]): string {
  const { errors, warnings } = summarise(findings);
  const year = document.fiscalYear ? `（${document.fiscalYear}年）` : '';
  const lines = [
    `提交前检查：${document.title}${year}`,
    `部门名称：${document.department || '（未填）'}`,
  ];
  lines.push(`错误 ${errors} 项，警告 ${warnings} 项`);
  if (findings.length === 0) lines.push('', '未发现问题。');
  for (const group of groupFindings(document, findings)) {
    lines.push('', `「${group.heading}」`);
    for (const finding of group.findings) {
      const fix = finding.fix ? ` 可自动修正：${finding.fix.label}` : '';
      lines.push(
        `  [${SEVERITY_LABELS[finding.severity]}] ${finding.code} ${finding.message}（评审用语：${finding.reviewerReason}）${fix}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
