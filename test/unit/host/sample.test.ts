import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE } from '../../../electron/host/sample';
import { readDocumentData } from '../../../shared/model';
import { sampleFromSeed, SEED_PATH } from '../../../scripts/sample-source';

const ROOT = join(import.meta.dirname, '../../..');

describe('shipped sample document', () => {
  it('is exactly what the app imports from the seed today (regenerate with scripts/make-sample.ts)', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, SAMPLE_FILE), 'utf8'));
    const fresh = sampleFromSeed(readFileSync(join(ROOT, SEED_PATH), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(fresh)));
  });

  it('is a valid current document', () => {
    const result = readDocumentData(JSON.parse(readFileSync(join(ROOT, SAMPLE_FILE), 'utf8')));
    expect(result.ok).toBe(true);
  });
});
