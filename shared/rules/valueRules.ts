import {
  COMPARISON_SIGNS,
  isQuantitative,
  parseValue,
  renderValue,
  type IndicatorValue,
  type Sign,
} from '../model';
import type { RuleCode } from './catalogue';
import {
  finding,
  indicatorLabel,
  indicatorWhere,
  quotedName,
  targetOf,
  type IndicatorContext,
} from './context';
import { guessReverseUnit } from './names';
import { characterCount } from './text';
import type { Finding, Severity, ValueField } from './types';

/** What a value rule found in one value; the runner adds who, where and which cell. */
interface ValueIssue {
  code: RuleCode;
  /** The problem, read after `…年度指标值「18」`. */
  problem: string;
  severity?: Severity;
  /** The value a fix would write. */
  to?: IndicatorValue;
}

/** One value cell, or both when they hold the same value, as the value rules see it. */
interface ValueCell {
  field: ValueField | 'values';
  value: IndicatorValue;
  /** `renderValue(value)`. */
  text: string;
  /** `isQuantitative(value)`. */
  numeric: boolean;
}

type ValueRule = (cell: ValueCell, context: IndicatorContext) => ValueIssue | undefined;

const FIELD_LABELS: Record<ValueField | 'values', string> = {
  period: '实施周期指标值',
  annual: '年度指标值',
  values: '实施周期和年度指标值',
};

const COMPARISONS: ReadonlySet<Sign> = new Set(COMPARISON_SIGNS);
const structured = (sign: Sign, value: string, unit: string): IndicatorValue => ({
  sign,
  value,
  unit,
});

/**
 * V2. A value the clerk gave a sign must be a number with a unit. A number with no sign and no
 * unit is what a printed table shows when the system stores sign and unit apart (seed: `0`,
 * `18`): a warning to confirm, left to V8/V12 when those already say what is missing.
 */
const quantitativeComplete: ValueRule = ({ value, numeric }, context) => {
  if (COMPARISONS.has(value.sign)) {
    if (!numeric) return { code: 'V2', problem: `选了符号“${value.sign}”，但不是数字` };
    if (value.unit === '') {
      const rate = context.traits.rate;
      return {
        code: 'V2',
        problem: '没有计量单位',
        ...(rate ? { to: structured(value.sign, value.value, '%') } : {}),
      };
    }
    return undefined;
  }
  if (value.sign !== '') return undefined;
  if (!numeric) return { code: 'V2', problem: '不是数字，也没有标为定性' };
  const { rate, reverse } = context.traits;
  if (value.unit === '' && !rate && !reverse) {
    return {
      code: 'V2',
      severity: 'warning',
      problem: '只有数字，没有符号和计量单位（公开表打印时常省略），请确认后补上',
    };
  }
  return undefined;
};

/** V3: no spaces or `*` `_` `-`; the fix removes spaces, `*` and `_` (a `-` needs a person). */
const noPlaceholderMarks: ValueRule = ({ text }) => {
  if (!/[\s*_\-＊＿－]/u.test(text)) return undefined;
  const cleaned = text.replace(/[\s*_＊＿]/gu, '');
  const fixable = cleaned !== '' && !/[-－]/u.test(cleaned);
  return {
    code: 'V3',
    problem: '含有空格或 * _ - 符号',
    ...(fixable ? { to: parseValue(cleaned) } : {}),
  };
};

/** V4. */
const notTooLong: ValueRule = ({ text }, context) => {
  const max = context.settings.valueMaxLength;
  if (text.length <= max) return undefined; // a code point is one or two UTF-16 units
  const count = characterCount(text);
  return count > max ? { code: 'V4', problem: `有 ${count} 个字，超过 ${max} 字` } : undefined;
};

/** V6: the unit of a qualitative value joins its text. */
const qualitativeWithoutUnit: ValueRule = ({ value }) =>
  value.sign === '定性' && value.unit !== ''
    ? {
        code: 'V6',
        problem: `是定性指标，却填了计量单位“${value.unit}”`,
        to: structured('定性', `${value.value}${value.unit}`, ''),
      }
    : undefined;

/** V7. */
const percentageInRange: ValueRule = ({ value, numeric }) => {
  if (!numeric || value.unit !== '%') return undefined;
  const number = Number(value.value);
  if (number > 100) return { code: 'V7', problem: '超过 100%' };
  if (number === 100 && (value.sign === '≥' || value.sign === '＞')) {
    return {
      code: 'V7',
      problem: `写作“${value.sign}100%”，百分比不能超过 100%`,
      to: structured('＝', value.value, '%'),
    };
  }
  return undefined;
};

/** V8: rates and satisfactions are percentages; a bare number gets `%`. */
const rateIsPercentage: ValueRule = ({ value, text, numeric }, context) => {
  if (!context.traits.rate || text.includes('%') || text.includes('％')) return undefined;
  const fixable = numeric && value.unit === '';
  return {
    code: 'V8',
    problem: '不是百分比，而指标名称表明是比率',
    ...(fixable ? { to: structured(value.sign, value.value, '%') } : {}),
  };
};

