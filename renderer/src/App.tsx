import { useEffect } from 'react';
import { runCommand } from './commands';
import { ContextMenu } from './components/ContextMenu';
import { PropertiesDialog, RecoveryDialog } from './components/Dialogs';
import { DocumentView } from './components/DocumentView';
import { ExportDialog, ProgressOverlay } from './components/ExportDialog';
import { Welcome } from './components/Welcome';
import { ImportDialog } from './importFlow/ImportDialog';
import { PasteImportDialog } from './importFlow/PasteImportDialog';
import { usePasteStore } from './importFlow/pasteStore';
import { PrintPreview } from './print/PrintPreview';
import { handleCloseRequest, startUp } from './documentFiles';
import { zhCN } from './i18n/zh-CN';
import { ImportProgress } from './importFlow/ImportProgress';
import { listenForShortcuts } from './keyboard';
import { trackFocus } from './focus';
import { loadLayout } from './layoutSettings';
import { RollForwardDialog } from './components/RollForwardDialog';
import { CompareView } from './components/CompareView';
import { Notice } from './components/Notice';
import { notify, useAppStore } from './store';
import { UNSAVED_EVENT } from '../../shared/ipc/channels';
import { flushRecovery } from './recovery';
import { watchPending } from './pendingEdits';

/** Composes the window: the welcome screen or the open document, dialogs and the notice line. */
export function App() {
  const current = useAppStore((state) => state.current);
  const notice = useAppStore((state) => state.notice);
  const exportDialog = useAppStore((state) => state.exportDialog);
  const progress = useAppStore((state) => state.progress);
  const overlay = useAppStore((state) => state.overlay);
  const contextMenu = useAppStore((state) => state.contextMenu);
  const recoveryOffer = useAppStore((state) => state.recoveryOffer);
  const importFlow = useAppStore((state) => state.importFlow);
  const pasting = usePasteStore((state) => state.open);

  useEffect(() => {
    if (!window.jixiao) {
      notify({ kind: 'error', text: zhCN.errors.noHost });
      return;
    }
    // Menu commands that arrive while the first document is still loading wait for it.
    const started = startUp();
    const unsubscribe = [
      window.jixiao.onMenuCommand((command) => void started.then(() => runCommand(command))),
      window.jixiao.onCloseRequested(() => void handleCloseRequest()),
      listenForShortcuts(),
      trackFocus(),
    ];
    void loadLayout();
    return () => unsubscribe.forEach((stop) => stop());
  }, []);

  const fileName = current?.fileName;
  const dirty = current?.dirty;
  useEffect(() => {
    const name = fileName ? `${dirty ? '● ' : ''}${fileName} - ` : '';
    document.title = `${name}${zhCN.appName}`;
  }, [fileName, dirty]);
  // The browser shell asks before its tab closes while this is true (shared/ipc/channels.ts):
  // changes not yet saved, or typing not yet confirmed in a cell or a field.
  // Told outside React: an edit beginning must not render the application again.
  useEffect(() => {
    let typing = false;
    const report = () => {
      const unsaved = useAppStore.getState().current?.dirty === true || typing;
      window.dispatchEvent(new CustomEvent(UNSAVED_EVENT, { detail: unsaved }));
    };
    const stopWatching = watchPending((now) => {
      typing = now;
      report();
    });
    const stopStore = useAppStore.subscribe((state, before) => {
      if (state.current?.dirty !== before.current?.dirty) report();
    });
    report();
    return () => {
      stopWatching();
      stopStore();
    };
  }, []);
  // A window put away (another tab, minimised) gets its autosave now, not after the delay.
  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') flushRecovery();
    };
    document.addEventListener('visibilitychange', hidden);
    return () => document.removeEventListener('visibilitychange', hidden);
  }, []);

  return (
    <div className="app">
      {current ? <DocumentView current={current} /> : <Welcome />}
      {notice ? <Notice notice={notice} /> : null}
      {pasting ? <PasteImportDialog /> : null}
      <ImportProgress />
      {importFlow?.stage === 'dialog' ? (
        <ImportDialog opened={importFlow.opened} merge={importFlow.merge} />
      ) : null}
      {exportDialog && current ? <ExportDialog format={exportDialog} /> : null}
      {overlay === 'properties' && current ? (
        <PropertiesDialog document={current.document} />
      ) : null}
      {overlay === 'rollForward' && current ? (
        <RollForwardDialog fromYear={current.document.fiscalYear} />
      ) : null}
      {overlay === 'compare' && current ? <CompareView document={current.document} /> : null}
      {overlay === 'print' && current ? (
        <PrintPreview
          document={current.document}
          documentId={current.documentId}
          onClose={() => useAppStore.setState({ overlay: null })}
        />
      ) : null}
      {contextMenu && current ? <ContextMenu x={contextMenu.x} y={contextMenu.y} /> : null}
      {recoveryOffer.length > 0 ? <RecoveryDialog entries={recoveryOffer} /> : null}
      {progress ? <ProgressOverlay text={progress} /> : null}
    </div>
  );
}
