import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  PAGE_NUMBER_FORMAT,
  printPageNumberAlign,
  type MarginPreset,
} from '../../../shared/export/html';
import { currentRegion, focusables, focusRegion, hasPendingFocus, trapTab } from '../focus';
import { printDocumentHtml } from '../../../shared/export/print';
import type { PrintOptions } from '../../../shared/ipc';
import type { JixiaoDocument } from '../../../shared/model';
import { api } from '../api';
import { FontNotice } from '../components/FontNotice';
import { fontNotes } from './fontCheck';
import { paginate, type Pagination } from './pagination';
import { PrintToolbar, type LayoutChoice, type MarginChoice } from './PrintToolbar';
import { printText } from './text';
import './printPreview.css';

export interface PrintPreviewProps {
  document: JixiaoDocument;
  /** The host's id of the open document: printing and PDF export refer to it. */
  documentId: string;
  onClose(): void;
}

interface Status {
  kind: 'info' | 'error';
  text: string;
}

const PX_PER_MM = 96 / 25.4;

function printOptions(choice: LayoutChoice, margins: MarginChoice): PrintOptions {
  const preset: { margins?: MarginPreset } = margins === 'layout' ? {} : { margins };
  if (choice === 'formAnnual' || choice === 'formMidterm') {
    return { layout: 'form', variant: choice === 'formMidterm' ? 'midterm' : 'annual', ...preset };
  }
  return { layout: choice, ...preset };
}

/**
 * 打印预览: the print document itself, paginated by Chromium and shown page by page, with the
 * table and margin choice, zoom, page count, 打印… and 导出 PDF…. The document is rendered in a
 * sandboxed frame (no scripts; same origin only so its pages can be counted and numbered).
 */
export function PrintPreview({ document, documentId, onClose }: PrintPreviewProps) {
  const [choice, setChoice] = useState<LayoutChoice>('disclosure');
  const [margins, setMargins] = useState<MarginChoice>('layout');
  const [zoom, setZoom] = useState(0.75);
  const [measured, setMeasured] = useState<{ html: string; pagination: Pagination } | null>(null);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);

  const options = useMemo(() => printOptions(choice, margins), [choice, margins]);
  const { html, layout } = useMemo(() => printDocumentHtml(document, options), [document, options]);
  const notes = useMemo(() => fontNotes(layout.fonts), [layout.fonts]);
  const paginated = useMemo(() => CSS.supports('column-wrap', 'wrap'), []);
  const initialWidth = useMemo(
    () =>
      Math.ceil(
        // A loop, not a spread: a form layout has a section per project (tens of thousands).
        layout.sections.reduce(
          (widest, section) => Math.max(widest, section.page.widthMm + 20),
          0,
        ) * PX_PER_MM,
      ),
    [layout],
  );

  // A measurement belongs to the document it was taken of; a new document shows none until loaded.
  const pagination = measured?.html === html ? measured.pagination : null;
  const measure = useCallback(() => {
    const contents = frame.current?.contentDocument;
    if (!contents?.body) return;
    const counted = paginate(contents, printPageNumberAlign(layout), PAGE_NUMBER_FORMAT);
    setMeasured({ html, pagination: counted });
  }, [html, layout]);

  // A full-window dialog in the focus model (focus.ts): it takes the focus on its first control,
  // keeps it (data-focus-trap), Tab wraps inside, and closing gives it back to where it was.
  const boxRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = boxRef.current;
    const region = currentRegion();
    if (box) (focusables(box)[0] ?? box).focus({ preventScroll: true });
    return () => {
      if (!box) return;
      box.removeAttribute('data-focus-trap');
      if (!hasPendingFocus()) focusRegion(region);
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && busy === null) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  async function run(kind: 'print' | 'pdf') {
    setBusy(kind);
    setStatus(null);
    const argument = { documentId, document, options };
    try {
      if (kind === 'print') {
        const result = await api().printDocument(argument);
        if (result.ok) setStatus({ kind: 'info', text: printText.printed });
        else if (result.code !== 'cancelled') setStatus({ kind: 'error', text: result.message });
      } else {
        const result = await api().exportPdf(argument);
        if (result.ok) {
          const kilobytes = Math.ceil(result.bytes / 1024);
          setStatus({ kind: 'info', text: printText.exported(result.fileName, kilobytes) });
        } else if (result.code !== 'cancelled') {
          setStatus({ kind: 'error', text: result.message });
        }
      }
    } finally {
      setBusy(null);
    }
  }

  const width = pagination?.width ?? initialWidth;
  const height = pagination?.height ?? 800;
  return (
    <div
      className="print-preview"
      role="dialog"
      aria-modal="true"
      aria-label={printText.title}
      data-focus-trap="dialog"
      tabIndex={-1}
      ref={boxRef}
      onKeyDown={(event) => trapTab(event.currentTarget, event)}
    >
      <PrintToolbar
        choice={choice}
        margins={margins}
        zoom={zoom}
        pages={pagination?.pages ?? null}
        busy={busy}
        onChoice={setChoice}
        onMargins={setMargins}
        onZoom={setZoom}
        onPrint={() => void run('print')}
        onExportPdf={() => void run('pdf')}
        onClose={onClose}
      />
      {(notes.length > 0 || !paginated || status || busy) && (
        <div className="print-preview-notes">
          {busy && (
            <p role="status">{busy === 'print' ? printText.printing : printText.exporting}</p>
          )}
          {status && (
            <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind}>
              {status.text}
            </p>
          )}
          {!paginated && <p className="warning">{printText.noPagination}</p>}
          {notes.length > 0 && <FontNotice fonts={layout.fonts} purpose="print" fallback={notes} />}
        </div>
      )}
      <div className="print-preview-scroll">
        <div
          className="print-preview-sizer"
          style={{ width: `${width * zoom}px`, height: `${height * zoom}px` }}
        >
          <iframe
            ref={frame}
            title={printText.title}
            className="print-preview-frame"
            sandbox="allow-same-origin"
            srcDoc={html}
            onLoad={measure}
            style={{
              width: `${width}px`,
              height: `${height}px`,
              transform: `scale(${zoom})`,
              visibility: pagination ? 'visible' : 'hidden',
            }}
          />
        </div>
      </div>
    </div>
  );
}
