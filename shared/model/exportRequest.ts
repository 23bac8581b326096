/**
 * What an export is asked for, in one vocabulary for the IPC contract, the CLI and the renderer:
 * the file formats, the layouts (the tables a document can be printed as) and the one rule for
 * an export's file name. The layouts themselves are built in shared/export/plan.ts.
 *
 * A new layout registers here (EXPORT_LAYOUTS and LAYOUT_NAMES) and in shared/export/plan.ts
 * (its builder); the type checker points at every place that must know it.
 */
import { z } from 'zod';
import type { JixiaoDocument } from './document';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `detail`: the flat 明细表, one indicator per row (Excel); `changes`: the 变动说明 of the
 * document against the 上年数据 it carries (`previousYear`).
 */
export const EXPORT_LAYOUTS = ['disclosure', 'form', 'detail', 'changes'] as const;
export type ExportLayoutKind = (typeof EXPORT_LAYOUTS)[number];

/** Per-project form variant: 年度 only, or 中期 + 年度 side by side. */
export const FORM_VARIANTS = ['annual', 'midterm'] as const;
export type FormVariant = (typeof FORM_VARIANTS)[number];

/** Each layout's name as file names and messages say it. */
export const LAYOUT_NAMES: Readonly<Record<ExportLayoutKind, string>> = {
  disclosure: '公开表',
  form: '分项目表',
  detail: '明细表',
  changes: '变动说明',
};

/** What an export writes: format, layout and form variant. */
export const exportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    layout: z.enum(EXPORT_LAYOUTS),
    variant: z.enum(FORM_VARIANTS).optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Characters Windows, macOS or Linux refuse in a file name. */
const UNSAFE_NAME = /[\\/:*?"<>|]/g;

/**
 * A document's file-name stem: its title led by the year when the title lacks it
 * (`2025年<标题>`), characters no file system accepts replaced.
 */
export function documentFileStem(document: JixiaoDocument): string {
  const title = (document.title || '绩效目标表').replace(UNSAFE_NAME, '_');
  const year = document.fiscalYear;
  return `${year && !title.includes(String(year)) ? `${year}年` : ''}${title}`;
}

/** The one rule for an export's file name: `<stem>（公开表）.docx`. */
export function exportFileName(stem: string, layout: ExportLayoutKind, extension: string): string {
  return `${stem}（${LAYOUT_NAMES[layout]}）.${extension}`;
}
