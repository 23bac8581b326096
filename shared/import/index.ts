export * from './report';
export { importDisclosureText, type DisclosureTextOptions } from './disclosureText';
export { findIndicatorRun, parseIndicatorRun, readIndicatorRun } from './indicatorRun';
export type { IndicatorCell, IndicatorRun, IndicatorSentence, RunLeftover } from './indicatorRun';
export { cleanCellText, splitTabRows } from './cleanText';
export type { CleanedText, TextRow } from './cleanText';
