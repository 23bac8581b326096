import { printText } from './text';

export type LayoutChoice =
  'disclosure' | 'formAnnual' | 'formMidterm' | 'monitoring' | 'self-evaluation' | 'stage-summary';
export type MarginChoice = 'layout' | 'official' | 'compact';

const LAYOUTS: readonly LayoutChoice[] = [
  'disclosure',
  'formAnnual',
  'formMidterm',
  'monitoring',
  'self-evaluation',
  'stage-summary',
];
const MARGINS: readonly MarginChoice[] = ['layout', 'official', 'compact'];
const ZOOMS: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2];

export interface PrintToolbarProps {
  choice: LayoutChoice;
  margins: MarginChoice;
  zoom: number;
  /** Page count, or null while the preview is being paginated. */
  pages: number | null;
  busy: 'print' | 'pdf' | null;
  onChoice(choice: LayoutChoice): void;
  onMargins(margins: MarginChoice): void;
  onZoom(zoom: number): void;
  onPrint(): void;
  onExportPdf(): void;
  onClose(): void;
}

/** The preview's controls: table, margins, zoom, page count, 打印…, 导出 PDF…, 关闭. */
export function PrintToolbar(props: PrintToolbarProps) {
  const { choice, margins, zoom, pages, busy } = props;
  const ready = pages !== null && busy === null;
  return (
    <div className="print-preview-toolbar" role="toolbar" aria-label={printText.title}>
      <strong className="print-preview-title">{printText.title}</strong>
      <label>
        {printText.layoutLabel}
        <select
          value={choice}
          onChange={(event) => props.onChoice(event.target.value as LayoutChoice)}
        >
          {LAYOUTS.map((value) => (
            <option key={value} value={value}>
              {printText.layouts[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {printText.marginLabel}
        <select
          value={margins}
          onChange={(event) => props.onMargins(event.target.value as MarginChoice)}
        >
          {MARGINS.map((value) => (
            <option key={value} value={value}>
              {printText.margins[value]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {printText.zoomLabel}
        <select value={zoom} onChange={(event) => props.onZoom(Number(event.target.value))}>
          {ZOOMS.map((value) => (
            <option key={value} value={value}>
              {Math.round(value * 100)}%
            </option>
          ))}
        </select>
      </label>
      <span className="print-preview-pages" aria-live="polite">
        {pages === null ? printText.measuring : printText.pageCount(pages)}
      </span>
      <span className="print-preview-spacer" />
      <button type="button" className="primary" disabled={!ready} onClick={props.onPrint}>
        {printText.print}
      </button>
      <button type="button" disabled={!ready} onClick={props.onExportPdf}>
        {printText.exportPdf}
      </button>
      <button type="button" disabled={busy !== null} onClick={props.onClose}>
        {printText.close}
      </button>
    </div>
  );
}
