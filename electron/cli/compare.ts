import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { changesLayout, comparisonHeading, CHANGES_TITLE } from '../../shared/export/changesLayout';
import {
  CHANGE_KIND_LABELS,
  compareYears,
  countChanges,
  formatDifference,
  snapshotOf,
  type ChangeKind,
  type JixiaoDocument,
  type YearChange,
  type YearComparison,
} from '../../shared/model';
import { importFromFile } from '../host/importFile';
import { EXIT, type Io } from './args';
import { readingFile } from './io';

const USAGE = 'jixiao compare [<上年文件>] <本年文件> [--to txt|docx|xlsx] [-o 输出文件]';

const UNITS: Readonly<Record<ChangeKind, string>> = {
  projectAdded: '个',
  projectDropped: '个',
  amountChanged: '处',
  goalChanged: '处',
  indicatorAdded: '条',
  indicatorDropped: '条',
  indicatorChanged: '处',
};

/** `新增项目 1 个，金额变动 5 处…`: the kinds that occur, in a fixed order. */
export function changeCountsText(comparison: YearComparison): string {
  const counts = countChanges(comparison);
  const parts = (Object.keys(CHANGE_KIND_LABELS) as ChangeKind[])
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${CHANGE_KIND_LABELS[kind]} ${counts[kind]} ${UNITS[kind]}`);
  return parts.length > 0 ? parts.join('，') : '没有变动';
}

function changeLine(change: YearChange): string[] {
  const head = `  ${CHANGE_KIND_LABELS[change.kind]}　${change.subject}`;
  if (change.kind === 'goalChanged') {
    return [head, `    上年：${change.before}`, `    本年：${change.after}`];
  }
  if (change.kind === 'projectAdded') return [`${head}：${change.after}`];
  if (change.kind === 'projectDropped' || change.kind === 'indicatorDropped') {
    return [`${head}${change.before ? `（上年 ${change.before}）` : ''}`];
  }
  if (change.kind === 'indicatorAdded') return [`${head}：${change.after}`];
  const amount =
    change.difference === undefined
      ? ''
      : `（${formatDifference(change.difference)}${change.rate ? `，${change.rate}` : ''}）`;
  return [`${head}：${change.before} → ${change.after}${amount}`];
}

/** The comparison as a Chinese text report, grouped by project in document order. */
export function comparisonText(
  comparison: YearComparison,
  document: Pick<JixiaoDocument, 'department'>,
): string {
  const lines = [
    `${CHANGES_TITLE}${comparisonHeading(comparison)}`,
    `部门名称：${document.department}　单位：${comparison.moneyUnit}`,
    `${changeCountsText(comparison)}；没有变动的项目 ${comparison.unchanged} 个。`,
  ];
  for (const project of comparison.projects) {
    lines.push('');
    const renamed = project.previousName ? `（上年：${project.previousName}）` : '';
    lines.push(`${project.unit} › ${project.project}${renamed}`);
    for (const change of project.changes) lines.push(...changeLine(change));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `jixiao compare <上年> <本年> [--to txt|docx|xlsx] [-o 输出]`: the 与上年对比 of two tables (any
 * file `import` reads). With one file, the 上年数据 a rolled-forward document keeps is used.
 * Without --to the text report goes to standard output.
 */
export async function compareCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, output: { type: 'string', short: 'o' } },
  });
  const format = values.to ?? 'txt';
  if (
    positionals.length < 1 ||
    positionals.length > 2 ||
    !['txt', 'docx', 'xlsx'].includes(format)
  ) {
    io.stderr(`jixiao：用法 ${USAGE}\n`);
    return EXIT.input;
  }
  const sources = positionals.map((file) => resolve(file));
  const documents = [];
  for (const source of sources) {
    documents.push((await readingFile(source, () => importFromFile(source))).document);
  }
  const current = documents.at(-1) as JixiaoDocument;
  const previous =
    documents.length === 2 ? snapshotOf(documents[0] as JixiaoDocument) : current.previousYear;
  if (!previous) {
    io.stderr(
      `jixiao：「${positionals[0]}」不是由“新建下一年度”生成的，没有保存上年数据。请同时给出上年的文件：${USAGE}\n`,
    );
    return EXIT.input;
  }
  const comparison = compareYears(previous, current);
  if (format === 'txt' && values.output === undefined) {
    io.stdout(comparisonText(comparison, current));
    return EXIT.ok;
  }
  // The writers (ExcelJS, docx) load only when a file is written.
  const { writeExportFile } = await import('../host/exportService');
  const { exportDocx, exportXlsx } = await import('../../shared/export');
  const bytes =
    format === 'txt'
      ? new TextEncoder().encode(comparisonText(comparison, current))
      : await (format === 'docx' ? exportDocx : exportXlsx)(changesLayout(comparison, current));
  const file = positionals.at(-1) as string;
  const stem = basename(file)
    .replace(/\.jixiao\.json$/i, '')
    .replace(extname(file), '');
  const output = resolve(values.output ?? `${stem}-变动说明.${format}`);
  await writeExportFile(output, bytes, sources);
  io.stdout(
    `${changeCountsText(comparison)}。\n已导出：${output}（${Math.ceil(bytes.byteLength / 1024)} KB）\n`,
  );
  return EXIT.ok;
}
