import { describe, expect, it } from 'vitest';
import {
  ITERATIONS,
  SEED,
  corruptEntry,
  flip,
  fuzzFixture,
  fuzzThroughWorker,
  fuzzZipPackage,
  sector,
  truncate,
  FUZZ_TIMEOUT_MS,
} from './fuzz-helpers';

describe(`fuzz .xlsx and .xls: ${ITERATIONS} mutated inputs each (seed ${SEED})`, () => {
  it(
    'xlsx: byte flips, truncation, damaged zip entries',
    async () => {
      await fuzzZipPackage('form-national-midterm.xlsx', 'x.xlsx');
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'xls: byte flips, truncation, overwritten sectors',
    async () => {
      const outcome = await fuzzFixture('seed-libreoffice.xls', 'x.xls', [flip, truncate, sector]);
      expect(outcome.refused).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it.each([
    ['form-national-midterm.xlsx', 'x.xlsx', [flip, truncate, corruptEntry]],
    ['seed-libreoffice.xls', 'x.xls', [flip, truncate, sector]],
  ] as const)(
    '%s through importFromFile and a fresh worker each',
    async (file, name, mutators) => {
      await fuzzThroughWorker(file, name, mutators);
    },
    FUZZ_TIMEOUT_MS,
  );
});
