import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDisclosureText } from '../../../shared/import';
import {
  documentAmounts,
  documentSchema,
  indicatorSchema,
  projectSchema,
  rollForward,
  type JixiaoDocument,
} from '../../../shared/model';

const SEED = join(import.meta.dirname, '../../fixtures/seed-guangzhou-2025-jidian-disclosure.txt');
const seed: JixiaoDocument = {
  ...importDisclosureText(readFileSync(SEED, 'utf8')).document,
  fiscalYear: 2025,
};

describe('rollForward (复制上年)', () => {
  it('keeps units, projects, goals and indicators, clears amounts and records the source year', () => {
    const before = JSON.stringify(seed);
    const { document } = rollForward(seed, { toYear: 2026, keepAmounts: false });
    expect(JSON.stringify(seed)).toBe(before);
    expect(documentSchema.safeParse(document).success).toBe(true);
    expect(document.fiscalYear).toBe(2026);
    expect(document.sourceYear).toBe(2025);
    expect(documentAmounts(document).total).toBe(0);
    const names = (doc: JixiaoDocument) =>
      doc.units.flatMap((unit) =>
        unit.projects.map((project) => [
          project.name,
          project.goals.annual,
          project.indicators.map((i) => i.name),
        ]),
      );
    expect(names(document)).toEqual(names(seed));
    const ids = (doc: JixiaoDocument) =>
      doc.units.flatMap((unit) => unit.projects.map((project) => project.id));
    expect(ids(document).some((id) => ids(seed).includes(id))).toBe(false);
  });

  it('keeps amounts when asked', () => {
    const { document } = rollForward(seed, { toYear: 2026, keepAmounts: true });
    expect(documentAmounts(document).total).toBe(479193);
  });

  it('lists year numbers for review and rewrites none', () => {
    const { document, review } = rollForward(seed, { toYear: 2026, keepAmounts: false });
    const project = document.units[0]?.projects.find((item) => item.name.includes('2024年-2025年'));
    expect(project?.name).toBe('广州市机电技师学院2024年-2025年校园信息化设备运维项目');
    const forProject = review.filter((item) => item.where.projectId === project?.id);
    expect(
      forProject.filter((item) => item.where.field === 'project').map((item) => item.year),
    ).toEqual([2024, 2025]);
    expect(review.every((item) => item.text.includes(String(item.year)))).toBe(true);
    expect(review.some((item) => item.where.field === 'goal')).toBe(true);
    expect(review[0]?.where.label).toMatch(/^单位「广州市机电技师学院」› 项目「/u);
  });

  it('flags a project period that ended before the new year', () => {
    const unit = seed.units[0]!;
    const ended = {
      ...seed,
      units: [
        { ...unit, projects: [{ ...unit.projects[0]!, periodStart: 2024, periodEnd: 2025 }] },
      ],
    };
    const { review } = rollForward(ended, { toYear: 2026, keepAmounts: false });
    expect(review.find((item) => item.where.field === 'projectPeriod')).toMatchObject({
      year: 2025,
    });
  });
});

