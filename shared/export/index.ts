export * from './layout';
export { formatIndicatorRun } from './indicatorText';
export { disclosureText, paragraphCell } from './disclosureText';
export { DISCLOSURE_HEADERS } from './disclosureLayout';
export { FORM_TITLE, midtermWarnings } from './formLayout';
export { DETAIL_COLUMNS, DETAIL_TITLE } from './detailLayout';
export { exportDocx } from './docx';
export { exportXlsx, MONEY_FORMAT } from './xlsx';
export {
  escapeHtml,
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
export { printDocumentHtml, printLayout, type PrintChoice } from './print';
export {
  isStageLayout,
  STAGE_LAYOUT_KINDS,
  STAGE_LAYOUT_NAMES,
  stageLayout,
  stageWarnings,
} from './stageLayouts';
