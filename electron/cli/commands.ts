import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, fileAndJson, oneFile, type Io } from './args';
import { checkDocument, formatCheckReport, summarise } from '../../shared/rules';
import {
  EXPORT_FORMATS,
  EXPORT_LAYOUTS,
  exportFileName,
  FORM_VARIANTS,
  type ExportFormat,
  type ExportLayoutKind,
  type FormVariant,
} from '../../shared/model';
import { backupPath } from '../host/durableFile';
import { importFromFile } from '../host/importFile';

export { EXIT, fileAndJson, type Io } from './args';

/** `jixiao check <file> [--json]`: exit 0 without errors, 1 with errors. */
export async function checkCommand(args: string[], io: Io): Promise<number> {
  const { file, json } = fileAndJson(args);
  if (!file) {
    io.stderr('jixiao：用法 jixiao check <文件> [--json]\n');
    return EXIT.input;
  }
  const { document } = await importFromFile(resolve(file));
  const findings = checkDocument(document);
  const summary = summarise(findings);
  if (json) {
    io.stdout(`${JSON.stringify({ ...summary, findings }, null, 2)}\n`);
  } else {
    io.stdout(formatCheckReport(document, findings));
  }
  return summary.errors > 0 ? EXIT.findings : EXIT.ok;
}

/**
 * `jixiao export <doc> --to docx|xlsx|txt --layout <layout> [--variant annual|midterm] [--year 2025]
 * [-o out]`. A stage layout of a document without stage data is exported as a blank form
 * (targets filled in) with the warnings on standard error.
 */
export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      layout: { type: 'string', default: 'disclosure' },
      variant: { type: 'string' },
      output: { type: 'string', short: 'o' },
      year: { type: 'string' },
    },
  });
  const file = oneFile(positionals);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2200)) {
    io.stderr('jixiao：--year 应为 1990 到 2200 之间的年份，例如 --year 2025。\n');
    return EXIT.input;
  }
  const format = values.to as ExportFormat | undefined;
  const layout = values.layout as ExportLayoutKind;
  if (!file || !format || !EXPORT_FORMATS.includes(format) || !EXPORT_LAYOUTS.includes(layout)) {
    io.stderr(
      `jixiao：用法 jixiao export <文件> --to ${EXPORT_FORMATS.join('|')} [--layout ${EXPORT_LAYOUTS.join('|')}] [--variant ${FORM_VARIANTS.join('|')}] [--year 年度] [-o 输出文件]\n`,
    );
    return EXIT.input;
  }
  const variant = (values.variant ?? 'annual') as FormVariant;
  if (!FORM_VARIANTS.includes(variant)) {
    io.stderr('jixiao：--variant 只能是 annual（年度）或 midterm（中期＋年度）。\n');
    return EXIT.input;
  }
  if (format === 'txt' && layout !== 'disclosure') {
    io.stderr('jixiao：文本导出只支持公开表格式（--layout disclosure）。\n');
    return EXIT.input;
  }
  // An option the chosen table has no place for is said, not silently passed over.
  if (values.variant !== undefined && layout !== 'form')
    io.stderr('jixiao：请注意：--variant 只用于分项目表（--layout form），这里不起作用。\n');
  if (year !== undefined && layout === 'detail')
    io.stderr('jixiao：请注意：明细表没有年度行，--year 不起作用。\n');
  const source = resolve(file);
  const imported = (await importFromFile(source)).document;
  const document = year === undefined ? imported : { ...imported, fiscalYear: year };
  // The writers (ExcelJS, docx) load only for an export: every other command starts without them.
  const { renderExport, writeExportFile } = await import('../host/exportService');
  const { allProjectsText, isStageLayout, midtermWarnings, stageWarnings } =
    await import('../../shared/export');
  const bytes = await renderExport(document, { format, layout, variant });
  const warnings =
    layout === 'form' && variant === 'midterm'
      ? midtermWarnings(document)
      : isStageLayout(layout)
        ? stageWarnings(document, layout)
        : [];
  for (const warning of warnings) {
    io.stderr(`jixiao：请注意：${warning.text}\n`);
    if (warning.projects) io.stderr(`  ${allProjectsText(warning.projects)}\n`);
  }
  const stem = basename(file)
    .replace(/\.jixiao\.json$/i, '')
    .replace(extname(file), '');
  const output = resolve(values.output ?? exportFileName(stem, layout, format));
  // A file already there is replaced, and kept as its .bak (durableFile): say so, a colleague's
  // form exported over went without a word.
  const replaced = existsSync(output);
  await writeExportFile(output, bytes, [source]);
  io.stdout(`已导出：${output}（${Math.ceil(bytes.byteLength / 1024)} KB）\n`);
  if (replaced) io.stdout(`已替换原有的文件，原文件保存为：${backupPath(output)}\n`);
  return EXIT.ok;
}
