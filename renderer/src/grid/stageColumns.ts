import { zhCN } from '../i18n/zh-CN';

/** The stages whose grid differs from the disclosure table. */
export type StageView = 'monitoring' | 'evaluation';

export interface StageColumn {
  label: string;
  /** Cell class: amounts and rates right-aligned like the table's money. */
  className: string;
}

const labels = zhCN.stage.columns;

/**
 * The grid columns of the 监控 and 自评 views. The grid keeps seven columns in every stage (the
 * selection, the keyboard and the column widths stay as they are): name, four figures, a text
 * column and the indicator lines. Figures are derived or typed in the panel, never here.
 */
export const STAGE_COLUMNS: Readonly<Record<StageView, readonly StageColumn[]>> = {
  monitoring: labels.monitoring.map((label, index) => ({
    label,
    className: index >= 1 && index <= 4 ? 'money' : '',
  })),
  evaluation: labels.evaluation.map((label, index) => ({
    label,
    className: index >= 1 && index <= 4 ? 'money' : '',
  })),
};
