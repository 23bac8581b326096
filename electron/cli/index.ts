import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeSource, type ImportReport } from '../../shared/import/report';
import { InvalidFileError } from '../host/durableAdapter';
import { DOCUMENT_EXTENSION, writeDocumentFile } from '../host/documentFile';
import { ImportFileError, importFromFile } from '../host/importFile';
import { summariseDocument } from './summary';

import { checkCommand, exportCommand, EXIT, fileAndJson, type Io } from './commands';

declare const JIXIAO_VERSION: string;

export { EXIT, type Io };

const HELP = `绩效目标表编辑器命令行工具 jixiao

用法：
  jixiao import <文件> -o <输出.jixiao.json>   导入表格，保存为文档并打印导入报告
  jixiao inspect <文件> [--json]               查看文档或可导入文件的内容摘要
  jixiao check <文件> [--json]                 按评审规则检查，输出中文报告或 JSON
  jixiao export <文件> --to docx|xlsx|txt [--layout disclosure|form|detail] [--variant annual|midterm]
               [--year 年度] [-o 输出]          导出公开表、分项目表或明细表（Word、Excel 或文本）；
                                               --year 设定表头的年度行（如 2025）
  jixiao --help                                显示本帮助
  jixiao --version                             显示版本号

<文件> 可以是本程序的文档（.jixiao.json），或往年的表格：Excel（.xlsx、.xls）、Word（.docx）、
从公开表复制的文本（.txt，制表符分隔）和 .csv（UTF-8 或 GBK）；公开表和分项目表两种格式都能识别。
退出码：0 成功；1 检查发现错误（check）；2 输入无法读取或参数有误（错误信息输出到标准错误）。
`;

const KIND_LABELS: Record<string, string> = {
  normalised: '已规范',
  raw: '原样保留',
  recovered: '已找回',
  warning: '请核对',
};

/** The import report as readable Chinese lines. */
export function formatReport(report: ImportReport): string {
  const { units, projects, indicators } = report.counts;
  const lines = [
    `格式：${report.format}`,
    `读取：${units} 个单位，${projects} 个项目，${indicators} 条指标`,
  ];
  if (report.entries.length === 0) lines.push('没有需要说明的情况。');
  for (const entry of report.entries) {
    const where = describeSource(entry.source);
    lines.push(
      `- [${KIND_LABELS[entry.kind] ?? entry.kind}]${where ? ` ${where}` : ''}${entry.project ? ` 「${entry.project}」` : ''} ${entry.message}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function load(file: string) {
  return importFromFile(resolve(file));
}

function inputError(io: Io, error: unknown): number {
  if (error instanceof ImportFileError || error instanceof InvalidFileError) {
    io.stderr(`jixiao：${error.message}\n`);
    return EXIT.input;
  }
  throw error;
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  });
  const [file] = positionals;
  if (!file || !values.output) {
    io.stderr('jixiao：用法 jixiao import <文件> -o <输出.jixiao.json>\n');
    return EXIT.input;
  }
  if (!values.output.toLowerCase().endsWith(DOCUMENT_EXTENSION)) {
    io.stderr(`jixiao：输出文件名应以 ${DOCUMENT_EXTENSION} 结尾。\n`);
    return EXIT.input;
  }
  try {
    const result = await load(file);
    await writeDocumentFile(resolve(values.output), result.document);
    io.stdout(formatReport(result.report));
    io.stdout(`已保存：${values.output}\n`);
    return EXIT.ok;
  } catch (error) {
    return inputError(io, error);
  }
}

async function inspectCommand(args: string[], io: Io): Promise<number> {
  const { file, json } = fileAndJson(args);
  if (!file) {
    io.stderr('jixiao：用法 jixiao inspect <文件> [--json]\n');
    return EXIT.input;
  }
  try {
    const { document } = await load(file);
    const summary = summariseDocument(document);
    if (json) {
      io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
      return EXIT.ok;
    }
    const lines = [
      summary.title,
      `部门名称：${summary.department}`,
      `年度：${summary.fiscalYear ?? '未知'}　单位：${summary.moneyUnit}　合计：${summary.total}`,
    ];
    for (const unit of summary.units) {
      lines.push(`${unit.name}　${unit.total}`);
      for (const project of unit.projects) {
        lines.push(`  ${project.name}　${project.total}　${project.indicators.length} 条指标`);
      }
    }
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT.ok;
  } catch (error) {
    return inputError(io, error);
  }
}

/** Runs the CLI on arguments (without `node` and the script path); returns the exit code. */
export async function runCli(args: string[], io: Io): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(HELP);
        return EXIT.ok;
      case '--version':
      case '-v':
        io.stdout(`${typeof JIXIAO_VERSION === 'string' ? JIXIAO_VERSION : 'dev'}\n`);
        return EXIT.ok;
      case 'import':
        return await importCommand(rest, io);
      case 'inspect':
        return await inspectCommand(rest, io);
      case 'check':
        return await checkCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      default:
        io.stderr(`jixiao：未知命令「${command}」。运行 jixiao --help 查看用法。\n`);
        return EXIT.input;
    }
  } catch (error) {
    if (error instanceof ImportFileError || error instanceof InvalidFileError)
      return inputError(io, error);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`jixiao：参数有误：${(error as Error).message}\n`);
      return EXIT.input;
    }
    throw error;
  }
}
