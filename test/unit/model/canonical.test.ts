/**
 * The fast document check (shared/model/canonical.ts) may only skip zod, never change its verdict:
 * whatever it accepts, zod accepts and returns unchanged (same keys in the same order, defaults
 * already there). Fed real documents and an import result, then thousands of mutations of them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTextTable } from '../../../shared/import/recognise';
import { importResultSchema, validImportResult } from '../../../shared/import/resultSchema';
import { canonicalCheck } from '../../../shared/model/canonical';
import {
  documentSchema,
  readDocumentData,
  snapshotOf,
  type JixiaoDocument,
} from '../../../shared/model';
import { generateDocument } from '../../bench/generate';
import { seededRandom } from '../../seededRandom';

const ROOT = join(import.meta.dirname, '../../..');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

/** Data as JSON text that also shows undefined values and key order. */
function shape(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item === undefined
      ? '«undefined»'
      : typeof item === 'number' && !Number.isFinite(item)
        ? `«${item}»`
        : item,
  );
}

/** A generated document carrying every optional part of the schema. */
function everything(): JixiaoDocument {
  const document = generateDocument(3, 5, 7);
  const [unit] = document.units;
  const project = unit?.projects[0];
  const indicator = project?.indicators[0];
  if (!project || !indicator) throw new Error('generated document is empty');
  project.yearBudget = { initial: { fiscal: 100, carryover: 0, other: 5 } };
  project.monitoring = { asOf: '2025-07', executed: { fiscal: 50, carryover: 0, other: 0 } };
  project.evaluation = { goalActual: '完成', budgetAnalysis: '无偏差' };
  indicator.monitoring = { toDate: '50%', likelihood: '确定能', causes: ['经费保障'] };
  indicator.evaluation = { actual: '96%', points: '10', notApplicable: false, grade: '达成' };
  return {
    ...document,
    settings: {
      ...document.settings,
      executionSchedule: [
        { month: 6, percent: 40 },
        { month: 10, percent: 80 },
      ],
    },
    scoring: {
      rulesId: 'central-2020',
      budgetPoints: '10',
      groupPoints: { 产出指标: '50' },
      rescaleNotApplicable: true,
    },
    previousYear: snapshotOf(document),
    targetAdjustments: [
      {
        id: 'adj-1',
        at: '2025-07-31T08:00:00.000Z',
        by: '张会计',
        stage: 'monitoring',
        changes: [
          {
            projectId: project.id,
            subject: project.name,
            field: '年度目标',
            before: 'a',
            after: 'b',
          },
        ],
      },
    ],
  };
}

/** A document as the program saves it: what zod returns, through JSON. */
function saved(data: unknown): unknown {
  return JSON.parse(JSON.stringify(documentSchema.parse(data)));
}

const CHIZHOU = readJson('test/fixtures/stage/chizhou-2022.jixiao.json');

const DOCUMENTS: Array<[string, unknown]> = [
  ['池州 2022 (监控与自评)', saved(CHIZHOU)],
  [
    '广州 2025 (version 1, migrated)',
    saved({
      ...(readJson('test/fixtures/model/guangzhou-2025.v1.jixiao.json') as object),
      schemaVersion: 2,
    }),
  ],
  ['generated, every optional part', saved(everything())],
];

const SEED_TEXT = readFileSync(
  join(ROOT, 'test/fixtures/seed-guangzhou-2025-jidian-disclosure.txt'),
  'utf8',
);

/** Odd values a damaged or hostile file might hold in place of any field. */
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  '≥',
  '2025-13',
  '12.345',
  '万元',
  '确定能',
  'monitoring',
  'x'.repeat(101),
  'x'.repeat(2001),
  'x'.repeat(4001),
  'x'.repeat(20_001),
  0,
  -1,
  1,
  2,
  1.5,
  85.5,
  101,
  1989,
  2201,
  Number.MAX_SAFE_INTEGER + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  [1],
  {},
];

type Path = Array<string | number>;

/** Every place in the data, as paths from the root. */
function paths(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...at, index], into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths(item, [...at, key], into);
  }
  return into;
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | null {
  let node = root as Record<string | number, unknown> | null;
  for (const key of path.slice(0, -1)) node = (node?.[key] ?? null) as typeof node;
  return node;
}

