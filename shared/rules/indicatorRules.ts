import { categoryKey, findLevel1, findLevel2, type Level1, type Level2 } from '../frameworks';
import { isQuantitative, renderValue, sameValue, type Project } from '../model';
import {
  finding,
  indicatorLabel,
  indicatorWhere,
  targetOf,
  type IndicatorContext,
} from './context';
import { suggestCategory } from './names';
import { checkText } from './textRules';
import { characterCount } from './text';
import type { Finding } from './types';
import { checkValues } from './valueRules';

/** Every rule on one indicator, in the order its cells print: name, categories, values. */
export function checkIndicator(context: IndicatorContext): Finding[] {
  const { indicator } = context;
  const label = indicatorLabel(context);
  const text = (field: 'name' | 'note' | 'period' | 'annual', value: string, what: string) =>
    checkText(context, field, value, what, label, indicatorWhere(context, field));
  return [
    ...checkName(context),
    ...text('name', indicator.name, '名称'),
    ...checkCategory(context),
    ...checkMisfiling(context),
    ...checkValues(context),
    ...checkHtmlInValues(context),
    ...checkPeriodAgainstAnnual(context),
    ...(indicator.note === undefined ? [] : text('note', indicator.note, '指标值说明')),
  ];
}

const normaliseName = (name: string) => name.replace(/[\s\u3000]+/gu, '');

/** For each indicator, the position of the first one with the same name (R5), in one pass. */
export function firstIndexByName(project: Project): number[] {
  const first = new Map<string, number>();
  return project.indicators.map((indicator, index) => {
    const name = normaliseName(indicator.name);
    const seen = first.get(name);
    if (seen !== undefined) return seen;
    first.set(name, index);
    return index;
  });
}

/** R5: present, not too long, unique within the project. */
function checkName(context: IndicatorContext): Finding[] {
  const { indicator, index, firstWithName, settings } = context;
  const where = indicatorWhere(context, 'name');
  const label = indicatorLabel(context);
  const name = normaliseName(indicator.name);
  if (name === '') return [finding('R5', where, `${label}没有三级指标名称`)];
  const findings: Finding[] = [];
  const count = characterCount(indicator.name.trim());
  if (count > settings.nameMaxLength) {
    findings.push(
      finding('R5', where, `${label}名称有 ${count} 个字，超过 ${settings.nameMaxLength} 字`, {
        reviewerReason: '建议拆分指标',
      }),
    );
  }
  if (firstWithName < index) {
    findings.push(
      finding('R5', where, `${label}与第 ${firstWithName + 1} 个指标重名`, {
        reviewerReason: '其他',
      }),
    );
  }
  return findings;
}

/** R4: the 一级 is in the framework and the 二级 belongs to it. */
function checkCategory(context: IndicatorContext): Finding[] {
  const { indicator, framework, category } = context;
  const label = indicatorLabel(context);
  if (category.level1Known && category.level2Known) return [];
  const owner = findLevel2(
    framework,
    indicator.level2,
    undefined,
    findLevel1(framework, indicator.level1),
  );
  const fix = owner
    ? {
        fix: {
          kind: 'set-category' as const,
          label: `改为 ${owner.level1.name}／${owner.level2.name}`,
          target: targetOf(context),
          from: { level1: indicator.level1, level2: indicator.level2 },
          to: { level1: owner.level1.name, level2: owner.level2.name },
        },
      }
    : {};
  if (!category.level1Known) {
    const level1 = indicator.level1.trim();
    return [
      finding(
        'R4',
        indicatorWhere(context, 'level1'),
        level1
          ? `${label}的一级指标「${level1}」不在指标体系「${framework.name}」中`
          : `${label}没有选择一级指标`,
        { reviewerReason: '一级指标类型错误', ...fix },
      ),
    ];
  }
  const level2 = indicator.level2.trim();
  return [
    finding(
      'R4',
      indicatorWhere(context, 'level2'),
      level2
        ? `${label}的二级指标「${level2}」不属于一级指标「${indicator.level1.trim()}」`
        : `${label}没有选择二级指标`,
      fix,
    ),
  ];
}

