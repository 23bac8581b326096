import { describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT_MS, SEED, flip, fuzzFixture, truncate, type Mutator } from './fuzz-helpers';

/** Overwrites a run of bytes inside the file's objects with PDF syntax that nests or never ends. */
const syntax: Mutator = (bytes, next) => {
  const out = bytes.slice();
  const token = new TextEncoder().encode(
    ['[[[[[[[[', '<<<<<<<<', '/JS (x)', ' 999999 0 R', 'endobj', '%%EOF', 'stream\n'][
      Math.floor(next() * 7)
    ] as string,
  );
  out.set(token, Math.floor(next() * Math.max(1, out.length - token.length)));
  return out;
};

describe(`fuzz .pdf: 200 mutated inputs (seed ${SEED})`, () => {
  it(
    'byte flips, truncation, spliced syntax: a document or a Chinese refusal, within limits',
    async () => {
      const outcome = await fuzzFixture(
        'pdf/form-national-midterm-docx.pdf',
        'x.pdf',
        [flip, truncate, syntax],
        {
          iterations: 200,
        },
      );
      expect(outcome.refused).toBeGreaterThan(0);
      expect(outcome.imported).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );
});
