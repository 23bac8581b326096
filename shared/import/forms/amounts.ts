/**
 * A form's amounts into the project's money, exactly, in the document's unit: conversions and
 * glued units reported, totals checked against their parts, 上级/本级 parts of 财政拨款 used only
 * when 财政拨款 itself is not given.
 */

import { formatMoney, type MoneyUnit } from '../../model';
import { amountIn } from '../formMoney';
import type { AmountEntry, FormProject, FormReporter } from './types';

type Line = AmountEntry['line'];

export function convertAmounts(form: FormProject, unit: MoneyUnit, reporter: FormReporter): void {
  const { project } = form;
  const values: Record<'annual' | 'period', Partial<Record<Line, number>>> = {
    annual: {},
    period: {},
  };
  const parts: Record<'annual' | 'period', AmountEntry[]> = { annual: [], period: [] };
  const conversions: string[] = [];
  let firstSource: AmountEntry['source'] | undefined;
  for (const entry of form.amounts) {
    const { target, line, amount, source } = entry;
    const converted = amountIn(amount, unit);
    if (converted === null) {
      project.raw.push({ text: amount.text, reason: `金额换算成${unit}会丢失数字`, source });
      reporter.add(
        'raw',
        `「${amount.text}」换算成${unit}会丢失数字，原文已保留。`,
        source,
        project.name,
      );
      continue;
    }
    if (amount.glued) {
      reporter.add(
        'normalised',
        `金额「${amount.text}」按 ${formatMoney(converted)} ${unit}读取。`,
        source,
        project.name,
      );
    } else if (amount.unit !== unit && converted !== 0) {
      conversions.push(`${formatMoney(amount.cents)} → ${formatMoney(converted)}`);
      firstSource ??= source;
    }
    if (line === 'fiscalPart') {
      parts[target].push(entry);
      values[target].fiscalPart = (values[target].fiscalPart ?? 0) + converted;
    } else values[target][line] = converted;
  }
  if (conversions.length > 0) {
    reporter.add(
      'normalised',
      `项目资金以${unit === '万元' ? '元' : '万元'}填写，已换算为${unit}：${conversions.join('；')}。`,
      firstSource,
      project.name,
    );
  }
  for (const target of ['annual', 'period'] as const) {
    const found = parts[target];
    const first = found[0];
    if (!first) continue;
    const labels = found.map((part) => `「${part.label}」`).join('、');
    if (values[target].fiscal === undefined) {
      values[target].fiscal = values[target].fiscalPart;
      reporter.add('normalised', `${labels}计入财政拨款。`, first.source, project.name);
    } else {
      reporter.add('normalised', `${labels}是财政拨款的细分，不另计。`, first.source, project.name);
    }
  }
  const annual = values.annual;
  project.money = {
    fiscal: annual.fiscal ?? 0,
    specialAccount: annual.specialAccount ?? 0,
    other: annual.other ?? 0,
  };
  if (annual.carryover !== undefined) project.money.carryover = annual.carryover;
  if (annual.fiscal === undefined && annual.total !== undefined) {
    project.money.fiscal = annual.total - (annual.specialAccount ?? 0) - (annual.other ?? 0);
    reporter.add(
      'warning',
      '没有“其中：财政拨款”行，财政拨款按年度资金总额减其他资金计算。',
      form.source,
      project.name,
    );
  }
  const sum = project.money.fiscal + project.money.specialAccount + project.money.other;
  if (
    annual.total !== undefined &&
    annual.total !== sum &&
    annual.total !== sum + (annual.carryover ?? 0)
  ) {
    reporter.add(
      'warning',
      `年度资金总额 ${(annual.total / 100).toFixed(2)} 与各项资金之和 ${(sum / 100).toFixed(2)} 不符；总计按各项之和计算。`,
      form.source,
      project.name,
    );
  }
  const period = values.period;
  if (period.total !== undefined || period.fiscal !== undefined || period.other !== undefined) {
    project.periodMoney = {
      total: period.total ?? (period.fiscal ?? 0) + (period.other ?? 0),
      fiscal: period.fiscal ?? 0,
      other: period.other ?? 0,
    };
  }
}
