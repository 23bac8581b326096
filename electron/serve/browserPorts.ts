import { randomUUID } from 'node:crypto';
import { constants, copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PRINT_PATH_PREFIX } from '../../shared/ipc/socket';
import { DOCUMENT_EXTENSION, readDocumentFile } from '../host/documentFile';
import { IMPORT_EXTENSIONS } from '../host/importFile';
import { PortRefusal, type DialogPort, type PrintPort } from '../host/ports';
import { currentCall } from './connection';
import { freePath, listDocuments, safeFileName } from './documentsFolder';
import type { PrintPages } from './printPages';

export interface BrowserPortOptions {
  /** Where documents are saved and listed (on the host, like the desktop's 文档 folder). */
  documentsDir: string;
  /** Temporary files: uploads being imported, exports on their way to the browser. */
  stagingDir: string;
  printPages: PrintPages;
}

const openAnswer = z
  .union([
    z.object({ source: z.literal('folder'), name: z.string().max(300) }).strict(),
    z
      .object({
        source: z.literal('upload'),
        name: z.string().max(300),
        data: z.string().max(96 * 1024 * 1024),
      })
      .strict(),
  ])
  .nullable();
const nameAnswer = z
  .object({ name: z.string().max(300) })
  .strict()
  .nullable();
const confirmAnswer = z.enum(['save', 'discard', 'cancel']);

/**
 * The browser shell's dialogs: the host asks the page that made the call, which shows its own
 * small dialogs. Uploaded documents are copied into the documents folder (so Save writes there,
 * with `.bak` and recent files as on the desktop); imports are read from a temporary copy;
 * exports are written to a temporary file and handed to the browser, which saves them.
 */
export function createBrowserDialogs(options: BrowserPortOptions): DialogPort {
  const { documentsDir, stagingDir } = options;

  async function stagingFolder(): Promise<string> {
    const folder = join(stagingDir, randomUUID());
    await mkdir(folder, { recursive: true });
    currentCall()?.cleanups.push(() => rm(folder, { recursive: true, force: true }));
    return folder;
  }

  async function upload(purpose: 'document' | 'import', name: string, data: string) {
    const safe =
      safeFileName(name) ?? (purpose === 'document' ? `未命名${DOCUMENT_EXTENSION}` : '表格');
    const staged = join(await stagingFolder(), safe);
    await writeFile(staged, Buffer.from(data, 'base64'));
    if (purpose === 'import') return staged;
    // A readable document joins the documents folder; a broken one is opened from the temporary
    // copy, so the host reports what is wrong and nothing lands in the folder.
    try {
      await readDocumentFile(staged);
    } catch {
      return staged;
    }
    await mkdir(documentsDir, { recursive: true });
    const target = await freePath(documentsDir, safe);
    await copyFile(staged, target, constants.COPYFILE_EXCL);
    return target;
  }

  return {
    async chooseOpenPath(purpose) {
      const call = currentCall();
      if (!call) return null;
      const documents = purpose === 'document' ? await listDocuments(documentsDir) : [];
      const { answer } = await call.connection.ask(
        {
          kind: 'open',
          purpose,
          folder: documentsDir,
          documents,
          accept: purpose === 'import' ? [...IMPORT_EXTENSIONS] : ['json'],
        },
        openAnswer,
        null,
      );
      if (!answer) return null;
      if (answer.source === 'upload') return upload(purpose, answer.name, answer.data);
      const name = safeFileName(answer.name);
      if (name === null || name !== answer.name) return null;
      const path = join(documentsDir, name);
      return (await stat(path).catch(() => null))?.isFile() ? path : null;
    },

    async chooseSavePath(suggestedName) {
      const call = currentCall();
      if (!call) return null;
      const existing = (await listDocuments(documentsDir)).map((entry) => entry.name);
      const { answer } = await call.connection.ask(
        { kind: 'save', suggestedName, folder: documentsDir, existing },
        nameAnswer,
        null,
      );
      const name = answer ? safeFileName(answer.name) : null;
      if (name === null) return null;
      await mkdir(documentsDir, { recursive: true });
      return join(documentsDir, name);
    },

    async chooseExportPath(suggestedName, extension) {
      const call = currentCall();
      if (!call) return null;
      // The browser printer makes no PDFs (its print dialog does): no file name to ask for.
      if (extension === 'pdf') return join(await stagingFolder(), 'unused.pdf');
      const { id, answer } = await call.connection.ask(
        { kind: 'export', suggestedName, extension },
        nameAnswer,
        null,
      );
      const name = answer ? safeFileName(answer.name) : null;
      if (name === null) return null;
      const path = join(await stagingFolder(), name);
      call.deliveries.push({ askId: id, path, name });
      return path;
    },

    async confirmUnsaved(fileName) {
      const call = currentCall();
      if (!call) return 'cancel';
      const { answer } = await call.connection.ask(
        { kind: 'confirm', fileName },
        confirmAnswer,
        'cancel',
      );
      return answer;
    },
  };
}

/** Printing in the browser shell: the page opens the print view and uses the browser's print. */
export function createBrowserPrinter(printPages: PrintPages): PrintPort {
  return {
    async print(html) {
      const call = currentCall();
      if (!call) return false;
      const id = printPages.add(html);
      try {
        const { answer } = await call.connection.ask(
          { kind: 'print', url: `${PRINT_PATH_PREFIX}${id}` },
          z.boolean(),
          false,
        );
        return answer;
      } finally {
        printPages.remove(id);
      }
    },
    async toPdf() {
      throw new PortRefusal(
        '浏览器版不能直接生成 PDF：请点「打印」，在浏览器的打印对话框中选择「另存为 PDF」。',
      );
    },
  };
}
