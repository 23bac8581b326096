/**
 * What the print view prints: the same layouts the Word and Excel exports use, chosen the same
 * way, rendered to the print HTML. Shared by the host (print, PDF) and the renderer (preview), so
 * the preview shows exactly the document that is printed.
 */
import type { JixiaoDocument } from '../model';
import { disclosureLayout } from './disclosureLayout';
import { formLayout } from './formLayout';
import { layoutToHtml, type MarginPreset } from './html';
import type { Layout, LayoutFontOptions, StageLayoutKind } from './layout';
import { isStageLayout, stageLayout } from './stageLayouts';

/** Which table to print, as the export dialog offers it, plus the margin preset. */
export interface PrintChoice {
  layout: 'disclosure' | 'form' | StageLayoutKind;
  /** Per-project form variant: 年度 only, or 中期 + 年度. */
  variant?: 'annual' | 'midterm';
  margins?: MarginPreset;
  fonts?: LayoutFontOptions;
}

/** The layout a print choice renders. */
export function printLayout(document: JixiaoDocument, choice: PrintChoice): Layout {
  const fonts = choice.fonts ? { fonts: choice.fonts } : {};
  if (isStageLayout(choice.layout)) return stageLayout(document, choice.layout, fonts);
  return choice.layout === 'form'
    ? formLayout(document, { variant: choice.variant ?? 'annual', ...fonts })
    : disclosureLayout(document, fonts);
}

/** The print document of a choice and the orientation its first page prints in. */
export function printDocumentHtml(
  document: JixiaoDocument,
  choice: PrintChoice,
): { html: string; landscape: boolean; layout: Layout } {
  const layout = printLayout(document, choice);
  const margins = choice.margins ? { margins: choice.margins } : {};
  return {
    html: layoutToHtml(layout, margins),
    landscape: layout.sections[0]?.page.orientation === 'landscape',
    layout,
  };
}
