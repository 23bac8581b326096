import {
  categoryKey,
  findLevel1,
  findLevel2,
  type Framework,
  type Level1,
  type Level2,
} from '../frameworks';
import { isQuantitative, type Project } from '../model';
import {
  finding,
  indicatorLabel,
  indicatorWhere,
  targetOf,
  type IndicatorContext,
} from './context';
import { suggestCategory } from './names';
import { checkHtml, checkText } from './textRules';
import { characterCount } from './text';
import { checkValues } from './valueRules';

/** Every rule on one indicator, in the order its cells print: name, categories, values. */
export function checkIndicator(context: IndicatorContext): void {
  const { indicator } = context;
  checkName(context);
  checkText(context, 'name', indicator.name, '名称');
  checkCategory(context);
  checkMisfiling(context);
  checkValues(context);
  checkHtml(context, 'period', context.periodText, '实施周期指标值');
  checkHtml(context, 'annual', context.annualText, '年度指标值');
  checkPeriodAgainstAnnual(context);
  if (indicator.note !== undefined) checkText(context, 'note', indicator.note, '指标值说明');
}

const SPACES = /[\s\u3000]+/gu;
const normaliseName = (name: string) => name.replace(SPACES, '');

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
function checkName(context: IndicatorContext): void {
  const { indicator, index, firstWithName, settings, findings } = context;
  const name = indicator.name.trim(); // trim drops exactly what normaliseName drops
  if (name === '') {
    findings.push(
      finding('R5', indicatorWhere(context, 'name'), `${indicatorLabel(context)}没有三级指标名称`),
    );
    return;
  }
  // A code point is one or two UTF-16 units, so a short string needs no counting.
  const count = name.length > settings.nameMaxLength ? characterCount(name) : 0;
  if (count > settings.nameMaxLength) {
    findings.push(
      finding(
        'R5',
        indicatorWhere(context, 'name'),
        `${indicatorLabel(context)}名称有 ${count} 个字，超过 ${settings.nameMaxLength} 字`,
        { reviewerReason: '建议拆分指标' },
      ),
    );
  }
  if (firstWithName < index) {
    findings.push(
      finding(
        'R5',
        indicatorWhere(context, 'name'),
        `${indicatorLabel(context)}与第 ${firstWithName + 1} 个指标重名`,
        { reviewerReason: '其他' },
      ),
    );
  }
}

/** R4: the 一级 is in the framework and the 二级 belongs to it. */
function checkCategory(context: IndicatorContext): void {
  const { indicator, framework, category } = context;
  if (category.level1Known && category.level2Known) return;
  const label = indicatorLabel(context);
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
    context.findings.push(
      finding(
        'R4',
        indicatorWhere(context, 'level1'),
        level1
          ? `${label}的一级指标「${level1}」不在指标体系「${framework.name}」中`
          : `${label}没有选择一级指标`,
        { reviewerReason: '一级指标类型错误', ...fix },
      ),
    );
    return;
  }
  const level2 = indicator.level2.trim();
  context.findings.push(
    finding(
      'R4',
      indicatorWhere(context, 'level2'),
      level2
        ? `${label}的二级指标「${level2}」不属于一级指标「${indicator.level1.trim()}」`
        : `${label}没有选择二级指标`,
      fix,
    ),
  );
}

type Placement = { level1: Level1; level2: Level2 };

/** Each framework's categories by `一级 key + 二级 key`, the first one winning. */
const BY_KEYS = new WeakMap<Framework, Map<string, Placement>>();

/** Finds a framework category by its keys. */
function findByKeys(
  context: IndicatorContext,
  level1Key: string,
  level2Key: string,
): Placement | undefined {
  const { framework } = context;
  let index = BY_KEYS.get(framework);
  if (!index) {
    index = new Map();
    for (const level1 of framework.level1) {
      for (const level2 of level1.level2) {
        const key = `${categoryKey(level1.name)}\u0000${categoryKey(level2.name)}`;
        if (!index.has(key)) index.set(key, { level1, level2 });
      }
    }
    BY_KEYS.set(framework, index);
  }
  return index.get(`${level1Key}\u0000${level2Key}`);
}

/** V11: the name suggests another category. Only for categories R4 accepted. */
function checkMisfiling(context: IndicatorContext): void {
  const { indicator, category } = context;
  if (!category.level1Known || !category.level2Known) return;
  const suggestion = suggestCategory(indicator.name, category.level1Key, category.level2Key);
  if (!suggestion) return;
  const target = findByKeys(context, suggestion.level1Key, suggestion.level2Key);
  if (!target) return;
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
  context.findings.push(
    finding(
      'V11',
      indicatorWhere(context, crossesLevel1 ? 'level1' : 'level2'),
      `${indicatorLabel(context)}放在“${indicator.level2.trim()}”下，但${suggestion.reason}；建议归入${target.level2.name}`,
      {
        reviewerReason: crossesLevel1 ? '一级指标类型错误' : '二级指标类型错误',
        ...fix,
      },
    ),
  );
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
function checkPeriodAgainstAnnual(context: IndicatorContext): void {
  const { indicator, project, category, periodText, annualText } = context;
  const { period, annual } = indicator;
  if (periodText.trim() === '' || annualText.trim() === '') return;
  const years = projectYears(project);
  if (years === undefined) return;
  let message: string | undefined;
  if (years <= 1 && periodText !== annualText) {
    message = `是一年期项目的指标，实施周期指标值「${periodText}」与年度指标值「${annualText}」不同`;
  } else if (
    years > 1 &&
    category.level2Key === '数量' &&
    isQuantitative(period) &&
    isQuantitative(annual) &&
    period.unit === annual.unit &&
    Number(annual.value) > Number(period.value)
  ) {
    message = `年度指标值「${annualText}」大于实施周期指标值「${periodText}」`;
  }
  if (message === undefined) return;
  context.findings.push(
    finding('V13', indicatorWhere(context, 'period'), `${indicatorLabel(context)}${message}`, {
      fix: {
        kind: 'copy-annual-to-period',
        label: '实施周期指标值改为与年度相同',
        target: targetOf(context),
      },
    }),
  );
}
