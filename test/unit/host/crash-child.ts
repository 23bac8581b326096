// Child process for the crash test: saves two versions of a document in turn, forever, until
// the parent kills it. Each completed save is announced on stdout.
import { writeDocumentFile } from '../../../electron/host/documentFile';
import type { JixiaoDocument } from '../../../shared/model';

const [path, versionsFile] = process.argv.slice(2) as [string, string];
const { readFileSync } = await import('node:fs');
const versions = JSON.parse(readFileSync(versionsFile, 'utf8')) as JixiaoDocument[];
let turn = Number(process.argv[4] ?? 0);
for (;;) {
  const version = versions[turn % versions.length] as JixiaoDocument;
  await writeDocumentFile(path, version);
  process.stdout.write(`saved ${turn % versions.length}\n`);
  turn += 1;
}
