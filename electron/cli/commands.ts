import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkDocument, formatCheckReport, summarise } from '../../shared/rules';
import type { ExportFormat, ExportLayoutKind } from '../host/exportService';
import { importFromFile } from '../host/importFile';

/**
 * Exit codes: 0 done; 1 the checks found errors (check); 2 anything that stopped the command
 * (unreadable input, a file that cannot be written, bad usage), with a Chinese message.
 */
export const EXIT = { ok: 0, findings: 1, input: 2 } as const;

/** The arguments of the commands that read one file and may print JSON (check, inspect). */
export function fileAndJson(args: string[]): { file: string | undefined; json: boolean } {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  return { file: positionals[0], json: values.json };
}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Output goes to a terminal: control and bidi characters from documents are escaped. */
  terminal?: boolean;
  /** Records an unexpected error's details; returns where (shown to the clerk) or undefined. */
  log?(text: string): string | undefined;
}

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

const FORMATS = ['docx', 'xlsx', 'txt'] as const;
const LAYOUTS = ['disclosure', 'form', 'detail'] as const;

/** `jixiao export <doc> --to docx|xlsx|txt --layout disclosure|form|detail [--variant annual|midterm] [--year 2025] [-o out]`. */
export async function exportCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      layout: { type: 'string', default: 'disclosure' },
      variant: { type: 'string', default: 'annual' },
      output: { type: 'string', short: 'o' },
      year: { type: 'string' },
    },
  });
  const [file] = positionals;
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2200)) {
    io.stderr('jixiao：--year 应为 1990 到 2200 之间的年份，例如 --year 2025。\n');
    return EXIT.input;
  }
  const format = values.to as ExportFormat | undefined;
  const layout = values.layout as ExportLayoutKind;
  if (!file || !format || !FORMATS.includes(format) || !LAYOUTS.includes(layout)) {
    io.stderr(
      'jixiao：用法 jixiao export <文件> --to docx|xlsx|txt [--layout disclosure|form|detail] [--variant annual|midterm] [--year 年度] [-o 输出文件]\n',
    );
    return EXIT.input;
  }
  if (values.variant !== 'annual' && values.variant !== 'midterm') {
    io.stderr('jixiao：--variant 只能是 annual（年度）或 midterm（中期＋年度）。\n');
    return EXIT.input;
  }
  if (format === 'txt' && layout !== 'disclosure') {
    io.stderr('jixiao：文本导出只支持公开表格式（--layout disclosure）。\n');
    return EXIT.input;
  }
  const source = resolve(file);
  const imported = (await importFromFile(source)).document;
  const document = year === undefined ? imported : { ...imported, fiscalYear: year };
  // The writers (ExcelJS, docx) load only for an export: every other command starts without them.
  const { renderExport, writeExportFile } = await import('../host/exportService');
  const { midtermWarnings } = await import('../../shared/export');
  const bytes = await renderExport(document, { format, layout, variant: values.variant });
  if (layout === 'form' && values.variant === 'midterm') {
    for (const line of midtermWarnings(document)) io.stderr(`jixiao：请注意：${line}\n`);
  }
  const stem = basename(file)
    .replace(/\.jixiao\.json$/i, '')
    .replace(extname(file), '');
  const output = resolve(
    values.output ??
      `${stem}${{ disclosure: '', form: '-分项目表', detail: '-明细表' }[layout]}.${format}`,
  );
  await writeExportFile(output, bytes, [source]);
  io.stdout(`已导出：${output}（${Math.ceil(bytes.byteLength / 1024)} KB）\n`);
  return EXIT.ok;
}
