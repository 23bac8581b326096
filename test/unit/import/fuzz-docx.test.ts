import { describe, it } from 'vitest';
import {
  ITERATIONS,
  SEED,
  corruptEntry,
  flip,
  fuzzThroughWorker,
  fuzzZipPackage,
  truncate,
  FUZZ_TIMEOUT_MS,
} from './fuzz-helpers';

describe(`fuzz .docx: ${ITERATIONS} mutated inputs (seed ${SEED})`, () => {
  it(
    'byte flips, truncation, damaged zip entries',
    async () => {
      await fuzzZipPackage('form-annual-yuan.docx', 'x.docx');
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'through importFromFile and a fresh worker each',
    async () => {
      await fuzzThroughWorker('form-annual-yuan.docx', 'x.docx', [flip, truncate, corruptEntry]);
    },
    FUZZ_TIMEOUT_MS,
  );
});
