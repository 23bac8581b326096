export { checkDocument, summarise } from './check';
export { applyFix, canApplyFix } from './fixes';
export { RULES, ruleInfo, type RuleCode, type RuleInfo } from './catalogue';
export { normalisePunctuation, stripHtml } from './text';
export {
  REVIEWER_REASONS,
  SEVERITY_LABELS,
  type CheckOptions,
  type DeclaredTotals,
  type Finding,
  type Fix,
  type FixKind,
  type Location,
  type ReviewerReason,
  type Severity,
  type Target,
  type TextField,
  type ValueField,
} from './types';
export { formatCheckReport, groupFindings, type ReportGroup } from './report';
