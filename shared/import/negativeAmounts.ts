import { formatMoney, type JixiaoDocument } from '../model';
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
      const amounts: Array<[string, number | null | undefined]> = [
        ['财政拨款', project.money.fiscal],
        ['财政专户拨款', project.money.specialAccount],
        ['其他资金', project.money.other],
        ['上年结转', project.money.carryover],
        ['中期资金总额', project.periodMoney?.total],
        ['中期财政拨款', project.periodMoney?.fiscal],
        ['中期其他资金', project.periodMoney?.other],
      ];
      for (const [label, cents] of amounts) {
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
