export * from './rules';
export * from './score';
export { formatHundredths } from './rational';
