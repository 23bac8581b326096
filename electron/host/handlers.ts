/**
 * The host's handlers: one line per channel, mapping it to the service that does the work
 * (electron/host/services/: documents, import, export, print, recovery, app). Plain functions
 * over injected ports, so tests call exactly what main calls. Errors come back as result codes
 * with Chinese messages, never as thrown exceptions.
 */
import type { Arguments, InvokeName, Results } from '../../shared/ipc';
import type { HostPorts } from './ports';
import { appService } from './services/app';
import { createContext } from './services/context';
import { documentService } from './services/documents';
import { exportService } from './services/exports';
import { importService } from './services/imports';
import { printService } from './services/print';
import { recoveryService } from './services/recovery';
import { stagingService } from './services/staging';

/** One handler per channel, taking the already validated argument. */
export type Handlers = { [K in InvokeName]: (argument: Arguments[K]) => Promise<Results[K]> };

export function createHandlers(ports: HostPorts): Handlers {
  const context = createContext(ports);
  const app = appService(context);
  const documents = documentService(context);
  const imports = importService(context);
  const exporting = exportService(context);
  const print = printService(context);
  const recovery = recoveryService(context);
  const staging = stagingService(context);
  return {
    getAppInfo: () => app.info(),
    getLayout: () => app.layout(),
    setLayout: ({ panelWidth }) => app.setLayout(panelWidth),
    listFonts: () => app.fonts(),
    confirmUnsaved: ({ fileName }) => app.confirmUnsaved(fileName),
    closeWindow: () => app.closeWindow(),

    listRecent: () => documents.listRecent(),
    newDocument: () => documents.create(),
    openDocument: () => documents.open(),
    openRecent: ({ recentId }) => documents.openRecent(recentId),
    openSample: () => documents.openSample(),
    openStartup: () => documents.openStartup(),
    stageDocument: async (argument) => staging.stage(argument),
    saveDocument: async (argument) => {
      const carried = staging.documentFor(argument);
      return carried.ok ? documents.save(argument.documentId, carried.document) : carried;
    },
    saveDocumentAs: async (argument) => {
      const carried = staging.documentFor(argument);
      return carried.ok ? documents.saveAs(argument.documentId, carried.document) : carried;
    },
    closeDocument: ({ documentId }) => documents.close(documentId),

    importFile: () => imports.importFile(),
    importText: ({ text }) => imports.importText(text),
    cancelImport: () => imports.cancel(),

    exportDocument: (argument) => exporting.exportDocument(argument),
    exportCheckReport: ({ documentId, document }) =>
      exporting.exportCheckReport(documentId, document),
    showExported: (argument) => exporting.showExported(argument),
    printDocument: (argument) => print.print(argument),
    exportPdf: (argument) => print.exportPdf(argument),

    writeRecovery: (argument) => recovery.write(argument),
    clearRecovery: ({ documentId }) => recovery.clear(documentId),
    listRecovery: () => recovery.list(),
    restoreRecovery: ({ recoveryId }) => recovery.restore(recoveryId),
    discardRecovery: ({ recoveryId }) => recovery.discard(recoveryId),
  };
}