/** Finds a framework category by its keys. */
function findByKeys(
  context: IndicatorContext,
  level1Key: string,
  level2Key: string,
): { level1: Level1; level2: Level2 } | undefined {
  for (const level1 of context.framework.level1) {
    if (categoryKey(level1.name) !== level1Key) continue;
    const level2 = level1.level2.find((candidate) => categoryKey(candidate.name) === level2Key);
    if (level2) return { level1, level2 };
  }
  return undefined;
}

/** V11: the name suggests another category. Only for categories R4 accepted. */
function checkMisfiling(context: IndicatorContext): Finding[] {
  const { indicator, category } = context;
  if (!category.level1Known || !category.level2Known) return [];
  const suggestion = suggestCategory(indicator.name, category.level1Key, category.level2Key);
  if (!suggestion) return [];
  const target = findByKeys(context, suggestion.level1Key, suggestion.level2Key);
  if (!target) return [];
  const crossesLevel1 = suggestion.level1Key !== category.level1Key;
  const fix = suggestion.confident
    ? {
        fix: {
          kind: 'set-category' as const,
          label: `移到 ${target.level1.name}／${target.level2.name}`,
          target: targetOf(context),
          from: { level1: indicator.level1, level2: indicator.level2 },
          to: { level1: target.level1.name, level2: target.level2.name },
        },
      }
    : {};
  return [
    finding(
      'V11',
      indicatorWhere(context, crossesLevel1 ? 'level1' : 'level2'),
      `${indicatorLabel(context)}放在“${indicator.level2.trim()}”下，但${suggestion.reason}；建议归入${target.level2.name}`,
      {
        reviewerReason: crossesLevel1 ? '一级指标类型错误' : '二级指标类型错误',
        ...fix,
      },
    ),
  ];
}

/** T1 on the value cells (values are structured, so the fix re-reads the stripped text). */
function checkHtmlInValues(context: IndicatorContext): Finding[] {
  const label = indicatorLabel(context);
  return (['period', 'annual'] as const).flatMap((field) => {
    const text = renderValue(context.indicator[field]);
    const what = field === 'period' ? '实施周期指标值' : '年度指标值';
    return checkText(context, field, text, what, label, indicatorWhere(context, field)).filter(
      (item) => item.code === 'T1',
    );
  });
}

const YEAR_RANGE_IN_NAME = /((?:19|20)\d{2})\s*年?\s*[-－—–~～至到]\s*((?:19|20)\d{2})\s*年?/u;

/**
 * Years the project runs: from 项目期 when set, else from a range in its name
 * (`2024年-2025年校园信息化设备运维项目`); undefined when neither says.
 */
export function projectYears(project: Project): number | undefined {
  const { periodStart, periodEnd } = project;
  if (typeof periodStart === 'number' && typeof periodEnd === 'number') {
    return periodEnd - periodStart + 1;
  }
  const range = YEAR_RANGE_IN_NAME.exec(project.name);
  if (range) return Number(range[2]) - Number(range[1]) + 1;
  return undefined;
}

/**
 * V13. One-year project: 实施周期 = 年度. Multi-year 数量 indicator: 年度 ≤ 实施周期. Projects whose
 * length is unknown are not checked; an empty 实施周期 cell is an annual-only form.
 */
function checkPeriodAgainstAnnual(context: IndicatorContext): Finding[] {
  const { indicator, project, category } = context;
  const { period, annual } = indicator;
  if (renderValue(period).trim() === '' || renderValue(annual).trim() === '') return [];
  const years = projectYears(project);
  if (years === undefined) return [];
  const fix = {
    fix: {
      kind: 'copy-annual-to-period' as const,
      label: '实施周期指标值改为与年度相同',
      target: targetOf(context),
    },
  };
  const values = `实施周期指标值「${renderValue(period)}」`;
  const label = indicatorLabel(context);
  if (years <= 1 && !sameValue(period, annual)) {
    return [
      finding(
        'V13',
        indicatorWhere(context, 'period'),
        `${label}是一年期项目的指标，${values}与年度指标值「${renderValue(annual)}」不同`,
        fix,
      ),
    ];
  }
  if (
    years > 1 &&
    category.level2Key === '数量' &&
    isQuantitative(period) &&
    isQuantitative(annual) &&
    period.unit === annual.unit &&
    Number(annual.value) > Number(period.value)
  ) {
    return [
      finding(
        'V13',
        indicatorWhere(context, 'period'),
        `${label}年度指标值「${renderValue(annual)}」大于${values}`,
        fix,
      ),
    ];
  }
  return [];
}
