import { describe, expect, it } from 'vitest';
import {
  changeRate,
  compareYears,
  countChanges,
  documentSchema,
  readDocumentData,
  rollForward,
  snapshotOf,
  type JixiaoDocument,
} from '../../../shared/model';
import { editedNextYear, seed } from './compareMaterial';

describe('compareYears (与上年对比)', () => {
  it('keeps last year in a rolled-forward document, small and schema-valid', () => {
    const { document } = rollForward(seed, { toYear: 2026, keepAmounts: false });
    expect(documentSchema.safeParse(document).success).toBe(true);
    expect(document.previousYear?.year).toBe(2025);
    expect(document.previousYear?.units[0]?.projects).toHaveLength(14);
    expect(document.previousYear?.units[0]?.projects[0]?.money.fiscal).toBe(63800);
    // The snapshot holds figures, not a second document: well under the document's own size.
    expect(JSON.stringify(document.previousYear).length).toBeLessThan(
      JSON.stringify(seed).length * 0.8,
    );
    // Rolling again keeps only the year just left, never a chain of years.
    const again = rollForward(document, { toYear: 2027, keepAmounts: false }).document;
    expect(again.previousYear?.year).toBe(2026);
    expect(JSON.stringify(again.previousYear)).not.toContain('previousYear');
    // A version-1 file (no snapshot) still opens; a saved snapshot survives reading.
    const { previousYear: _dropped, ...withoutSnapshot } = document;
    expect(readDocumentData({ ...withoutSnapshot, schemaVersion: 1 }).ok).toBe(true);
    const read = readDocumentData(JSON.parse(JSON.stringify(document)));
    expect(read.ok && read.document.previousYear).toEqual(document.previousYear);
  });

  it('lists the hand-checked differences between the seed and the edited 2026 copy', () => {
    const current = editedNextYear();
    const comparison = compareYears(current.previousYear!, current);
    expect(comparison.fromYear).toBe(2025);
    expect(comparison.toYear).toBe(2026);
    expect(comparison.moneyUnit).toBe('万元');
    const lines = comparison.projects.map((project) => [
      project.status,
      project.project,
      project.previousName ?? null,
      project.changes.map((change) =>
        [
          change.kind,
          change.subject,
          change.before,
          change.after,
          change.difference ?? null,
          change.rate ?? null,
        ].join(' | '),
      ),
    ]);
    expect(lines).toEqual([
      [
        'kept',
        '市机电技师学院安保和物业管理服务经费',
        null,
        // 62 / 638 = 9.7178…%
        ['amountChanged | 财政拨款 | 638.00 | 700.00 | 6200 | +9.72%'],
      ],
      [
        'kept',
        '市机电技师学院国家助学金补助资金项目',
        null,
        [
          // Two columns changed: 总计 comes first. 0.27 / 59.73 = 0.452…%; 9.73 / 59.73 = 16.290…%.
          'amountChanged | 总计 | 59.73 | 60.00 | 27 | +0.45%',
          'amountChanged | 财政拨款 | 59.73 | 50.00 | -973 | -16.29%',
          'amountChanged | 其他资金 | 0.00 | 10.00 | 1000 | ',
        ],
      ],
      [
        'kept',
        '广州市机电技师学院校园维护维修项目',
        null,
        [
          expect.stringMatching(
            /^goalChanged \| 年度目标 \| 通过本项目建设.*\| 完成校园排水管网和教学楼外墙维修，保障师生安全。 \| {2}\| $/su,
          ),
          'indicatorChanged | 产出指标 › 数量指标 › 项目工程量完成率 年度指标值 | 100% | ≥98% |  | ',
          'indicatorAdded | 满意度指标 › 服务对象满意度指标 › 师生满意度 |  | ≥90% |  | ',
          'indicatorDropped | 满意度指标 › 服务对象满意度指标 › 收到有效投诉数量 | 0 |  |  | ',
        ],
      ],
      [
        'kept',
        '广州市机电技师学院2026年-2027年校园信息化设备运维项目',
        // The 2025–2026 project, not the 2024–2025 one that has the same name without years.
        '广州市机电技师学院2025年-2026年校园信息化设备运维项目',
        // 2.75 / 69.25 = 3.971…%
        ['amountChanged | 财政拨款 | 69.25 | 72.00 | 275 | +3.97%'],
      ],
      ['added', '数控实训中心耗材补充项目', null, ['projectAdded | 总计 |  | 35.50 |  | ']],
      [
        'dropped',
        '市机电技师学院教学实训设备维修维护工作经费项目',
        null,
        ['projectDropped | 总计 | 160.00 |  |  | '],
      ],
      [
        'dropped',
        '广州市机电技师学院2024年-2025年校园信息化设备运维项目',
        null,
        ['projectDropped | 总计 | 3.12 |  |  | '],
      ],
    ]);
    // 14 last year − 2 dropped = 12 found again; 4 of them changed.
    expect(comparison.unchanged).toBe(8);
    expect(countChanges(comparison)).toEqual({
      projectAdded: 1,
      projectDropped: 2,
      amountChanged: 5,
      goalChanged: 1,
      indicatorAdded: 1,
      indicatorDropped: 1,
      indicatorChanged: 1,
    });
    // Ids point into this year's document, so the app can select the project.
    const [first] = comparison.projects;
    expect(first?.projectId).toBe(current.units[0]?.projects[0]?.id);
    expect(comparison.projects.at(-1)?.projectId).toBeUndefined();
  });

  it('compares against a file picked by the clerk, whatever its ids, spacing or money unit', () => {
    const inYuan: JixiaoDocument = {
      ...seed,
      moneyUnit: '元',
      units: seed.units.map((unit) => ({
        ...unit,
        name: ` ${unit.name} `,
        projects: unit.projects.map((project) => ({
          ...project,
          id: `${project.id}-x`,
          name: project.name.replace('市机电', '市 机电'),
          money: { ...project.money, fiscal: project.money.fiscal * 10000 },
        })),
      })),
    };
    const same = compareYears(snapshotOf(inYuan), seed);
    expect(same.projects).toEqual([]);
    expect(same.unchanged).toBe(14);
    expect(same.moneyUnit).toBe('元');
    // Amounts cleared by roll forward: every project goes to 0, by −100%.
    const cleared = rollForward(seed, { toYear: 2026, keepAmounts: false }).document;
    const comparison = compareYears(snapshotOf(seed), cleared);
    expect(comparison.projects).toHaveLength(14);
    expect(comparison.projects[0]?.changes).toEqual([
      {
        kind: 'amountChanged',
        column: 'fiscal',
        subject: '财政拨款',
        before: '638.00',
        after: '0.00',
        beforeAmount: 63800,
        afterAmount: 0,
        difference: -63800,
        rate: '-100.00%',
      },
    ]);
  });

  it('computes 增减率 on integers: rounded half away from zero, no float drift', () => {
    expect(changeRate(20000, 20001)).toBe('+0.01%');
    expect(changeRate(20000, 19999)).toBe('-0.01%');
    expect(changeRate(40000, 40001)).toBe('0.00%');
    expect(changeRate(300, 100)).toBe('-66.67%');
    expect(changeRate(10, 30)).toBe('+200.00%');
    // 0.1 + 0.2 style drift would show here: 0.30 → 0.33 is exactly +10%.
    expect(changeRate(30, 33)).toBe('+10.00%');
    expect(changeRate(0, 500)).toBeNull();
    expect(changeRate(900719925474099, 900719925474099 * 2 - 1)).toBe('+100.00%');
  });
});
