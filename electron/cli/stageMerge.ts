import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeStageMerge, mergeStageValues } from '../../shared/import/stages/merge';
import { DOCUMENT_EXTENSION, writeDocumentFile } from '../host/documentFile';
import { importFromFile } from '../host/importFile';
import { EXIT, type Io } from './args';
import { formatReport } from './report';

export const MERGE_STAGE_USAGE =
  'jixiao merge-stage <文档> <已填的监控表或自评表> [-o <输出.jixiao.json>]';

/**
 * `jixiao merge-stage <doc> <filled-table> [-o out]`: puts the values of a filled 绩效运行监控表
 * or 项目支出绩效自评表 (Excel, Word, PDF) into the matching projects and indicators of a document,
 * printing every value that did not match, that replaced another, and every printed 执行率 or 得分
 * that differs from ours. Without -o the document itself is saved (its previous version kept as
 * .bak); a document that is not a .jixiao.json needs -o.
 */
export async function mergeStageCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' } },
  });
  const [documentFile, tableFile] = positionals;
  if (!documentFile || !tableFile || positionals.length > 2) {
    io.stderr(`jixiao：用法 ${MERGE_STAGE_USAGE}\n`);
    return EXIT.input;
  }
  const output = values.output ?? documentFile;
  if (!output.toLowerCase().endsWith(DOCUMENT_EXTENSION)) {
    io.stderr(
      `jixiao：「${basename(documentFile)}」不是本程序的文档，请用 -o 指定输出文件（以 ${DOCUMENT_EXTENSION} 结尾）。\n`,
    );
    return EXIT.input;
  }
  const target = await importFromFile(resolve(documentFile));
  const table = await importFromFile(resolve(tableFile));
  const stage = table.report.stage;
  if (!stage) {
    io.stderr(
      `jixiao：「${basename(tableFile)}」不是已填写的绩效运行监控表或项目支出绩效自评表（读成了${table.report.format}）。\n`,
    );
    return EXIT.input;
  }
  const { document, report } = mergeStageValues(target.document, table.document, stage);
  io.stdout(`【${basename(tableFile)}】\n${formatReport(table.report)}`);
  io.stdout(
    `\n【合并到 ${basename(documentFile)}】\n${formatReport({
      format: describeStageMerge(report).replace('当前文档', `「${basename(documentFile)}」`),
      entries: report.entries,
      counts: report.matched,
    })
      .replace(/^格式：/mu, '结果：')
      .replace(/^读取：/mu, '合并：')}`,
  );
  // Nothing matched: the document stays as it was (a save would only rotate its backup).
  if (report.matched.projects === 0) {
    io.stderr(
      `jixiao：「${basename(tableFile)}」中没有与「${basename(documentFile)}」对应的项目，没有合并任何内容，文档未改动。\n`,
    );
    return EXIT.input;
  }
  await writeDocumentFile(resolve(output), document);
  io.stdout(`已保存：${basename(output)}\n`);
  return EXIT.ok;
}
