/** Print: the system print dialog and the PDF export, for documents still open. */
import { failure, type Arguments, type Results } from '../../../shared/ipc';
import { exportPdf, printDocument } from '../printService';
import type { HostContext } from './context';

export function printService({ ports, sessions }: HostContext) {
  return {
    async print({
      documentId,
      document,
      options,
    }: Arguments['printDocument']): Promise<Results['printDocument']> {
      if (!sessions.has(documentId)) return failure('not-found', '该文档已关闭，无法打印。');
      return printDocument(ports.printer, document, options);
    },

    async exportPdf({
      documentId,
      document,
      options,
    }: Arguments['exportPdf']): Promise<Results['exportPdf']> {
      if (!sessions.has(documentId)) return failure('not-found', '该文档已关闭，无法导出。');
      return exportPdf(ports.printer, ports.dialogs, document, options);
    },
  };
}
