import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DOCUMENT_EXTENSION, writeDocumentFile } from '../host/documentFile';
import { importFromFile } from '../host/importFile';
import { EXIT, fileAndJson, oneFile, type Io } from './args';
import { escapeForTerminal, expectedFailure } from './io';
import { formatReport } from './report';
import { SERVE_HELP, serveCommand } from './serve';
import { outlineDocument, summariseDocument } from './summary';

declare const JIXIAO_VERSION: string;

export { EXIT, formatReport, type Io };

const HELP = `绩效目标表编辑器命令行工具 jixiao

用法：
  jixiao import <文件> -o <输出.jixiao.json>   导入表格，保存为文档并打印导入报告
  jixiao inspect <文件> [--json]               查看文档或可导入文件的内容摘要
  jixiao check <文件> [--json]                 按评审规则检查，输出中文报告或 JSON
  jixiao export <文件> --to docx|xlsx|txt [--layout disclosure|form|detail|monitoring|self-evaluation|stage-summary]
               [--variant annual|midterm] [--year 年度] [-o 输出文件]
                                               导出公开表、分项目表或明细表（Word、Excel 或文本）；
                                               monitoring 绩效目标执行监控表、self-evaluation 绩效自评表
                                               （每个项目一页，得分由评分规则计算）、stage-summary 监控与
                                               自评汇总表；没有监控或自评数据时导出空白表并提示；
                                               --year 设定表头的年度行（如 2025）
  jixiao merge <文件…> -o <输出.jixiao.json> [--duplicates keep-both|skip|replace]
                                               把多个单位或学校的表格合并成一张部门表
  jixiao merge-stage <文档> <已填的监控表或自评表> [-o <输出.jixiao.json>]
                                               把已填写的绩效运行监控表或自评表（Excel、Word、PDF）
                                               的数据按项目和指标名称并入文档，列出未匹配、被替换
                                               和与计算结果不同的执行率、得分；不加 -o 时保存回原文档
  jixiao roll-forward <文件> --year <年度> -o <输出.jixiao.json> [--keep-amounts]
                                               复制上年：生成新年度的表格，列出需要核对的年份
  jixiao compare [<上年文件>] <本年文件> [--to txt|docx|xlsx] [-o 输出文件]
                                               与上年对比：新增和减少的项目、金额增减额和增减率、
                                               目标和指标的变动；默认输出中文文本，docx/xlsx 为
                                               变动说明表。只给本年文件时，使用“新建下一年度”
                                               保存在文档中的上年数据
${SERVE_HELP}
  jixiao --help                                显示本帮助
  jixiao --version                             显示版本号

<文件> 可以是本程序的文档（.jixiao.json），或往年的表格：Excel（.xlsx、.xls）、Word（.docx）、
PDF（.pdf）、从公开表复制的文本（.txt，制表符分隔）和 .csv（UTF-8 或 GBK）；公开表、分项目表、
明细表，以及已填写的绩效运行监控表和自评表都能识别。
退出码：0 成功；1 检查发现错误（check）；2 输入无法读取、文件无法写入或参数有误（中文说明输出到标准错误）。
`;

async function load(file: string) {
  return importFromFile(resolve(file));
}

async function importCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  });
  const file = oneFile(positionals);
  if (!file || !values.output) {
    io.stderr('jixiao：用法 jixiao import <文件> -o <输出.jixiao.json>\n');
    return EXIT.input;
  }
  if (!values.output.toLowerCase().endsWith(DOCUMENT_EXTENSION)) {
    io.stderr(`jixiao：输出文件名应以 ${DOCUMENT_EXTENSION} 结尾。\n`);
    return EXIT.input;
  }
  const result = await load(file);
  // The report comes first: a clerk sees what was read even when the save then fails.
  io.stdout(formatReport(result.report));
  await writeDocumentFile(resolve(values.output), result.document);
  io.stdout(`已保存：${values.output}\n`);
  return EXIT.ok;
}

async function inspectCommand(args: string[], io: Io): Promise<number> {
  const { file, json } = fileAndJson(args);
  if (!file) {
    io.stderr('jixiao：用法 jixiao inspect <文件> [--json]\n');
    return EXIT.input;
  }
  const { document } = await load(file);
  if (json) {
    io.stdout(`${JSON.stringify(summariseDocument(document), null, 2)}\n`);
    return EXIT.ok;
  }
  const summary = outlineDocument(document);
  const lines = [
    summary.title,
    `部门名称：${summary.department}`,
    `年度：${summary.fiscalYear ?? '未知'}　单位：${summary.moneyUnit}　合计：${summary.total}`,
  ];
  for (const unit of summary.units) {
    lines.push(`${unit.name}　${unit.total}`);
    for (const project of unit.projects) {
      lines.push(`  ${project.name}　${project.total}　${project.indicators} 条指标`);
    }
  }
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

type Command = (args: string[], io: Io) => Promise<number>;

/**
 * Every command by name; a new command is one line here and one in HELP. Each is loaded when it
 * runs, so a command starts without the code of the others (the rules, scoring, comparison).
 */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  import: () => Promise.resolve(importCommand),
  inspect: () => Promise.resolve(inspectCommand),
  check: async () => (await import('./commands')).checkCommand,
  export: async () => (await import('./commands')).exportCommand,
  merge: async () => (await import('./combine')).mergeCommand,
  'merge-stage': async () => (await import('./stageMerge')).mergeStageCommand,
  'roll-forward': async () => (await import('./combine')).rollForwardCommand,
  compare: async () => (await import('./compare')).compareCommand,
  serve: () => Promise.resolve(serveCommand),
};

/** Output that escapes control and bidi characters when it goes to a terminal. */
function safeIo(io: Io): Io {
  if (!io.terminal) return io;
  return {
    ...io,
    stdout: (text) => io.stdout(escapeForTerminal(text)),
    stderr: (text) => io.stderr(escapeForTerminal(text)),
  };
}

/** Chinese for an unexpected error; its details go to the log, never to the clerk's screen. */
function unexpected(io: Io, command: string | undefined, error: unknown): number {
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const place = io.log?.(`jixiao ${command ?? ''}: ${details}`);
  io.stderr(
    `jixiao：处理时发生意外错误，命令没有完成${place ? `，详细信息已记录在「${place}」` : ''}。请检查输入文件后重试；如仍出错，请把命令和${place ? '该记录文件' : '输入文件'}发给技术支持。\n`,
  );
  return EXIT.input;
}

/** Runs the CLI on arguments (without `node` and the script path); returns the exit code. */
export async function runCli(args: string[], rawIo: Io): Promise<number> {
  const io = safeIo(rawIo);
  const [command, ...rest] = args;
  if (command === undefined || ['--help', '-h', 'help'].includes(command)) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${typeof JIXIAO_VERSION === 'string' ? JIXIAO_VERSION : 'dev'}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.stderr(`jixiao：未知命令「${command}」。运行 jixiao --help 查看用法。\n`);
    return EXIT.input;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    const message = expectedFailure(error);
    if (message === null) return unexpected(io, command, error);
    io.stderr(`jixiao：${message}\n`);
    return EXIT.input;
  }
}