const SIGN_WORD = /以上|以下|以内|之内|不低于|不少于|不高于|不超过|不多于|至少/u;

/** V9: `85%或以上` was read as ≥85% with the words kept; the fix drops the words. */
const signAsSymbol: ValueRule = ({ value, numeric }) => {
  if (value.text === undefined || !SIGN_WORD.test(value.text)) return undefined;
  if (!numeric || (value.sign !== '≥' && value.sign !== '≤')) return undefined;
  return {
    code: 'V9',
    problem: `用文字表示比较，应写作“${value.sign}”`,
    to: structured(value.sign, value.value, value.unit),
  };
};

/** V10. */
const satisfactionFloor: ValueRule = ({ value, numeric }, context) => {
  if (!context.traits.satisfaction) return undefined;
  if (!numeric || value.unit !== '%') return undefined;
  if (value.sign === '≤' || value.sign === '＜') return undefined;
  const floor = context.settings.satisfactionFloor;
  if (Number(value.value) >= floor) return undefined;
  return {
    code: 'V10',
    problem: `低于满意度下限 ${floor}%`,
    to: structured('≥', String(floor), '%'),
  };
};

/**
 * V12. A reverse indicator needs ≤ or ＝ (＜ passes too). A bare `0` is a target of zero, which
 * reviewers want written out: the fix gives ＝0 with the usual unit (起, 次, 件, %); another
 * number gets ≤.
 */
const reverseSign: ValueRule = ({ value, numeric }, context) => {
  if (!context.traits.reverse || !numeric) return undefined;
  if (value.sign === '≤' || value.sign === '＝' || value.sign === '＜') return undefined;
  const unit = value.unit || guessReverseUnit(context.indicator.name);
  const zero = Number(value.value) === 0;
  return {
    code: 'V12',
    problem: '是反向指标（越少越好），应写作 ≤ 或 ＝',
    to: structured(zero ? '＝' : '≤', value.value, unit),
  };
};

/** Rules on one value cell, in the order they are reported. */
const VALUE_RULES: readonly ValueRule[] = [
  quantitativeComplete,
  noPlaceholderMarks,
  notTooLong,
  qualitativeWithoutUnit,
  percentageInRange,
  rateIsPercentage,
  signAsSymbol,
  satisfactionFloor,
  reverseSign,
];

/**
 * V1, then the value rules on both cells. When the two cells hold the same value (the usual
 * case: the seed's 89 indicators all do) a rule reports once, at field `values`, and its fix
 * writes both cells. An empty 实施周期 cell means an annual-only form and is skipped.
 */
export function checkValues(context: IndicatorContext): void {
  const { indicator, periodText, annualText } = context;
  const annualEmpty = annualText.trim() === '';
  if (annualEmpty) {
    context.findings.push(
      finding(
        'V1',
        indicatorWhere(context, 'annual'),
        `${indicatorLabel(context)}没有填写年度指标值`,
      ),
    );
  }
  const cells: ValueCell[] = [];
  if (sameCells(indicator.period, indicator.annual)) {
    if (!annualEmpty) cells.push(valueCell('values', indicator.annual, annualText));
  } else {
    if (periodText.trim() !== '') cells.push(valueCell('period', indicator.period, periodText));
    if (!annualEmpty) cells.push(valueCell('annual', indicator.annual, annualText));
  }
  for (const rule of VALUE_RULES) {
    for (const cell of cells) {
      const issue = rule(cell, context);
      if (issue) context.findings.push(toFinding(context, issue, cell));
    }
  }
}

function valueCell(field: ValueCell['field'], value: IndicatorValue, text: string): ValueCell {
  return { field, value, text, numeric: isQuantitative(value) };
}

function toFinding(context: IndicatorContext, issue: ValueIssue, cell: ValueCell): Finding {
  const message = `${indicatorLabel(context)}${FIELD_LABELS[cell.field]}「${quotedName(cell.text)}」${issue.problem}`;
  const fields: ValueField[] = cell.field === 'values' ? ['period', 'annual'] : [cell.field];
  return finding(issue.code, indicatorWhere(context, cell.field), message, {
    ...(issue.severity ? { severity: issue.severity } : {}),
    ...(issue.to
      ? {
          fix: {
            kind: 'set-value',
            label: `改为 ${quotedName(renderValue(issue.to))}`,
            target: targetOf(context),
            fields,
            from: { ...cell.value },
            to: issue.to,
          },
        }
      : {}),
  });
}

function sameCells(a: IndicatorValue, b: IndicatorValue): boolean {
  return a.sign === b.sign && a.value === b.value && a.unit === b.unit && a.text === b.text;
}
