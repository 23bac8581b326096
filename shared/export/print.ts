/**
 * What the print view prints: the same layouts the Word and Excel exports use, chosen the same
 * way, rendered to the print HTML. Shared by the host (print, PDF) and the renderer (preview), so
 * the preview shows exactly the document that is printed.
 */
import type { FormVariant, JixiaoDocument, PrintLayoutKind } from '../model';
import { layoutToHtml, type MarginPreset } from './html';
import type { Layout, LayoutFontOptions } from './layout';
import { buildLayout } from './layouts';

/** Which table to print, as the export dialog offers it, plus the margin preset. */
export interface PrintChoice {
  layout: PrintLayoutKind;
  variant?: FormVariant;
  margins?: MarginPreset;
  fonts?: LayoutFontOptions;
}

/** The print document of a choice and the orientation its first page prints in. */
export function printDocumentHtml(
  document: JixiaoDocument,
  choice: PrintChoice,
): { html: string; landscape: boolean; layout: Layout } {
  const layout = buildLayout(document, choice);
  const margins = choice.margins ? { margins: choice.margins } : {};
  return {
    html: layoutToHtml(layout, margins),
    landscape: layout.sections[0]?.page.orientation === 'landscape',
    layout,
  };
}
