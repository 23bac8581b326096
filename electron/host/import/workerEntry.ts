/**
 * The import worker's entry, bundled as its own file (out/main/importWorker.js,
 * out/cli/importWorker.js): one job per thread, bytes or pasted text in, a document and its
 * report out. Every step runs here, inside the limits the parent set on this thread: sniffing,
 * the zip guard, the container readers, the recognisers. The parent validates what comes back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runImport } from '../../../shared/import/pipeline';
import { ImportRefusal } from '../../../shared/import/refusal';
import { ImportError } from '../../../shared/import/report';
import { readOffice } from './officeReaders';
import { readPdf } from './pdfReader';
import { warmUpPdfImport } from './pdfWarmUp';
import type { WorkerJob, WorkerReply } from './protocol';

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
    if (error instanceof ImportRefusal) {
      reply({
        type: 'refused',
        message: error.message,
        code: error.code,
        ...(error.detail ? { detail: error.detail } : {}),
      });
    } else if (error instanceof ImportError) {
      reply({ type: 'refused', message: error.message, code: 'invalid-document' });
    } else {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const overflow = error instanceof RangeError;
      reply({
        type: 'refused',
        message: overflow
          ? '文件的结构过于复杂（嵌套过深或内容过多），无法读取。'
          : '读取文件时出错，无法导入。请用 Office 或 WPS 打开确认后另存一份再导入。',
        code: 'invalid-document',
        detail,
      });
    }
  }
}

// The host starts one worker per job; tests reuse one for many (test/unit/import/fuzz-helpers.ts).
port?.on('message', (job: WorkerJob) => void warm.then(() => run(job)));
