export * from './document';
export * from './money';
export * from './value';
export * from './totals';
export * from './migrate';
export * from './ids';
export * from './rollForward';
export * from './merge';
