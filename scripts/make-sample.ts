// Regenerates resources/sample/guangzhou-2025.jixiao.json from the seed with the app's own
// importer: `npx tsx scripts/make-sample.ts`. test/unit/host/sample.test.ts proves the two agree.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sampleFromSeed, SEED_PATH } from './sample-source';

const root = join(import.meta.dirname, '..');
const target = join(root, 'resources/sample/guangzhou-2025.jixiao.json');
const document = sampleFromSeed(readFileSync(join(root, SEED_PATH), 'utf8'));
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(document, null, 1)}\n`);
console.log(`wrote ${target}`);
