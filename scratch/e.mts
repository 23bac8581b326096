import { readFileSync } from 'node:fs';
import { readDocumentFile } from '../electron/host/documentFile';
import { renderExport } from '../electron/host/exportService';
const { document } = await readDocumentFile('resources/sample/guangzhou-2025.jixiao.json');
for (const format of ['docx', 'xlsx'] as const) {
  const t = performance.now();
  const bytes = await renderExport(document, { format, layout: 'disclosure' } as never);
  console.log(format, bytes.byteLength, Math.round(performance.now() - t));
}
