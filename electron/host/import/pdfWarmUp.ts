/**
 * What a standby import worker does before any file arrives: it loads pdf.js and reads a
 * one-page table of its own (pdfWarmUpData.ts, printed by LibreOffice) through the whole
 * pipeline a few times. V8 compiles a function the first time it runs and optimises it after
 * many runs; a worker that has read a table already reads the clerk's file in about two thirds
 * of the time (test/bench/import.bench.ts). The clerk's file still gets a worker no other file
 * has used: only this built-in table came before it.
 */
import { runImport, type ContainerReaders } from '../../../shared/import/pipeline';
import { WARM_UP_PDF_BASE64 } from './pdfWarmUpData';
import { loadPdfJs } from './pdfReader';

/** Reads of the built-in table: the first compiles, the next ones give the optimiser its runs. */
const WARM_UP_READS = 4;

/** Loads pdf.js and reads the built-in table; never fails (a failure only means a colder read). */
export async function warmUpPdfImport(readers: ContainerReaders): Promise<void> {
  try {
    await loadPdfJs();
    const bytes = new Uint8Array(Buffer.from(WARM_UP_PDF_BASE64, 'base64'));
    for (let read = 0; read < WARM_UP_READS; read += 1) {
      await runImport(
        { bytes: bytes.slice(), fileName: 'warm-up.pdf', options: {}, maxEntryBytes: bytes.length },
        readers,
      );
    }
  } catch {
    // The file the clerk chose is read all the same.
  }
}
