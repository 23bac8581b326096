import gz2025 from '../../resources/frameworks/gz-2025.json' with { type: 'json' };
import central2021 from '../../resources/frameworks/central-2021.json' with { type: 'json' };

/** A second-level indicator category (二级指标). */
export interface Level2 {
  code: string;
  name: string;
  /** Name as the disclosure format prints it (`社会效益` for 社会效益指标). */
  display: string;
}

/** A first-level indicator category (一级指标) and its children. */
export interface Level1 {
  code: string;
  name: string;
  display: string;
  level2: Level2[];
}

/** An indicator framework: data, not code (ARCHITECTURE decision 3). */
export interface Framework {
  id: string;
  name: string;
  description: string;
  level1: Level1[];
}

export const FRAMEWORKS: readonly Framework[] = [gz2025, central2021];
export const DEFAULT_FRAMEWORK_ID = 'gz-2025';

/** The framework with this id, or the default one when the id is unknown. */
export function getFramework(id: string): Framework {
  return FRAMEWORKS.find((framework) => framework.id === id) ?? (FRAMEWORKS[0] as Framework);
}

/** True when the id names a shipped framework. */
export function isKnownFramework(id: string): boolean {
  return FRAMEWORKS.some((framework) => framework.id === id);
}

/** Category names already normalised (see categoryKey). */
const keys = new Map<string, string>();

/**
 * Normalises a category name for matching: full/half width, spaces, brackets, the 指标 suffix
 * and old prefixes (预期产出指标 → 产出, 效果指标 → 效益).
 */
export function categoryKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name
      .replace(/[\s\u3000]/g, '')
      .replace(/[（(][^）)]*[）)]/g, '')
      .replace(/^\d+[-－—.、]/, '')
      .replace(/^预期/, '')
      .replace(/^效果指标$/, '效益指标')
      .replace(/^社会公众或服务对象满意度/, '服务对象满意度')
      // 山东's forms write 产出值 / 数量值 for 产出指标 / 数量指标.
      .replace(/(?:指标|值)$/, '');
    // The same few dozen names come back for every indicator (the framework's own on every
    // lookup): kept, within a bound, so an import of 75,000 indicators computes each once.
    if (keys.size >= 10_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}

/** Finds a first-level category by name (any spelling above), then by code. */
export function findLevel1(framework: Framework, name: string, code?: string): Level1 | undefined {
  const key = categoryKey(name);
  return (
    framework.level1.find((level1) => categoryKey(level1.name) === key) ??
    (code ? framework.level1.find((level1) => level1.code === code) : undefined)
  );
}

/**
 * Finds a second-level category by name within a first-level one, then anywhere in the framework
 * (old placements such as 成本指标 under 产出), then by code.
 */
export function findLevel2(
  framework: Framework,
  name: string,
  code?: string,
  within?: Level1,
): { level1: Level1; level2: Level2 } | undefined {
  const key = categoryKey(name);
  const scopes = within
    ? [within, ...framework.level1.filter((l) => l !== within)]
    : framework.level1;
  for (const level1 of scopes) {
    const level2 = level1.level2.find((candidate) => categoryKey(candidate.name) === key);
    if (level2) return { level1, level2 };
  }
  if (code) {
    for (const level1 of framework.level1) {
      const level2 = level1.level2.find((candidate) => candidate.code === code);
      if (level2) return { level1, level2 };
    }
  }
  return undefined;
}

const labelCache = new WeakMap<Framework, Map<string, string>>();

/** Labels are looked up for every indicator of every export; names repeat, so remember them. */
function cachedLabel(framework: Framework, key: string, compute: () => string): string {
  let labels = labelCache.get(framework);
  if (!labels) {
    labels = new Map();
    labelCache.set(framework, labels);
  }
  let label = labels.get(key);
  if (label === undefined) {
    label = compute();
    // Names come from documents; keep the cache bounded.
    if (labels.size < 10_000) labels.set(key, label);
  }
  return label;
}

/** The disclosure format's label for a first-level category: `1-产出指标`. */
export function level1Label(framework: Framework, name: string): string {
  return cachedLabel(framework, `1\u0000${name}`, () => {
    const level1 = findLevel1(framework, name);
    return level1 ? `${level1.code}-${level1.display}` : name;
  });
}

/** The disclosure format's label for a second-level category: `22-社会效益`. */
export function level2Label(framework: Framework, level1Name: string, name: string): string {
  return cachedLabel(framework, `2\u0000${level1Name}\u0000${name}`, () => {
    const found = findLevel2(framework, name, undefined, findLevel1(framework, level1Name));
    return found ? `${found.level2.code}-${found.level2.display}` : name;
  });
}
