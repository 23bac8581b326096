import { describe, expect, it } from 'vitest';
import {
  ITERATIONS,
  SEED,
  corruptEntry,
  flip,
  fuzzFixture,
  fuzzThroughWorker,
  truncate,
} from './import-fuzz-helpers';

describe(`fuzz .docx: ${ITERATIONS} mutated inputs (seed ${SEED})`, () => {
  it('byte flips, truncation, damaged zip entries', async () => {
    const outcome = await fuzzFixture(
      'form-annual-yuan.docx',
      'x.docx',
      [flip, truncate, corruptEntry, corruptEntry],
      { office: true },
    );
    expect(outcome.imported).toBeGreaterThan(0);
    expect(outcome.refused).toBeGreaterThan(0);
  });

  it('through importFromFile and a fresh worker each', async () => {
    await fuzzThroughWorker('form-annual-yuan.docx', 'x.docx', [flip, truncate, corruptEntry]);
  });
});
