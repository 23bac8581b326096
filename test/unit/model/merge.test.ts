import { describe, expect, it } from 'vitest';
import {
  SCHEMA_VERSION,
  documentSettingsSchema,
  mergeDocuments,
  type JixiaoDocument,
  type Project,
} from '../../../shared/model';

function project(id: string, name: string, fiscal: number): Project {
  return {
    id,
    name,
    money: { fiscal, specialAccount: 0, other: 0 },
    goals: { annual: `${name}目标` },
    indicators: [],
    raw: [],
  };
}

function document(moneyUnit: '万元' | '元', units: Array<[string, Project[]]>): JixiaoDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: '项目支出绩效目标表',
    department: '某局',
    fiscalYear: 2026,
    moneyUnit,
    frameworkId: 'gz-2025',
    settings: documentSettingsSchema.parse({}),
    units: units.map(([name, projects], index) => ({ id: `u${index}`, name, projects })),
  };
}

const target = document('万元', [
  ['甲学院', [project('p1', '实训设备购置', 10000), project('p2', '物业管理', 5000)]],
]);

describe('mergeDocuments', () => {
  it('adds new projects to the unit of the same name and new units at the end', () => {
    const incoming = document('万元', [
      ['甲学院', [project('x1', '教材建设', 300)]],
      ['乙中心', [project('x2', '培训', 100)]],
    ]);
    const { document: merged, duplicates } = mergeDocuments(target, incoming);
    expect(duplicates).toEqual([]);
    expect(merged.units.map((unit) => [unit.name, unit.projects.map((item) => item.name)])).toEqual(
      [
        ['甲学院', ['实训设备购置', '物业管理', '教材建设']],
        ['乙中心', ['培训']],
      ],
    );
    expect(target.units[0]?.projects).toHaveLength(2);
  });

  it('finds duplicates by name and applies keep both / replace / skip', () => {
    const incoming = document('万元', [
      ['甲 学院', [project('x1', '实训设备购置', 20000), project('x2', '物业管理', 7000)]],
    ]);
    const first = mergeDocuments(target, incoming);
    expect(first.duplicates).toEqual([
      { incomingProjectId: 'x1', targetProjectId: 'p1', unit: '甲学院', project: '实训设备购置' },
      { incomingProjectId: 'x2', targetProjectId: 'p2', unit: '甲学院', project: '物业管理' },
    ]);
    expect(first.document.units[0]?.projects).toHaveLength(4);
    const { document: merged, checks } = mergeDocuments(target, incoming, {
      resolutions: { x1: 'replace', x2: 'skip' },
    });
    expect(merged.units[0]?.projects.map((item) => [item.name, item.money.fiscal])).toEqual([
      ['实训设备购置', 20000],
      ['物业管理', 5000],
    ]);
    // A replaced project's amounts are a line to check, old → new; a skipped one changes none.
    expect(checks).toEqual([
      '单位「甲学院」项目「实训设备购置」替换后金额：财政拨款 100.00 → 200.00（万元）。',
    ]);
  });

  it('converts amounts exactly into the target unit and keeps what cannot convert', () => {
    const incoming = document('元', [
      ['乙中心', [project('x1', '培训', 12_340_000), project('x2', '零头', 123)]],
    ]);
    const { document: merged, notes, checks } = mergeDocuments(target, incoming);
    const projects = merged.units[1]?.projects ?? [];
    // 123,400.00 元 = 12.34 万元
    expect(projects[0]?.money.fiscal).toBe(1234);
    expect(projects[1]?.money.fiscal).toBe(0);
    expect(projects[1]?.raw[0]).toMatchObject({ text: '1.23 元' });
    expect(notes.some((note) => note.includes('换算为万元'))).toBe(true);
    // An amount set to 0 is a line to check, not a remark.
    expect(checks).toEqual([
      '项目「零头」的财政拨款 1.23 元 换算成万元会丢失数字，已按 0 计并保留原数，请手工填写。',
    ]);
  });

  it('converts the monitoring and self-evaluation amounts with the rest', () => {
    const colleague: Project = {
      ...project('x1', '培训', 12_340_000),
      yearBudget: {
        initial: { fiscal: 12_340_000, carryover: 0, other: 0 },
        adjusted: { fiscal: 12_340_000, carryover: 1_000_000, other: 0 },
      },
      monitoring: { asOf: '2026-07', executed: { fiscal: 6_170_000, carryover: 0, other: 0 } },
      evaluation: { executed: { fiscal: 12_000_000, carryover: 1_000_000, other: 123 } },
    };
    const { document: merged, checks } = mergeDocuments(
      target,
      document('元', [['乙中心', [colleague]]]),
    );
    const [incoming] = merged.units[1]?.projects ?? [];
    // 123,400.00 元 = 12.34 万元; 61,700.00 元 = 6.17 万元; 10,000.00 元 = 1.00 万元.
    expect(incoming?.yearBudget).toEqual({
      initial: { fiscal: 1234, carryover: 0, other: 0 },
      adjusted: { fiscal: 1234, carryover: 100, other: 0 },
    });
    expect(incoming?.monitoring?.executed).toEqual({ fiscal: 617, carryover: 0, other: 0 });
    // 1.23 元 is not a whole number of hundredths of 万元: 0, kept and listed, as for 财政拨款.
    expect(incoming?.evaluation?.executed).toEqual({ fiscal: 1200, carryover: 100, other: 0 });
    expect(incoming?.raw).toEqual([
      { text: '1.23 元', reason: '全年执行数其他资金换算成万元会丢失数字，按 0 计' },
    ]);
    expect(checks).toEqual([
      '项目「培训」的全年执行数其他资金 1.23 元 换算成万元会丢失数字，已按 0 计并保留原数，请手工填写。',
    ]);
    // The colleague's document is not changed.
    expect(colleague.monitoring?.executed?.fiscal).toBe(6_170_000);
  });
});
