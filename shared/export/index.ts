export * from './layout';
export { disclosureLayout } from './disclosureLayout';
export { formLayout } from './formLayout';
export { detailLayout } from './detailLayout';
export { changesLayout } from './changesLayout';
export { formatIndicatorRun } from './indicatorText';
export { disclosureText, paragraphCell } from './disclosureText';
export { FORM_TITLE, midtermWarnings } from './formLayout';
export { allProjectsText, type ExportWarning } from './projectWarnings';
export { DETAIL_COLUMNS, DETAIL_TITLE } from './detailLayout';
export { CHANGES_COLUMNS, CHANGES_TITLE, comparisonHeading } from './changesLayout';
export { exportDocx } from './docx';
export { exportXlsx, MONEY_FORMAT } from './xlsx';
export {
  layoutToHtml,
  MARGIN_PRESETS,
  PAGE_NUMBER_FORMAT,
  printGeometry,
  printPageNumberAlign,
  PRINT_CSP,
  SCREEN_PAGE_GAP_MM,
  type HtmlOptions,
  type MarginPreset,
  type PrintGeometry,
} from './html';
export { CJK_SERIF_FALLBACKS, fontCandidates, fontFamily } from './fontStack';
export { printDocumentHtml, type PrintChoice } from './print';
export { buildLayout, type LayoutChoice } from './layouts';
export { exportPlan, ExportRequestError, type ExportPlan } from './plan';
export {
  isStageLayout,
  STAGE_LAYOUT_KINDS,
  STAGE_LAYOUT_NAMES,
  stageLayout,
  stageWarnings,
} from './stageLayouts';
