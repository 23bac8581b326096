import { importDisclosureText } from '../shared/import/disclosure';
import { withSequentialIds, type JixiaoDocument } from '../shared/model';

/** The seed, relative to the project root (shared/ sits beside the project). */
export const SEED_PATH = 'test/fixtures/seed-guangzhou-2025-jidian-disclosure.txt';

/** The sample document: the seed through the app's own importer, ids numbered in order. */
export function sampleFromSeed(seedText: string): JixiaoDocument {
  const { document } = importDisclosureText(seedText, { fiscalYear: 2025 });
  return withSequentialIds(document);
}
