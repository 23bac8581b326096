import { moneyRangeProblems, type JixiaoDocument } from '../model';
import { finding } from './context';
import type { Finding } from './types';

/**
 * M3: a total beyond exact range would print a wrong figure (three amounts near the limit add
 * up to a sum that is off by some hundredths), so it is an error naming the place.
 */
export function checkMoneyRange(document: JixiaoDocument, findings: Finding[]): void {
  for (const problem of moneyRangeProblems(document)) {
    const where = {
      ...(problem.unitId ? { unitId: problem.unitId } : {}),
      ...(problem.projectId ? { projectId: problem.projectId } : {}),
      field: 'money.total',
    };
    findings.push(
      finding(
        'M3',
        where,
        `${problem.label}超出程序能精确计算的范围，无法得到准确的数字；请核对金额是否多输入了位数（单位：${document.moneyUnit}）`,
      ),
    );
  }
}
