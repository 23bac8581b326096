/**
 * Documents staged for a Save in parts (stageDocument), so the window never copies a whole
 * document at once; the save then names the transfer. See services/documentParts.ts.
 */
import { failure, type Arguments, type Failure, type Results } from '../../../shared/ipc';
import type { JixiaoDocument } from '../../../shared/model';
import type { HostContext } from './context';
import { DocumentParts } from './documentParts';

export function stagingService({ sessions }: HostContext) {
  const isOpen = (id: string) => sessions.get(id) !== undefined;
  const parts = new DocumentParts(isOpen);
  /** The last complete transfer of each document, until a save takes it. */
  const ready = new Map<string, { transfer: string; document: JixiaoDocument }>();
  return {
    stage({
      documentId,
      transfer,
      part,
      parts: count,
      text,
    }: Arguments['stageDocument']): Results['stageDocument'] {
      if (!isOpen(documentId)) return failure('not-found', '该文档已关闭，无法保存。');
      for (const id of ready.keys()) if (!isOpen(id)) ready.delete(id);
      const receipt = parts.receive({ documentId, transfer, part, parts: count, text });
      if (receipt.kind === 'refused') {
        return failure('invalid-argument', '要保存的内容分段编号不对，没有保存。请重试。');
      }
      if (receipt.kind === 'pending') return { ok: true };
      if (!receipt.document) {
        return failure(
          'invalid-argument',
          '要保存的内容不是有效的文档，没有保存，原文件未被改动。请运行“检查”后重试。',
        );
      }
      ready.set(documentId, { transfer, document: receipt.document });
      return { ok: true };
    },

    /**
     * What a save carries: its own document, or the staged transfer it names (taken once).
     * A failure when the transfer did not arrive whole.
     */
    documentFor(
      argument: Arguments['saveDocument'],
    ): { ok: true; document: JixiaoDocument } | Failure {
      if ('document' in argument) return { ok: true, document: argument.document };
      const staged = ready.get(argument.documentId);
      if (!staged || staged.transfer !== argument.staged) {
        return failure('invalid-argument', '要保存的内容没有完整送到，没有保存。请重试。');
      }
      ready.delete(argument.documentId);
      return { ok: true, document: staged.document };
    },
  };
}
