import { findLevel1, findLevel2, getFramework } from '../../shared/frameworks';
import {
  documentAmounts,
  formatMoney,
  projectAmounts,
  renderValue,
  unitAmounts,
  type JixiaoDocument,
} from '../../shared/model';

const plain = (cents: number) => formatMoney(cents, { separators: false });

/**
 * What `jixiao inspect` prints as text: units and projects with their totals and how many
 * indicators each has (the indicators themselves, categories looked up, only in the JSON).
 */
export function outlineDocument(document: JixiaoDocument) {
  return {
    title: document.title,
    department: document.department,
    fiscalYear: document.fiscalYear,
    moneyUnit: document.moneyUnit,
    total: plain(documentAmounts(document).total),
    units: document.units.map((unit) => ({
      name: unit.name,
      total: plain(unitAmounts(unit).total),
      projects: unit.projects.map((project) => ({
        name: project.name,
        total: plain(projectAmounts(project).total),
        indicators: project.indicators.length,
      })),
    })),
  };
}

/**
 * The stable summary `jixiao inspect --json` prints (documented in README.md): money as strings
 * with two decimals and no separators, categories by the framework's full names, values as the
 * official tables print them.
 */
export function summariseDocument(document: JixiaoDocument) {
  const framework = getFramework(document.frameworkId);
  return {
    title: document.title,
    department: document.department,
    fiscalYear: document.fiscalYear,
    moneyUnit: document.moneyUnit,
    total: plain(documentAmounts(document).total),
    units: document.units.map((unit) => ({
      name: unit.name,
      total: plain(unitAmounts(unit).total),
      projects: unit.projects.map((project) => {
        const amounts = projectAmounts(project);
        return {
          name: project.name,
          total: plain(amounts.total),
          fiscal: plain(amounts.fiscal),
          specialAccount: plain(amounts.specialAccount),
          other: plain(amounts.other),
          goal: project.goals.annual,
          indicators: project.indicators.map((indicator) => {
            const level1 = findLevel1(framework, indicator.level1);
            const level2 = findLevel2(framework, indicator.level2, undefined, level1);
            return {
              level1: level1?.name ?? indicator.level1,
              level2: level2?.level2.name ?? indicator.level2,
              name: indicator.name,
              period: renderValue(indicator.period),
              annual: renderValue(indicator.annual),
            };
          }),
        };
      }),
    })),
  };
}
