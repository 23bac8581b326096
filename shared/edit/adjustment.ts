import { current, isDraft } from 'immer';
import {
  renderValue,
  type Indicator,
  type JixiaoDocument,
  type Project,
  type TargetAdjustment,
  type TargetChange,
} from '../model';
import { DOCUMENT_ACTIONS, type ActionEdit, type DocumentActionArgs } from './actions';
import { PROJECT_TEXT_FIELDS, projectText, type ProjectTextField } from './fields';
import { edit, EditError } from './patches';

/** Actions that write 监控 / 自评 data or the adjustment record: never a target field. */
export const STAGE_ACTION_IDS: ReadonlySet<string> = new Set([
  'setProjectStage',
  'setIndicatorStage',
  'setIndicatorCauses',
  'setIndicatorNotApplicable',
  'startTargetAdjustment',
]);

/** True when an action can change the target table (so 监控 / 自评 refuse it while locked). */
export function changesTargets(id: keyof DocumentActionArgs): boolean {
  return !STAGE_ACTION_IDS.has(id);
}

const PROJECT_FIELD_NAMES: Record<ProjectTextField, string> = {
  name: '项目名称',
  code: '项目编码',
  supervisor: '主管部门',
  implementer: '实施单位',
  attribute: '项目属性',
  periodStart: '项目期起',
  periodEnd: '项目期止',
  'goals.annual': '年度目标',
  'goals.period': '实施期目标',
  'money.fiscal': '财政拨款',
  'money.specialAccount': '财政专户拨款',
  'money.other': '其他资金',
  'money.carryover': '上年结转',
  'periodMoney.total': '中期资金总额',
  'periodMoney.fiscal': '中期财政拨款',
  'periodMoney.other': '中期其他资金',
};

const INDICATOR_FIELDS: Array<[string, (indicator: Indicator) => string]> = [
  ['一级指标', (indicator) => indicator.level1],
  ['二级指标', (indicator) => indicator.level2],
  ['三级指标', (indicator) => indicator.name],
  ['实施周期指标值', (indicator) => renderValue(indicator.period)],
  ['年度指标值', (indicator) => renderValue(indicator.annual)],
  ['指标值说明', (indicator) => indicator.note ?? ''],
];

function indicatorChanges(before: Project, after: Project, out: TargetChange[]): void {
  if (before.indicators === after.indicators) return;
  const old = new Map(before.indicators.map((indicator) => [indicator.id, indicator]));
  const kept = new Set<string>();
  for (const indicator of after.indicators) {
    const previous = old.get(indicator.id);
    const base = { projectId: after.id, indicatorId: indicator.id, subject: indicator.name };
    if (!previous) {
      out.push({ ...base, field: '新增指标', before: '', after: indicator.name });
      continue;
    }
    kept.add(indicator.id);
    if (previous === indicator) continue;
    for (const [field, read] of INDICATOR_FIELDS) {
      const from = read(previous);
      const to = read(indicator);
      if (from !== to)
        out.push({ ...base, subject: previous.name, field, before: from, after: to });
    }
  }
  for (const indicator of before.indicators) {
    if (kept.has(indicator.id)) continue;
    out.push({
      projectId: after.id,
      indicatorId: indicator.id,
      subject: indicator.name,
      field: '删除指标',
      before: indicator.name,
      after: '',
    });
  }
}

/**
 * The target fields that differ between two versions of a document, as the clerk reads them
 * (stage data and the adjustment records are not targets). Unchanged units and projects are
 * skipped by identity, so an edit costs what it touched.
 */
export function targetChanges(before: JixiaoDocument, after: JixiaoDocument): TargetChange[] {
  const out: TargetChange[] = [];
  const projectsBefore = new Map<string, Project>();
  for (const unit of before.units)
    for (const item of unit.projects) projectsBefore.set(item.id, item);
  const seen = new Set<string>();
  for (const unit of after.units) {
    for (const project of unit.projects) {
      seen.add(project.id);
      const previous = projectsBefore.get(project.id);
      if (!previous) {
        out.push({
          projectId: project.id,
          subject: project.name,
          field: '新增项目',
          before: '',
          after: project.name,
        });
        continue;
      }
      if (previous === project) continue;
      for (const field of PROJECT_TEXT_FIELDS) {
        const from = projectText(previous, field);
        const to = projectText(project, field);
        if (from !== to) {
          out.push({
            projectId: project.id,
            subject: previous.name,
            field: PROJECT_FIELD_NAMES[field],
            before: from,
            after: to,
          });
        }
      }
      indicatorChanges(previous, project, out);
    }
  }
  for (const [id, project] of projectsBefore) {
    if (seen.has(id)) continue;
    out.push({
      projectId: id,
      subject: project.name,
      field: '删除项目',
      before: project.name,
      after: '',
    });
  }
  return out;
}

/**
 * Adds changes to an adjustment record: a field changed again keeps its first 调整前 value, and a
 * field changed back to it leaves the record.
 */
function mergeChanges(record: TargetAdjustment, changes: readonly TargetChange[]): void {
  for (const change of changes) {
    const index = record.changes.findIndex(
      (entry) =>
        entry.projectId === change.projectId &&
        entry.indicatorId === change.indicatorId &&
        entry.field === change.field,
    );
    const existing = index >= 0 ? record.changes[index] : undefined;
    if (!existing) {
      record.changes.push({ ...change });
    } else if (existing.before === change.after) {
      record.changes.splice(index, 1);
    } else {
      existing.after = change.after;
    }
  }
}

/**
 * Runs a target action while 目标调整 is unlocked: the change and its line in the adjustment
 * record are one edit, so one undo takes both back.
 */
export function applyRecordedAction<K extends keyof DocumentActionArgs>(
  document: JixiaoDocument,
  id: K,
  args: DocumentActionArgs[K],
  adjustmentId: string,
): ActionEdit {
  const result = edit(document, (draft) => {
    DOCUMENT_ACTIONS[id].recipe(draft, args);
    const after = isDraft(draft) ? current(draft) : draft;
    const record = draft.targetAdjustments?.find((entry) => entry.id === adjustmentId);
    if (!record) throw new EditError('找不到这次目标调整的记录，请重新解锁目标调整。');
    mergeChanges(record, targetChanges(document, after));
  });
  const label =
    id === 'applyFix'
      ? (args as DocumentActionArgs['applyFix']).fix.label
      : DOCUMENT_ACTIONS[id].label;
  return { ...result, label };
}
