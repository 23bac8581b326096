/**
 * What a standby import worker does before any file arrives: it loads pdf.js and reads two
 * small tables of its own (pdfWarmUpData.ts: printed by LibreOffice and by Chromium, whose PDFs
 * take different paths through pdf.js) through the whole pipeline a few times. V8 compiles a
 * function the first time it runs and optimises it after many runs; a worker that has read them
 * reads the seed's PDF in about two thirds of the worker time (LibreOffice's print) or seven
 * eighths (Chromium's). The clerk's file still gets a worker no other file has used: only these
 * built-in tables came before it.
 */
import { runImport, type ContainerReaders } from '../../../shared/import/pipeline';
import { WARM_UP_PDFS_BASE64 } from './pdfWarmUpData';
import { loadPdfJs } from './pdfReader';

/** Reads of each built-in table: the first compiles, the next ones give the optimiser its runs. */
const WARM_UP_READS = 4;

/** Loads pdf.js and reads the built-in tables; never fails (a failure only means a colder read). */
export async function warmUpPdfImport(readers: ContainerReaders): Promise<void> {
  const files = WARM_UP_PDFS_BASE64.map((base64) => new Uint8Array(Buffer.from(base64, 'base64')));
  await loadPdfJs().catch(() => undefined);
  for (let read = 0; read < WARM_UP_READS; read += 1) {
    for (const bytes of files) {
      await runImport(
        { bytes: bytes.slice(), fileName: 'warm-up.pdf', options: {}, maxEntryBytes: bytes.length },
        readers,
      ).catch(() => undefined);
    }
  }
}
