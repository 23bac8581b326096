import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  adjustedBudget,
  executionRatio,
  formatRatioPercent,
  initialBudget,
  readDocumentData,
  SCHEMA_VERSION,
  stageMoneyTotal,
  type JixiaoDocument,
} from '../../../shared/model';

const ROOT = join(import.meta.dirname, '../../..');
/** The shipped sample exactly as version 1 of the program saved it. */
const SAMPLE_V1 = 'test/fixtures/model/guangzhou-2025.v1.jixiao.json';

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;
}

function open(data: unknown): JixiaoDocument {
  const result = readDocumentData(data);
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

/** A version-1 file written by hand the way a clerk's old file looks: 元, carryover, one indicator. */
const HAND_V1 = {
  schemaVersion: 1,
  title: '项目支出绩效目标表',
  department: '某区教育局',
  fiscalYear: 2024,
  moneyUnit: '元',
  frameworkId: 'central-2021',
  settings: {
    satisfactionFloor: 90,
    indicatorCountMin: 3,
    indicatorCountMax: 12,
    nameMaxLength: 80,
    valueMaxLength: 150,
  },
  units: [
    {
      id: 'u-a',
      name: '某中学',
      projects: [
        {
          id: 'p-a',
          name: '学生资助',
          code: '440101-24-001',
          attribute: '延续',
          money: { fiscal: 12345678, specialAccount: 0, other: 5000, carryover: 100 },
          goals: { annual: '按时足额发放资助金' },
          indicators: [
            {
              id: 'i-a',
              level1: '产出指标',
              level2: '数量指标',
              name: '资助学生人数',
              period: { sign: '≥', value: '300', unit: '人' },
              annual: { sign: '≥', value: '300', unit: '人', text: '300人以上' },
              note: '以名单为准',
            },
          ],
          raw: [{ text: '备注：另行下达', reason: '无法归入任何栏目', source: { line: 12 } }],
        },
      ],
    },
  ],
};

describe('schema version 2 migration', () => {
  it('opens the version-1 sample with every field unchanged, as version 2', () => {
    const v1 = readJson(SAMPLE_V1);
    expect(v1.schemaVersion).toBe(1);
    const result = readDocumentData(v1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(SCHEMA_VERSION).toBe(2);
    const { schemaVersion, ...rest } = JSON.parse(JSON.stringify(result.document)) as Record<
      string,
      unknown
    >;
    const { schemaVersion: oldVersion, ...oldRest } = v1;
    expect(schemaVersion).toBe(2);
    expect(oldVersion).toBe(1);
    expect(rest).toEqual(oldRest);
  });

  it('opens a hand-made version-1 file unchanged, money and kept text included', () => {
    const document = open(structuredClone(HAND_V1));
    expect(document.schemaVersion).toBe(2);
    expect(JSON.parse(JSON.stringify(document))).toEqual({ ...HAND_V1, schemaVersion: 2 });
    const project = document.units[0]!.projects[0]!;
    expect(project.monitoring).toBeUndefined();
    expect(project.indicators[0]!.evaluation).toBeUndefined();
  });

  it('the shipped sample is saved as version 2 and equals the migrated version-1 sample', () => {
    const shipped = readJson('resources/sample/guangzhou-2025.jixiao.json');
    expect(shipped.schemaVersion).toBe(2);
    expect(open(shipped)).toEqual(open(readJson(SAMPLE_V1)));
  });

  it('refuses a file from a newer program with a Chinese message and leaves the data alone', () => {
    const newer = { ...HAND_V1, schemaVersion: 3, somethingNew: { a: 1 } };
    const before = JSON.stringify(newer);
    const result = readDocumentData(newer);
    expect(result).toMatchObject({ ok: false, code: 'newer-version' });
    if (result.ok) return;
    expect(result.message).toMatch(/^此文件由较新版本的程序保存（格式版本 3/);
    expect(result.message).toContain('请升级');
    expect(result.message).not.toMatch(/[A-Za-z]{4,}/);
    expect(JSON.stringify(newer)).toBe(before);
  });
});

const STAGED = {
  ...HAND_V1,
  schemaVersion: 2,
  scoring: { rulesId: 'central-2020', groupPoints: { 产出指标: '60', 效益指标: '20' } },
  units: [
    {
      ...HAND_V1.units[0]!,
      projects: [
        {
          ...HAND_V1.units[0]!.projects[0]!,
          yearBudget: { adjusted: { fiscal: 12000000, carryover: 345678, other: 5000 } },
          monitoring: {
            asOf: '2024-07',
            executed: { fiscal: 7000000, carryover: 0, other: 0 },
            goalProgress: '已发放春季学期资助',
          },
          evaluation: {
            executed: { fiscal: 11990000, carryover: 345678, other: 5000 },
            goalActual: '全年资助312人',
          },
          indicators: [
            {
              ...HAND_V1.units[0]!.projects[0]!.indicators[0]!,
              monitoring: {
                toDate: '180人',
                forecast: '312人',
                likelihood: '确定能',
                causes: ['经费保障', '其他'],
                causeText: '秋季名单未定',
                corrective: '九月复核名单',
              },
              evaluation: { actual: '312人', points: '20', analysis: '' },
            },
          ],
        },
      ],
    },
  ],
};

describe('stage data (schema 2)', () => {
  it('round-trips a version-2 file with monitoring and self-evaluation data', () => {
    const first = open(structuredClone(STAGED));
    const again = open(JSON.parse(JSON.stringify(first)));
    expect(again).toEqual(first);
    expect(JSON.parse(JSON.stringify(again))).toEqual(STAGED);
  });

  it('derives 年初预算数 from the target table and 执行率 from the adjusted budget, exactly', () => {
    const document = open(structuredClone(STAGED));
    const project = document.units[0]!.projects[0]!;
    expect(stageMoneyTotal(initialBudget(project))).toBe(12345678 + 5000);
    expect(stageMoneyTotal(adjustedBudget(project))).toBe(12350678);
    const ratio = executionRatio(project, project.evaluation?.executed);
    expect(ratio).toEqual({ numerator: 12340678, denominator: 12350678 });
    expect(formatRatioPercent(ratio!)).toBe('99.92%');
    expect(formatRatioPercent(executionRatio(project, project.monitoring?.executed)!)).toBe(
      '56.68%',
    );
    expect(formatRatioPercent({ numerator: 1, denominator: 3 })).toBe('33.33%');
    expect(formatRatioPercent({ numerator: 2, denominator: 3 })).toBe('66.67%');
  });

  it('names a bad stage value in Chinese, with where it is', () => {
    const bad = structuredClone(STAGED) as unknown as {
      units: Array<{
        projects: Array<{ indicators: Array<{ monitoring: { likelihood: string } }> }>;
      }>;
    };
    bad.units[0]!.projects[0]!.indicators[0]!.monitoring.likelihood = '大概';
    const result = readDocumentData(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('第 1 个项目「学生资助」');
    expect(result.message).toContain('完成目标可能性');
    expect(result.message).toContain('确定能、有可能、完全不可能');

    const badDate = structuredClone(STAGED);
    badDate.units[0]!.projects[0]!.monitoring.asOf = '七月';
    const dated = readDocumentData(badDate);
    expect(dated.ok).toBe(false);
    if (!dated.ok) expect(dated.message).toMatch(/监控时点.*应为“年-月”或“年-月-日”/);
  });
});