/** One random change at one random place: a value replaced, a key removed, added or moved. */
function mutate(data: unknown, random: () => number, places: Path[]): unknown {
  const copy = structuredClone(data);
  const path = places[Math.floor(random() * places.length)] as Path;
  const choice = random();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  if (path.length === 0) return choice < 0.5 ? pick(ODD_VALUES) : { ...(copy as object), extra: 1 };
  const parent = parentOf(copy, path);
  const key = path.at(-1) as string | number;
  if (parent === null || typeof parent !== 'object') return copy;
  if (choice < 0.6) {
    parent[key] = pick(ODD_VALUES);
  } else if (choice < 0.7 && !Array.isArray(parent)) {
    delete parent[key];
  } else if (choice < 0.8 && !Array.isArray(parent)) {
    // The same key moved last: only its order changes.
    const item = parent[key];
    delete parent[key];
    parent[key] = item;
  } else if (choice < 0.9) {
    const item = parent[key];
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      (item as Record<string, unknown>)[pick(['extra', 'text', 'note', 'raw', '__proto__'])] =
        pick(ODD_VALUES);
    } else if (Array.isArray(item)) {
      item.push(pick(ODD_VALUES));
    } else parent[key] = String(item);
  } else if (Array.isArray(parent)) {
    // A hole where an element was.
    delete parent[key as number];
  } else {
    parent[key] = undefined;
  }
  return copy;
}

describe('the fast document check never differs from zod', () => {
  const check = canonicalCheck(documentSchema);

  it.each(DOCUMENTS)(
    'takes the real document %s without zod, as zod would return it',
    (_, data) => {
      expect(check(data)).toBe(true);
      const parsed = documentSchema.safeParse(data);
      expect(parsed.success).toBe(true);
      expect(shape(parsed.data)).toBe(shape(data));
    },
  );

  it.each(DOCUMENTS)('accepts a mutation of %s only when zod accepts it unchanged', (_, data) => {
    const random = seededRandom(19);
    const places = paths(data);
    let fast = 0;
    let rejected = 0;
    for (let round = 0; round < 1500; round += 1) {
      const mutant = mutate(data, random, places);
      const parsed = documentSchema.safeParse(mutant);
      if (!parsed.success) rejected += 1;
      if (!check(mutant)) continue;
      fast += 1;
      expect(parsed.success, shape(mutant).slice(0, 300)).toBe(true);
      expect(shape(parsed.data)).toBe(shape(mutant));
    }
    // Both kinds were exercised: mutants the fast path took, and mutants zod refused.
    expect(fast).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(300);
  });

  it('gives the same Chinese message as before for a document zod refuses', () => {
    const data = structuredClone(DOCUMENTS[0]?.[1]) as JixiaoDocument;
    (data.units[0]?.projects[0]?.money as { fiscal: unknown }).fiscal = 1.5;
    const result = readDocumentData(data);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toBe(
        '文档内容不符合格式：第 1 个单位「池州市贵池区棠溪镇人民政府」 › 第 1 个项目「委托业务项目」 › 资金 › 财政拨款（应为整数）',
      );
    }
  });

  it('leaves a file with its keys in another order to zod, which reorders them', () => {
    // The fixture was written with 自评 before 监控 in each indicator.
    expect(check(CHIZHOU)).toBe(false);
    const result = readDocumentData(CHIZHOU);
    expect(result.ok && shape(result.document)).toBe(shape(documentSchema.parse(CHIZHOU)));
  });

  it('still fills in what zod adds (defaults) when a file leaves it out', () => {
    const data = structuredClone(DOCUMENTS[0]?.[1]) as Record<string, unknown>;
    delete data.settings;
    expect(check(data)).toBe(false);
    const result = readDocumentData(data);
    expect(result.ok && result.document.settings.satisfactionFloor).toBe(85);
  });
});

describe('the fast import-result check never differs from zod', () => {
  const check = canonicalCheck(importResultSchema);
  const result = importTextTable(SEED_TEXT, {});

  it("takes the recogniser's result of the seed table without zod", () => {
    expect(check(result)).toBe(true);
    expect(validImportResult(result)).toBe(result);
    expect(shape(importResultSchema.parse(result))).toBe(shape(result));
  });

  it('accepts a mutation of the result only when zod accepts it unchanged', () => {
    const random = seededRandom(20);
    const places = paths(result);
    let fast = 0;
    for (let round = 0; round < 1500; round += 1) {
      const mutant = mutate(result, random, places);
      const parsed = importResultSchema.safeParse(mutant);
      if (!check(mutant)) {
        // zod's verdict stands, copy and all.
        expect(validImportResult(mutant) === null).toBe(!parsed.success);
        continue;
      }
      fast += 1;
      expect(parsed.success).toBe(true);
      expect(shape(parsed.data)).toBe(shape(mutant));
    }
    expect(fast).toBeGreaterThan(50);
  });
});
