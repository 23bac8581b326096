/**
 * Shared by the import tests that read the seed in another form: the tab-separated seed's result
 * and the comparison every other form must pass (same document, same report apart from the
 * entries the form itself explains).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { summariseDocument } from '../../../electron/cli/summary';
import { importDisclosureText, type ImportEntry, type ImportResult } from '../../../shared/import';
import { documentSchema, withSequentialIds } from '../../../shared/model';

export const ROOT = join(import.meta.dirname, '../../..');
export const seed = readFileSync(
  join(ROOT, 'test/fixtures/seed-guangzhou-2025-jidian-disclosure.txt'),
  'utf8',
);
export const fromText = importDisclosureText(seed);

/** Sources name lines instead of cells, so they differ by design; everything else must not. */
export function withoutSources<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, item) => (key === 'source' ? undefined : item)),
  ) as T;
}

export const described = (entries: readonly ImportEntry[]) =>
  entries.map((entry) => [entry.kind, entry.project, entry.message]);

/**
 * Same document and the same report as the tab-separated seed, read as `format`, apart from one
 * entry matching each of `extra`.
 */
export function expectSameAsSeed(result: ImportResult, format: string, extra: RegExp[] = []): void {
  expect(documentSchema.safeParse(result.document).success).toBe(true);
  expect(result.report.format).toBe(format);
  expect(withoutSources(withSequentialIds(result.document))).toEqual(
    withoutSources(withSequentialIds(fromText.document)),
  );
  expect(summariseDocument(result.document)).toEqual(summariseDocument(fromText.document));
  expect(result.report.counts).toEqual({ units: 1, projects: 14, indicators: 89 });
  const own = result.report.entries.filter((entry) =>
    extra.some((pattern) => pattern.test(entry.message)),
  );
  expect(own).toHaveLength(extra.length);
  expect(described(result.report.entries.filter((entry) => !own.includes(entry)))).toEqual(
    described(fromText.report.entries),
  );
}
