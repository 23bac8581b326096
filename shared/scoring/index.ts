export * from './rules';
export * from './score';
export { formatHundredths, parseDecimal, toHundredths } from './rational';
