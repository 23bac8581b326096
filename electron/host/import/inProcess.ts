/**
 * Text and CSV read in the calling process, for the command line: it is a process of its own
 * with no window to keep responsive, and the worker's start-up and the copy of its result back
 * would cost more than reading the text. Only the project's own recognisers run here (no package
 * reader, no zip); the result is validated by the caller exactly as a worker's is. The app keeps
 * every import in the worker.
 */
import { runImport, type ContainerReaders } from '../../../shared/import/pipeline';
import type { WorkerJob } from './protocol';
import { refusalOf } from './refusalReply';
import { WorkerFailure } from './worker';

/** Text never reaches a container reader; if it did, the job is refused, not run here. */
const NO_READERS: ContainerReaders = {
  office: () => Promise.reject(new Error('Office 读取只在导入进程中运行')),
  pdf: () => Promise.reject(new Error('PDF 读取只在导入进程中运行')),
};

/** Runs a text or CSV job here; rejects with WorkerFailure (`refused`) as the worker would. */
export async function runTextHere(job: WorkerJob): Promise<unknown> {
  try {
    return await runImport(job, NO_READERS);
  } catch (error) {
    const refused = refusalOf(error);
    throw new WorkerFailure(refused.message, 'refused', refused.code, refused.detail);
  }
}
