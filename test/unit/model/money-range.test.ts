import { describe, expect, it } from 'vitest';
import {
  documentAmounts,
  formatMoney,
  moneyRangeProblems,
  MONEY_OUT_OF_RANGE,
  projectAmounts,
  sumMoney,
  unitAmounts,
  type JixiaoDocument,
} from '../../../shared/model';
import { emptyDocument } from '../../../electron/host/services/documents';

/** Three amounts each below the exact limit whose sum is not: floats would print it off by 0.01. */
const NEAR = 3_002_399_751_580_331;

function documentWith(amounts: number[]): JixiaoDocument {
  const document = emptyDocument(2025);
  document.units = [
    {
      id: 'u1',
      name: '广州市机电技师学院',
      projects: amounts.map((fiscal, index) => ({
        id: `p${index}`,
        name: `项目${index + 1}`,
        money: { fiscal, specialAccount: 0, other: 0 },
        goals: { annual: '完成' },
        indicators: [],
        raw: [],
      })),
    },
  ];
  return document;
}

describe('sums beyond exact range', () => {
  it('are never printed as a wrong figure', () => {
    const total = NEAR * 3 + 1; // what floats make of it: 9,007,199,254,740,994 is not exact
    expect(Number.isSafeInteger(total)).toBe(false);
    const document = documentWith([NEAR, NEAR, NEAR + 1]);
    expect(formatMoney(documentAmounts(document).total)).toBe(MONEY_OUT_OF_RANGE);
    expect(formatMoney(unitAmounts(document.units[0]!).total)).toBe(MONEY_OUT_OF_RANGE);
    expect(moneyRangeProblems(document)).toEqual([
      { unitId: 'u1', label: '单位「广州市机电技师学院」的小计' },
    ]);
  });

  it('a project whose three sources overflow is named', () => {
    const document = documentWith([NEAR]);
    const project = document.units[0]!.projects[0]!;
    project.money.specialAccount = NEAR;
    project.money.other = NEAR + 1;
    expect(formatMoney(projectAmounts(project).total)).toBe(MONEY_OUT_OF_RANGE);
    expect(moneyRangeProblems(document)).toEqual([
      {
        unitId: 'u1',
        projectId: 'p0',
        label: '单位「广州市机电技师学院」的项目「项目1」的总计',
      },
    ]);
  });

  it('stay exact right up to the limit, and over very many amounts (no spread)', () => {
    expect(sumMoney([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(Number.isNaN(sumMoney([Number.MAX_SAFE_INTEGER, 1]))).toBe(true);
    expect(sumMoney(new Array<number>(500_000).fill(3))).toBe(1_500_000);
    expect(moneyRangeProblems(documentWith([NEAR, NEAR]))).toEqual([]);
    expect(formatMoney(documentAmounts(documentWith([NEAR, NEAR])).total)).toBe(
      '60,047,995,031,606.62',
    );
  });
});
