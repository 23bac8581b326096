/**
 * The one registry of layouts: the Word and Excel exports, the print view, the CLI and the
 * renderer's preview all build a layout here. Light on purpose (no writer): the renderer's
 * preview imports it.
 *
 * A new layout registers in LAYOUT_BUILDERS below and by name in shared/model/exportRequest.ts
 * (EXPORT_LAYOUTS, LAYOUT_NAMES); the type checker points at every place that must know it.
 */
import {
  compareYears,
  type ExportLayoutKind,
  type FormVariant,
  type JixiaoDocument,
} from '../model';
import { changesLayout } from './changesLayout';
import { detailLayout } from './detailLayout';
import { disclosureLayout } from './disclosureLayout';
import { formLayout } from './formLayout';
import type { Layout, LayoutFontOptions, LayoutOptions } from './layout';

/** Which table to draw: the layout, the form variant and the fonts chosen in the settings. */
export interface LayoutChoice {
  layout: ExportLayoutKind;
  variant?: FormVariant;
  fonts?: LayoutFontOptions;
}

type LayoutBuilder = (
  document: JixiaoDocument,
  choice: LayoutChoice,
  options: LayoutOptions,
) => Layout;

/** Each layout's builder, by the name an export request gives it. */
const LAYOUT_BUILDERS: Readonly<Record<ExportLayoutKind, LayoutBuilder>> = {
  disclosure: (document, _choice, options) => disclosureLayout(document, options),
  form: (document, choice, options) =>
    formLayout(document, { variant: choice.variant ?? 'annual', ...options }),
  detail: (document, _choice, options) => detailLayout(document, options),
  changes: (document, _choice, options) => {
    // exportPlan refuses a document without 上年数据 with a message first.
    if (!document.previousYear) throw new Error('no previousYear');
    return changesLayout(compareYears(document.previousYear, document), document, options);
  },
};

/** Builds the one layout model every writer (and the print view) renders. */
export function buildLayout(document: JixiaoDocument, choice: LayoutChoice): Layout {
  return LAYOUT_BUILDERS[choice.layout](
    document,
    choice,
    choice.fonts ? { fonts: choice.fonts } : {},
  );
}
