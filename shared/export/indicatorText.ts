import { level1Label, level2Label, type Framework } from '../frameworks';
import { renderValue, type Indicator } from '../model';

/** What {@link inline} changes: a line break or tab anywhere, white space at either end. */
const NEEDS_INLINING = /[\r\n\t]|^\s|\s$/;

/** Text inside one sentence of the run: a line break or tab would break the row in the text form. */
function inline(text: string): string {
  // Most text has no line break, tab or outer space: one scan instead of three replacements.
  if (!NEEDS_INLINING.test(text)) return text;
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
  let run = '';
  for (let index = 0; index < indicators.length; index += 1) {
    const indicator = indicators[index] as Indicator;
    const level1 = inline(level1Label(framework, indicator.level1));
    const level2 = inline(level2Label(framework, indicator.level1, indicator.level2));
    const period = inline(renderValue(indicator.period));
    const annual = inline(renderValue(indicator.annual));
    run += `${index + 1}、${level1}；${level2}；${inline(indicator.name)}；实施周期指标值：${period}；年度指标值：${annual}。`;
  }
  return run;
}
