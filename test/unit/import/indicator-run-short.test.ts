import { describe, expect, it } from 'vitest';
import { findIndicatorRun, parseIndicatorRun } from '../../../shared/import/indicatorRun';

describe('the short indicator form (编号、一级；二级；三级；指标值)', () => {
  it('reads it only with a first level a framework knows, or a code', () => {
    expect(parseIndicatorRun('1、产出指标；数量指标；培训人数；≥100人次').sentences).toHaveLength(
      1,
    );
    expect(parseIndicatorRun('1、1-产出；11-数量指标；培训人数；≥100人次').sentences).toHaveLength(
      1,
    );
  });

  it('leaves a goal written in four clauses alone (a goal cell is not cut at it)', () => {
    const goal =
      '1、完成各项绩效指标；保障学校正常运转；提升办学质量；促进学生全面发展。2、加强财务管理。';
    expect(parseIndicatorRun(goal).sentences).toHaveLength(0);
    expect(findIndicatorRun(goal)).toBe(-1);
  });
});
