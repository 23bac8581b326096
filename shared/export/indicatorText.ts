import { level1Label, level2Label, type Framework } from '../frameworks';
import { renderValue, type Indicator } from '../model';

/** Text inside one sentence of the run: a line break or tab would break the row in the text form. */
function inline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .trim();
}

/**
 * The disclosure table's 绩效指标 cell: numbered sentences run together, as published
 * (DOMAIN §3), e.g.
 * `1、1-产出指标；11-数量指标；新增设备数量；实施周期指标值：89台套；年度指标值：89台套。`
 * Categories print with the framework's codes and display names; values render from their
 * structure (or the kept original text).
 */
export function formatIndicatorRun(indicators: readonly Indicator[], framework: Framework): string {
  return indicators
    .map((indicator, index) => {
      const level1 = inline(level1Label(framework, indicator.level1));
      const level2 = inline(level2Label(framework, indicator.level1, indicator.level2));
      const period = inline(renderValue(indicator.period));
      const annual = inline(renderValue(indicator.annual));
      return `${index + 1}、${level1}；${level2}；${inline(indicator.name)}；实施周期指标值：${period}；年度指标值：${annual}。`;
    })
    .join('');
}
