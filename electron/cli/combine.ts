import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  documentCounts,
  mergeDocuments,
  rollForward,
  type DuplicateResolution,
  type JixiaoDocument,
} from '../../shared/model';
import { DOCUMENT_EXTENSION, writeDocumentFile } from '../host/documentFile';
import { importFromFile } from '../host/importFile';
import { EXIT, oneFile, type Io } from './args';
import { readingFile } from './io';
import { formatReport } from './report';

const RESOLUTIONS: Readonly<Record<DuplicateResolution, string>> = {
  'keep-both': '两份都已保留，请核对后删去多余的一份',
  skip: '保留原有的一份，未并入这一份',
  replace: '已用这一份替换原有的一份',
};

function counts(document: JixiaoDocument): string {
  const { units, projects } = documentCounts(document);
  return `${units} 个单位，${projects} 个项目`;
}

function needsDocumentName(output: string | undefined, usage: string, io: Io): boolean {
  if (!output) {
    io.stderr(`jixiao：用法 ${usage}\n`);
    return true;
  }
  if (!output.toLowerCase().endsWith(DOCUMENT_EXTENSION)) {
    io.stderr(`jixiao：输出文件名应以 ${DOCUMENT_EXTENSION} 结尾。\n`);
    return true;
  }
  return false;
}

const MERGE_USAGE =
  'jixiao merge <文件…> -o <输出.jixiao.json> [--duplicates keep-both|skip|replace]';

/**
 * `jixiao merge <files…> -o <doc>`: consolidates units' or schools' files into one department
 * table with the rules of 合并同事的文件… (units matched by name, amounts converted exactly).
 * The first file is the base; every project with a name already present in the same unit is
 * reported with what was done with it (by default both are kept, never silently dropped).
 */
export async function mergeCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      duplicates: { type: 'string', default: 'keep-both' },
    },
  });
  if (needsDocumentName(values.output, MERGE_USAGE, io)) return EXIT.input;
  if (positionals.length < 2) {
    io.stderr(`jixiao：合并至少需要两个文件。用法 ${MERGE_USAGE}\n`);
    return EXIT.input;
  }
  const policy = values.duplicates as DuplicateResolution;
  if (!Object.hasOwn(RESOLUTIONS, policy)) {
    io.stderr(
      'jixiao：--duplicates 只能是 keep-both（两份都保留）、skip（保留原有的）或 replace（用后来的替换）。\n',
    );
    return EXIT.input;
  }
  let merged: JixiaoDocument | null = null;
  const lines: string[] = [];
  let duplicateCount = 0;
  for (const file of positionals) {
    const { document, report } = await readingFile(file, () => importFromFile(resolve(file)));
    io.stdout(`【${basename(file)}】\n${formatReport(report)}`);
    if (merged === null) {
      merged = document;
      continue;
    }
    if (document.fiscalYear !== merged.fiscalYear) {
      lines.push(
        `- [请核对] 「${basename(file)}」是 ${document.fiscalYear ?? '未知'} 年度的表格，第一个文件是 ${merged.fiscalYear ?? '未知'} 年度。`,
      );
    }
    if (document.department && merged.department && document.department !== merged.department) {
      lines.push(
        `- [请核对] 「${basename(file)}」的部门是「${document.department}」，合并后的表格沿用「${merged.department}」。`,
      );
    }
    const resolutions: Record<string, DuplicateResolution> = {};
    for (const unit of document.units) {
      for (const project of unit.projects) resolutions[project.id] = policy;
    }
    const result = mergeDocuments(merged, document, { resolutions });
    for (const duplicate of result.duplicates) {
      duplicateCount += 1;
      lines.push(
        `- [重名] 单位「${duplicate.unit}」已有项目「${duplicate.project}」（又见于「${basename(file)}」）：${RESOLUTIONS[policy]}。`,
      );
    }
    for (const check of result.checks) lines.push(`- [请核对] 「${basename(file)}」：${check}`);
    for (const note of result.notes) lines.push(`- [说明] 「${basename(file)}」：${note}`);
    merged = result.document;
  }
  if (merged === null) return EXIT.input;
  io.stdout(
    `合并结果：${positionals.length} 个文件，${counts(merged)}；重名项目 ${duplicateCount} 个。\n${lines.join('\n')}${lines.length ? '\n' : ''}`,
  );
  const output = values.output as string;
  await writeDocumentFile(resolve(output), merged);
  io.stdout(`已保存：${output}\n`);
  return EXIT.ok;
}

const ROLL_USAGE =
  'jixiao roll-forward <文件> --year <年度> -o <输出.jixiao.json> [--keep-amounts]';

/**
 * `jixiao roll-forward <doc> --year <n> -o <doc>`: what the app's 复制上年 does — a new year's
 * table from last year's, amounts cleared (or kept with --keep-amounts), and every year number
 * in a text listed for review, never rewritten.
 */
export async function rollForwardCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      year: { type: 'string' },
      'keep-amounts': { type: 'boolean', default: false },
    },
  });
  const file = oneFile(positionals);
  if (!file || needsDocumentName(values.output, ROLL_USAGE, io)) {
    if (!file) io.stderr(`jixiao：用法 ${ROLL_USAGE}\n`);
    return EXIT.input;
  }
  const yearText = values.year?.trim() ?? '';
  const toYear = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || toYear < 1980 || toYear > 2199) {
    io.stderr('jixiao：--year 应是四位数的预算年度，例如 --year 2026。\n');
    return EXIT.input;
  }
  const source = resolve(file);
  const output = resolve(values.output as string);
  if (output === source) {
    io.stderr('jixiao：输出文件与上年的文件相同，会覆盖上年的表格。请另取一个文件名。\n');
    return EXIT.input;
  }
  const { document, report } = await importFromFile(source);
  io.stdout(formatReport(report));
  const keepAmounts = values['keep-amounts'];
  const rolled = rollForward(document, { toYear, keepAmounts });
  const lines = [
    `已复制上年：${document.fiscalYear === null ? '原表（未写年度）' : `${document.fiscalYear} 年`} → ${toYear} 年，${counts(rolled.document)}，金额${keepAmounts ? '沿用上年' : '已清空，请填写新年度的金额'}。`,
  ];
  if (document.fiscalYear !== null && document.fiscalYear >= toYear) {
    lines.push(`- [请核对] 新年度 ${toYear} 不晚于原表的 ${document.fiscalYear} 年度。`);
  }
  lines.push(
    rolled.review.length === 0
      ? '文字中没有发现年份。'
      : `文字中有 ${rolled.review.length} 处年份，程序没有改写，请逐一核对：`,
  );
  for (const item of rolled.review) {
    lines.push(`- [请核对] ${item.where.label}：${item.text}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  await writeDocumentFile(output, rolled.document);
  io.stdout(`已保存：${values.output}\n`);
  return EXIT.ok;
}
