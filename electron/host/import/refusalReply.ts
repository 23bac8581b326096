/**
 * What the import says when a job fails, in Chinese with the engine's text kept for the log:
 * the same words whether the job ran in the worker (workerEntry.ts) or in the command line's own
 * process (inProcess.ts).
 */
import { ImportRefusal, type RefusalCode } from '../../../shared/import/refusal';
import { ImportError } from '../../../shared/import/report';

export interface Refused {
  message: string;
  code: RefusalCode;
  /** Engine text for the log, never shown. */
  detail?: string;
}

/** The refusal for an error thrown while importing. */
export function refusalOf(error: unknown): Refused {
  if (error instanceof ImportRefusal) {
    return {
      message: error.message,
      code: error.code,
      ...(error.detail ? { detail: error.detail } : {}),
    };
  }
  if (error instanceof ImportError) return { message: error.message, code: 'invalid-document' };
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const overflow = error instanceof RangeError;
  return {
    message: overflow
      ? '文件的结构过于复杂（嵌套过深或内容过多），无法读取。'
      : '读取文件时出错，无法导入。请用 Office 或 WPS 打开确认后另存一份再导入。',
    code: 'invalid-document',
    detail,
  };
}
