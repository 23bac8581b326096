import { current } from 'immer';
import { applyFix as applyRuleFix } from '../rules/fixes';
import type { Fix } from '../rules/types';
import type {
  DeviationCause,
  Indicator,
  IndicatorValue,
  JixiaoDocument,
  TargetAdjustment,
} from '../model';
import {
  indicatorIn,
  setDocumentProperties,
  setIndicatorText,
  setProjectText,
  structuredValue,
  type DocumentProperties,
  type IndicatorTextField,
  type ProjectTextField,
} from './fields';
import { replaceText, type FindOptions, type Match } from './find';
import { setCellText, type GridColumnKey, type RowRef } from './grid';
import { findProject } from './locate';
import { pasteGrid, pasteIndicators, type GridPaste } from './paste';
import { edit, EditError, type Edit } from './patches';
import * as stage from './stage';
import * as structure from './structure';
import type { CellBlock } from './clipboard';

/** A cell write of the grid: typing, Delete (empty text) or one cell of a paste. */
export interface CellWrite {
  row: RowRef;
  column: GridColumnKey;
  text: string;
}

/** Arguments of every document action, by id. */
export interface DocumentActionArgs {
  setDocumentProperties: DocumentProperties;
  setCells: { cells: CellWrite[] };
  setProjectText: { projectId: string; field: ProjectTextField; text: string };
  setIndicatorText: {
    projectId: string;
    indicatorId: string;
    field: IndicatorTextField;
    text: string;
  };
  setIndicatorValue: {
    projectId: string;
    indicatorId: string;
    field: 'period' | 'annual';
    value: IndicatorValue;
  };
  setIndicator: {
    projectId: string;
    indicatorId: string;
    changes: Partial<Omit<Indicator, 'id'>>;
  };
  copyAnnualToPeriod: { projectId: string; indicatorIds?: string[] };
  addUnit: { id: string; name?: string; index?: number };
  deleteUnit: { unitId: string };
  duplicateUnit: { unitId: string; id: string };
  moveUnit: { unitId: string; toIndex: number };
  addProject: { unitId: string; id: string; index?: number; name?: string };
  deleteProjects: { projectIds: string[] };
  duplicateProject: { projectId: string; id: string };
  moveProject: { projectId: string; toUnitId: string; toIndex: number };
  addIndicator: {
    projectId: string;
    id: string;
    index?: number;
    init?: Partial<Omit<Indicator, 'id'>>;
  };
  deleteIndicators: { projectId: string; indicatorIds: string[] };
  duplicateIndicator: { projectId: string; indicatorId: string; id: string };
  moveIndicator: { projectId: string; indicatorId: string; toIndex: number };
  pasteGrid: GridPaste;
  pasteIndicators: {
    projectId: string;
    indicatorId?: string;
    field: IndicatorTextField;
    block: CellBlock;
    newIds: string[];
  };
  replaceText: { query: string; replacement: string; options?: FindOptions; match?: Match };
  applyFix: { fix: Fix };
  setProjectStage: { projectId: string; field: stage.ProjectStageField; text: string };
  setIndicatorStage: {
    projectId: string;
    indicatorId: string;
    field: stage.IndicatorStageField;
    text: string;
  };
  setIndicatorCauses: { projectId: string; indicatorId: string; causes: DeviationCause[] };
  setIndicatorNotApplicable: { projectId: string; indicatorId: string; notApplicable: boolean };
  startTargetAdjustment: Omit<TargetAdjustment, 'changes'>;
}

export type DocumentActionId = keyof DocumentActionArgs;

/** One document change a user can make, undone as one step. */
export interface DocumentAction<K extends DocumentActionId> {
  id: K;
  /** Chinese name shown in 撤销「…」 and the history. */
  label: string;
  recipe(draft: JixiaoDocument, args: DocumentActionArgs[K]): void;
}

/**
 * A fix from the checks, applied as a draft edit: only the units and projects the fix changed
 * are replaced, so the patches stay as small as the fix.
 */
function applyFixRecipe(draft: JixiaoDocument, { fix }: { fix: Fix }): void {
  const before = current(draft);
  const after = applyRuleFix(before, fix);
  if (after === before) throw new EditError('该问题已不存在或已修改，无需修复。');
  after.units.forEach((unit, unitIndex) => {
    const original = before.units[unitIndex];
    const target = draft.units[unitIndex];
    if (!target || unit === original) return;
    unit.projects.forEach((project, projectIndex) => {
      if (project !== original?.projects[projectIndex]) target.projects[projectIndex] = project;
    });
  });
}

