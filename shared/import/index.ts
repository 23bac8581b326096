export * from './report';
export {
  importDisclosureText,
  importDisclosureGrid,
  importDisclosureRows,
  type DisclosureTextOptions,
} from './disclosure';
export * from './grid';
export { importProjectForms, looksLikeProjectForms, type ProjectFormOptions } from './forms';
export { importGrid, importTextTable, importCsvText, type GridImportOptions } from './recognise';
export { checkZip, isZip, DEFAULT_ZIP_LIMITS, type ZipLimits, type ZipEntry } from './zipGuard';
export { decodedResultSchema, sheetToGrid, docxToGrid } from './decoded';
export type { DecodedResult, DecodedSheet, DecodedBlock } from './decoded';
export { parseFormAmount, labelUnit } from './formMoney';
export { findIndicatorRun, parseIndicatorRun, readIndicatorRun } from './indicatorRun';
export type { IndicatorCell, IndicatorRun, IndicatorSentence, RunLeftover } from './indicatorRun';
export { cleanCellText } from './cleanText';
export type { CleanedText } from './cleanText';
export { splitCsvRows, splitDelimitedRows, splitTabRows, type TextRow } from './delimited';