describe('rollForward and last year’s 监控/自评 data', () => {
  it('starts the new year without last year’s execution, actual values or grades', () => {
    const staged = structuredClone(seed);
    const project = staged.units[0]!.projects[0]!;
    project.yearBudget = { adjusted: { fiscal: 60000, carryover: 0, other: 0 } };
    project.monitoring = { asOf: '2025-07', executed: { fiscal: 30000, carryover: 0, other: 0 } };
    project.evaluation = {
      executed: { fiscal: 59000, carryover: 0, other: 0 },
      goalActual: '完成',
    };
    project.indicators[0]!.monitoring = { toDate: '50%', causes: ['其他'] };
    project.indicators[0]!.evaluation = { actual: '98%', analysis: '略有偏差' };
    staged.scoring = { rulesId: 'central-2020', budgetPoints: '20' };
    const { document } = rollForward(staged, { toYear: 2026, keepAmounts: true });
    const next = document.units[0]!.projects[0]!;
    expect(next.name).toBe(project.name);
    expect(next.money).toEqual(project.money);
    expect(next.yearBudget).toBeUndefined();
    expect(next.monitoring).toBeUndefined();
    expect(next.evaluation).toBeUndefined();
    expect(next.indicators[0]!.name).toBe(project.indicators[0]!.name);
    expect(next.indicators[0]!.monitoring).toBeUndefined();
    expect(next.indicators[0]!.evaluation).toBeUndefined();
    expect(document.scoring).toEqual(staged.scoring);
    expect(staged.units[0]!.projects[0]!.evaluation?.goalActual).toBe('完成');
  });

  it('starts the new year without last year’s 目标调整 records; the old document keeps them', () => {
    const adjusted = structuredClone(seed);
    const project = adjusted.units[0]!.projects[0]!;
    const indicator = project.indicators[1]!;
    adjusted.targetAdjustments = [
      {
        id: 'adj-2025',
        at: '2025-12-20T09:00:00.000Z',
        by: '李会计',
        stage: 'evaluation',
        reason: '年中预算调整',
        changes: [
          {
            projectId: project.id,
            indicatorId: indicator.id,
            subject: indicator.name,
            field: '年度指标值',
            before: '90%',
            after: '≥88%',
          },
        ],
      },
    ];
    const before = JSON.stringify(adjusted);
    const { document } = rollForward(adjusted, { toYear: 2026, keepAmounts: true });
    expect(document.targetAdjustments).toBeUndefined();
    expect(documentSchema.safeParse(document).success).toBe(true);
    expect(JSON.stringify(adjusted)).toBe(before);
  });

  it('decides for every field of a document whether the new year keeps it', () => {
    // A field added to the document must be placed here: kept (the table and its settings) or
    // left with last year (a record of that year). The kept ones reach the new year unchanged.
    const kept: Array<keyof JixiaoDocument> = [
      'schemaVersion',
      'title',
      'department',
      'moneyUnit',
      'frameworkId',
      'settings',
      'scoring',
    ];
    const renewed = ['fiscalYear', 'sourceYear', 'previousYear', 'units'];
    const lastYears = ['targetAdjustments'];
    expect(Object.keys(documentSchema.shape).sort()).toEqual(
      [...kept, ...renewed, ...lastYears].sort(),
    );
    const full: JixiaoDocument = {
      ...structuredClone(seed),
      sourceYear: 2024,
      scoring: { rulesId: 'central-2020' },
      targetAdjustments: [
        {
          id: 'adj',
          at: '2025-07-01T00:00:00.000Z',
          by: '李会计',
          stage: 'monitoring',
          changes: [],
        },
      ],
    };
    const { document } = rollForward(full, { toYear: 2026, keepAmounts: false });
    for (const key of kept) expect(document[key]).toEqual(full[key]);
    for (const key of lastYears) expect(document).not.toHaveProperty(key);
    expect(document.previousYear?.year).toBe(2025);
  });

  it('decides the same for every field of a project and an indicator', () => {
    // The last-year ones are left out by rollForward (the 监控/自评 test above shows it).
    const project = {
      kept: ['name', 'code', 'supervisor', 'implementer', 'attribute', 'goals', 'raw'],
      // 项目期 stays: an ended one is listed for review, never changed.
      period: ['periodStart', 'periodEnd'],
      renewed: ['id', 'money', 'periodMoney', 'indicators'],
      lastYears: ['yearBudget', 'monitoring', 'evaluation'],
    };
    expect(Object.keys(projectSchema.shape).sort()).toEqual(Object.values(project).flat().sort());
    const indicator = {
      kept: ['level1', 'level2', 'name', 'period', 'annual', 'note'],
      renewed: ['id'],
      lastYears: ['monitoring', 'evaluation'],
    };
    expect(Object.keys(indicatorSchema.shape).sort()).toEqual(
      Object.values(indicator).flat().sort(),
    );
  });
});
