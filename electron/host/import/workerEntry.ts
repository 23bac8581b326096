/**
 * The import worker's entry, bundled as its own file (out/main/importWorker.js,
 * out/cli/importWorker.js): one job per thread, bytes or pasted text in, a document and its
 * report out. Every step runs here, inside the limits the parent set on this thread: sniffing,
 * the zip guard, the container readers, the recognisers. The parent validates what comes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImport } from '../../../shared/import/pipeline';
import { readOffice } from './officeReaders';
import { readPdf } from './pdfReader';
import { warmUpPdfImport } from './pdfWarmUp';
import type { WorkerJob, WorkerReply } from './protocol';
import { refusalOf } from './refusalReply';

const port = parentPort;
const readers = { office: readOffice, pdf: readPdf };

// A standby worker loads pdf.js and reads a built-in table before any file arrives; a file that
// comes sooner waits for that to finish.
const warm = (workerData as { prewarm?: boolean } | null)?.prewarm
  ? warmUpPdfImport(readers)
  : Promise.resolve();

function reply(message: WorkerReply): void {
  port?.postMessage(message);
}

async function run(job: WorkerJob): Promise<void> {
  try {
    const result = await runImport(job, readers, (done, total) =>
      reply({ type: 'progress', done, total }),
    );
    reply({ type: 'done', result });
  } catch (error) {
    reply({ type: 'refused', ...refusalOf(error) });
  }
}

// The host starts one worker per job; tests reuse one for many (test/unit/import/fuzz-helpers.ts).
port?.on('message', (job: WorkerJob) => void warm.then(() => run(job)));
