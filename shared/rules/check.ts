import { getFramework } from '../frameworks';
import {
  documentAmounts,
  formatMoney,
  unitAmounts,
  type FundingUnit,
  type JixiaoDocument,
} from '../model';
import {
  categoriser,
  finding,
  indicatorContext,
  memoise,
  nextIndicator,
  projectContext,
  type IndicatorContext,
  type RunContext,
} from './context';
import { checkMoneyRange } from './moneyRules';
import { nameTraits } from './names';
import { checkIndicator, firstIndexByName } from './indicatorRules';
import { checkIndicatorSet, checkProjectMoney, checkProjectText } from './projectRules';
import {
  checkEvaluationProject,
  checkMonitoringIndicator,
  checkMonitoringProject,
  hasEvaluation,
  hasMonitoring,
} from './stageRules';
import type { CheckOptions, DeclaredTotals, Finding } from './types';

/**
 * Checks a document against the reviewers' rules (DOMAIN §6) and returns the findings in
 * document order: the 合计, then per unit its row and its projects; per project its money, name
 * and goals, its list of indicators as a whole, then each indicator. Pure and deterministic, so
 * the renderer, the host and the CLI report the same thing.
 */
export function checkDocument(document: JixiaoDocument, options: CheckOptions = {}): Finding[] {
  const framework = options.framework ?? getFramework(document.frameworkId);
  const declared = options.declaredTotals;
  const run: RunContext = {
    document,
    framework,
    settings: document.settings,
    categoryOf: categoriser(framework),
    traitsOf: memoise(nameTraits),
    findings: [],
  };
  const { findings } = run;
  checkDeclaredDocumentTotal(document, declared, findings);
  checkMoneyRange(document, findings);
  for (const unit of document.units) {
    checkDeclaredUnitTotal(document, unit, declared, findings);
    for (const project of unit.projects) {
      const context = projectContext(run, unit, project);
      checkProjectMoney(context, declared);
      checkProjectText(context);
      checkIndicatorSet(context);
      const monitoring = hasMonitoring(project);
      if (monitoring) checkMonitoringProject(context);
      const firstWithName = firstIndexByName(project);
      let perIndicator: IndicatorContext | undefined;
      project.indicators.forEach((indicator, index) => {
        const first = firstWithName[index] ?? index;
        perIndicator = perIndicator
          ? nextIndicator(perIndicator, indicator, index, first)
          : indicatorContext(context, indicator, index, first);
        checkIndicator(perIndicator);
        if (monitoring) checkMonitoringIndicator(perIndicator);
      });
      if (hasEvaluation(project)) checkEvaluationProject(context);
    }
  }
  return findings;
}

/** Counts by severity, for the status bar and the CLI's exit code. */
export function summarise(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const item of findings) if (item.severity === 'error') errors += 1;
  return { errors, warnings: findings.length - errors };
}

/**
 * M2. The model derives the unit rows and the 合计 from the projects, so they always add up;
 * only totals printed in an imported table can disagree.
 */
function checkDeclaredDocumentTotal(
  document: JixiaoDocument,
  declared: DeclaredTotals | undefined,
  findings: Finding[],
): void {
  const printed = declared?.document;
  if (printed === undefined) return;
  const derived = documentAmounts(document).total;
  if (printed === derived) return;
  findings.push(
    finding(
      'M2',
      { field: 'money.total' },
      `表中合计 ${formatMoney(printed)} ${document.moneyUnit}，但各单位之和为 ${formatMoney(derived)} ${document.moneyUnit}`,
    ),
  );
}

function checkDeclaredUnitTotal(
  document: JixiaoDocument,
  unit: FundingUnit,
  declared: DeclaredTotals | undefined,
  findings: Finding[],
): void {
  const printed = declared?.units?.[unit.id];
  if (printed === undefined) return;
  const derived = unitAmounts(unit).total;
  if (printed === derived) return;
  findings.push(
    finding(
      'M2',
      { unitId: unit.id, field: 'money.total' },
      `「${unit.name}」单位行总计 ${formatMoney(printed)} ${document.moneyUnit}，但所属项目之和为 ${formatMoney(derived)} ${document.moneyUnit}`,
    ),
  );
}
