/** Written 一级/二级 categories matched to the indicator framework, every move reported. */

import { findLevel1, findLevel2, type Framework } from '../../frameworks';
import type { ImportEntry } from '../report';

/**
 * Matches written categories to the framework: 二级 by name anywhere (old placements such as
 * 成本指标 under 产出 or 社会公众或服务对象满意度指标 under 效益 move to the framework's 一级); a
 * 二级 that is a 一级 of the framework (成本指标 in the 2021 framework) becomes that 一级; an 一级
 * that is a 二级 of the framework (成本指标 as its own 一级, with 经济成本指标 under it, read into a
 * framework that keeps 成本指标 under 产出) becomes that 二级.
 */
export function categories(
  framework: Framework,
  level1Written: string,
  level2Written: string,
  report: (kind: ImportEntry['kind'], message: string) => void,
): [string, string] {
  // Names broken over lines in narrow cells (`产\n出\n指\n标`) and a trailing 等 (`服务对象满意度指标等`).
  const level1Text = level1Written.replace(/[\s\u3000]/g, '');
  const level2Text = level2Written.replace(/[\s\u3000]/g, '').replace(/等$/u, '');
  const level1 = findLevel1(framework, level1Text);
  const found = findLevel2(framework, level2Text, undefined, level1);
  if (found) {
    if (level1 && found.level1 !== level1) {
      report(
        'normalised',
        `的二级指标「${level2Text}」写在「${level1Text}」下，按指标体系归入「${found.level1.name}」。`,
      );
    } else if (!level1) {
      report('normalised', `的一级指标「${level1Text}」按二级指标归入「${found.level1.name}」。`);
    }
    return [found.level1.name, found.level2.name];
  }
  const promoted = findLevel1(framework, level2Text);
  const first = promoted?.level2[0];
  if (promoted && first) {
    report(
      'warning',
      `的「${level2Text}」在指标体系中是一级指标，已归入「${promoted.name} / ${first.name}」，请核对二级指标。`,
    );
    return [promoted.name, first.name];
  }
  if (!level1) {
    const demoted = findLevel2(framework, level1Text);
    if (demoted) {
      report(
        'normalised',
        `的一级指标「${level1Text}」在指标体系中是「${demoted.level1.name}」下的二级指标，「${level1Text} / ${level2Text}」归入「${demoted.level1.name} / ${demoted.level2.name}」。`,
      );
      return [demoted.level1.name, demoted.level2.name];
    }
    report(
      'warning',
      `的一级指标「${level1Text}」不在指标体系「${framework.name}」中，按原文保留。`,
    );
  }
  report('warning', `的二级指标「${level2Text}」不在指标体系「${framework.name}」中，按原文保留。`);
  return [level1?.name ?? level1Text, level2Text];
}
