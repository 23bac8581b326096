import { formatMoney, storedAmounts, type JixiaoDocument } from '../model';
import type { ImportEntry } from './report';

/**
 * A 请核对 line for each amount below zero the import read. Amounts cannot be negative (the
 * editor refuses one and `check` reports it as M4); a table from another program can still
 * print `-638.00`, and the import keeps it as printed, so the report says so.
 */
export function negativeAmountEntries(document: JixiaoDocument): ImportEntry[] {
  const entries: ImportEntry[] = [];
  for (const unit of document.units) {
    for (const project of unit.projects) {
      for (const { label, cents } of storedAmounts(project)) {
        if (typeof cents !== 'number' || !(cents < 0)) continue;
        entries.push({
          kind: 'warning',
          message: `${label}为 ${formatMoney(cents)} ${document.moneyUnit}，金额不能为负数，已按原表读入，请核对。`,
          project: project.name,
        });
      }
    }
  }
  return entries;
}
