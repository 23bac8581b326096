/**
 * Figures a stage form prints that our model derives (执行率, 得分, 总分), compared with ours at
 * the precision the form printed them: `60%` agrees with 59.58 %, `100.00%` needs 100.00 %.
 */

import {
  executionRatio,
  formatRatioPercent,
  type MoneyRatio,
  type Project,
  type SourceLocation,
} from '../../model';
import type { ImportReporter } from '../report';
import type { StageKind } from './types';

/** A printed decimal (`96`, `9.80`, `100%`) as a scaled integer and its decimals; null if none. */
function printedNumber(text: string): { scaled: bigint; decimals: number } | null {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,6}))?\s*[%％分]?\s*$/u.exec(text);
  if (!match) return null;
  const decimals = match[2]?.length ?? 0;
  return { scaled: BigInt(`${match[1]}${match[2] ?? ''}`), decimals };
}

/** `a / b` rounded half up to `decimals` places, scaled by 10^decimals. */
function rounded(numerator: bigint, denominator: bigint, decimals: number): bigint {
  const scale = 10n ** BigInt(decimals);
  return (numerator * scale * 2n + denominator) / (2n * denominator);
}

export interface Comparison {
  /** False when the printed figure and ours differ at the printed precision. */
  agrees: boolean;
  /** Ours, written for the report. */
  ours: string;
}

/** A printed 执行率 against ours; null when the printed text is no percentage. */
export function compareRate(printed: string, ratio: MoneyRatio): Comparison | null {
  const number = printedNumber(printed);
  if (!number || ratio.denominator <= 0 || ratio.numerator < 0) return null;
  // `1` or `0.98` without a % sign is a fraction; `98` or `98%` a percentage.
  const fraction = !/[%％]/u.test(printed) && number.scaled <= 10n ** BigInt(number.decimals);
  const percentDecimals = fraction ? number.decimals - 2 : number.decimals;
  const places = Math.max(percentDecimals, 0);
  const ours = rounded(BigInt(ratio.numerator) * 100n, BigInt(ratio.denominator), places);
  const printedScaled =
    percentDecimals < 0 ? number.scaled * 10n ** BigInt(-percentDecimals) : number.scaled;
  return { agrees: ours === printedScaled, ours: formatRatioPercent(ratio) };
}

/** A printed score (`7`, `9.5`) against ours in hundredths; null when the text is no number. */
export function compareScore(printed: string, hundredths: number): Comparison | null {
  const number = printedNumber(printed);
  if (!number || !Number.isSafeInteger(hundredths) || hundredths < 0) return null;
  const places = Math.min(number.decimals, 2);
  const ours = rounded(BigInt(hundredths), 100n, places);
  const scaled = number.decimals > 2 ? null : number.scaled;
  const whole = Math.floor(hundredths / 100);
  const text = `${whole}.${String(hundredths % 100).padStart(2, '0')}`;
  return { agrees: scaled !== null && ours === scaled, ours: text };
}

/** A printed 执行率 our own (执行数 / 全年预算数) does not round to: reported, never changed. */
export function checkPrintedRate(
  project: Project,
  published: { rate?: string; source?: SourceLocation },
  kind: StageKind,
  reporter: Pick<ImportReporter, 'add'>,
): void {
  const printed = published.rate;
  if (printed === undefined) return;
  const executed =
    kind === 'monitoring' ? project.monitoring?.executed : project.evaluation?.executed;
  const ratio = executionRatio(project, executed);
  const comparison = ratio ? compareRate(printed, ratio) : null;
  if (comparison && comparison.agrees) return;
  reporter.add(
    'warning',
    comparison
      ? `表中执行率为「${printed}」，按执行数和全年预算数计算为 ${comparison.ours}，请核对。`
      : `表中执行率为「${printed}」，无法按执行数和全年预算数核对，请核对。`,
    published.source,
    project.name,
  );
}
