// Writes test/fixtures/seed-cell-lines.txt: the seed as copied out of a PDF viewer, one cell a
// line (see scripts/cellLinesFixture.ts and test/fixtures/README.md).
// Run: npx tsx scripts/make-cell-lines-fixture.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCellLines } from './cellLinesFixture';

const ROOT = join(import.meta.dirname, '..');
const seed = readFileSync(
  join(ROOT, 'test/fixtures/seed-guangzhou-2025-jidian-disclosure.txt'),
  'utf8',
);
writeFileSync(
  join(ROOT, 'test/fixtures/seed-cell-lines.txt'),
  toCellLines(seed, { pageNumbers: true, repeatHeader: true }),
);