export const DOCUMENT_ACTIONS: { [K in DocumentActionId]: DocumentAction<K> } = {
  setDocumentProperties: {
    id: 'setDocumentProperties',
    label: '修改文档属性',
    recipe: setDocumentProperties,
  },
  setCells: {
    id: 'setCells',
    label: '修改单元格',
    recipe(draft, { cells }) {
      for (const cell of cells) setCellText(draft, cell.row, cell.column, cell.text);
    },
  },
  setProjectText: {
    id: 'setProjectText',
    label: '修改项目',
    recipe(draft, { projectId, field, text }) {
      setProjectText(findProject(draft, projectId).project, field, text);
    },
  },
  setIndicatorText: {
    id: 'setIndicatorText',
    label: '修改指标',
    recipe(draft, { projectId, indicatorId, field, text }) {
      setIndicatorText(
        indicatorIn(draft, projectId, indicatorId).indicator,
        field,
        text,
        draft.frameworkId,
      );
    },
  },
  setIndicatorValue: {
    id: 'setIndicatorValue',
    label: '修改指标值',
    recipe(draft, { projectId, indicatorId, field, value }) {
      indicatorIn(draft, projectId, indicatorId).indicator[field] = structuredValue(value);
    },
  },
  setIndicator: {
    id: 'setIndicator',
    label: '采用建议指标',
    recipe(draft, { projectId, indicatorId, changes }) {
      Object.assign(indicatorIn(draft, projectId, indicatorId).indicator, structuredClone(changes));
    },
  },
  copyAnnualToPeriod: {
    id: 'copyAnnualToPeriod',
    label: '年度指标值复制到实施周期',
    recipe: structure.copyAnnualToPeriod,
  },
  addUnit: { id: 'addUnit', label: '新增单位', recipe: structure.addUnit },
  deleteUnit: { id: 'deleteUnit', label: '删除单位', recipe: structure.deleteUnit },
  duplicateUnit: { id: 'duplicateUnit', label: '复制单位', recipe: structure.duplicateUnit },
  moveUnit: { id: 'moveUnit', label: '移动单位', recipe: structure.moveUnit },
  addProject: { id: 'addProject', label: '新增项目', recipe: structure.addProject },
  deleteProjects: { id: 'deleteProjects', label: '删除项目', recipe: structure.deleteProjects },
  duplicateProject: {
    id: 'duplicateProject',
    label: '复制项目',
    recipe: structure.duplicateProject,
  },
  moveProject: { id: 'moveProject', label: '移动项目', recipe: structure.moveProject },
  addIndicator: { id: 'addIndicator', label: '新增指标', recipe: structure.addIndicator },
  deleteIndicators: {
    id: 'deleteIndicators',
    label: '删除指标',
    recipe: structure.deleteIndicators,
  },
  duplicateIndicator: {
    id: 'duplicateIndicator',
    label: '复制指标',
    recipe: structure.duplicateIndicator,
  },
  moveIndicator: { id: 'moveIndicator', label: '移动指标', recipe: structure.moveIndicator },
  pasteGrid: { id: 'pasteGrid', label: '粘贴', recipe: pasteGrid },
  pasteIndicators: { id: 'pasteIndicators', label: '粘贴指标', recipe: pasteIndicators },
  replaceText: { id: 'replaceText', label: '替换', recipe: replaceText },
  applyFix: { id: 'applyFix', label: '修复', recipe: applyFixRecipe },
  setProjectStage: {
    id: 'setProjectStage',
    label: '修改监控/自评数据',
    recipe(draft, { projectId, field, text }) {
      stage.setProjectStageText(
        findProject(draft, projectId).project,
        field,
        text,
        draft.fiscalYear,
      );
    },
  },
  setIndicatorStage: {
    id: 'setIndicatorStage',
    label: '修改指标监控/自评',
    recipe(draft, { projectId, indicatorId, field, text }) {
      stage.setIndicatorStageText(
        indicatorIn(draft, projectId, indicatorId).indicator,
        field,
        text,
      );
    },
  },
  setIndicatorCauses: {
    id: 'setIndicatorCauses',
    label: '修改偏差原因',
    recipe(draft, { projectId, indicatorId, causes }) {
      stage.setIndicatorCauses(indicatorIn(draft, projectId, indicatorId).indicator, causes);
    },
  },
  setIndicatorNotApplicable: {
    id: 'setIndicatorNotApplicable',
    label: '修改指标是否适用',
    recipe(draft, { projectId, indicatorId, notApplicable }) {
      stage.setIndicatorNotApplicable(
        indicatorIn(draft, projectId, indicatorId).indicator,
        notApplicable,
      );
    },
  },
  startTargetAdjustment: {
    id: 'startTargetAdjustment',
    label: '解锁目标调整',
    recipe: stage.startTargetAdjustment,
  },
};

/** Result of an action: the edit and the label of its undo step. */
export interface ActionEdit extends Edit {
  label: string;
}

/** Runs a document action by id. Throws EditError (Chinese) when the action cannot apply. */
export function applyAction<K extends DocumentActionId>(
  document: JixiaoDocument,
  id: K,
  args: DocumentActionArgs[K],
): ActionEdit {
  const action = DOCUMENT_ACTIONS[id];
  const result = edit(document, (draft) => action.recipe(draft, args));
  return {
    ...result,
    label: action.id === 'applyFix' ? (args as { fix: Fix }).fix.label : action.label,
  };
}
