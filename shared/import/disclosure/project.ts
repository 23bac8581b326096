/** A project built from a disclosure row: amounts, goal, the indicator run, all reported. */

import type { Framework } from '../../frameworks';
import { formatMoney, newId, sumMoney, type Project, type SourceLocation } from '../../model';
import { cleanCellText } from '../cleanText';
import { findIndicatorRun, readIndicatorRun, shorten } from '../indicatorRun';
import type { ImportReporter } from '../report';
import { cellSource, type BodyRow } from './body';
import { AMOUNT_COLUMNS, COLUMN_LABELS } from './columns';

function cleanCell(
  reporter: ImportReporter,
  text: string,
  label: string,
  source: SourceLocation,
  project: string,
): string {
  const cleaned = cleanCellText(text);
  if (cleaned.html || cleaned.entities) {
    const what = cleaned.html ? 'HTML 标记已清除（段落改为换行）' : 'HTML 字符实体已还原';
    reporter.add('normalised', `${label}中残留的${what}。`, source, project);
  }
  return cleaned.text;
}

/** Builds a project from a body row, reporting everything it changed or could not place. */
export function buildProject(
  row: BodyRow,
  framework: Framework,
  reporter: ImportReporter,
): Project {
  const project: Project = {
    id: newId('prj'),
    name: cleanCellText(row.name).text,
    money: {
      fiscal: row.amounts.fiscal ?? 0,
      specialAccount: row.amounts.specialAccount ?? 0,
      other: row.amounts.other ?? 0,
    },
    goals: { annual: '' },
    indicators: [],
    raw: [...row.notes],
  };
  const at = (column: number | undefined): SourceLocation =>
    column === undefined ? row.source : cellSource(row.source, row.cellSources, column);
  for (const note of row.notes) {
    reporter.add(
      'raw',
      `${note.reason}「${shorten(note.text)}」已保留在项目的未识别内容中。`,
      note.source,
      project.name,
    );
  }
  if (project.name === '') reporter.add('warning', '项目名称为空。', at(row.columns.name));
  for (const column of AMOUNT_COLUMNS) {
    if (row.amounts[column] !== null) continue;
    const source = at(row.columns[column]);
    const reason = `${COLUMN_LABELS[column]}「${row.amountText[column]}」不是金额，按 0 计`;
    project.raw.push({ text: row.amountText[column], reason, source });
    reporter.add('raw', `${reason}，原文已保留在项目的未识别内容中。`, source, project.name);
  }
  const { fiscal, specialAccount, other } = project.money;
  const derived = sumMoney([fiscal, specialAccount, other]);
  if (row.amounts.total !== null && row.amounts.total !== derived) {
    reporter.add(
      'warning',
      `总计「${row.amountText.total}」与财政拨款、财政专户拨款、其他资金之和 ${formatMoney(derived)} 不符；总计按三项之和计算。`,
      at(row.columns.total),
      project.name,
    );
  }

  const goalSource = at(row.columns.goal);
  const indicatorSource = at(row.columns.indicators);
  let goal = cleanCell(reporter, row.goal, '绩效目标', goalSource, project.name);
  const indicatorText = cleanCell(
    reporter,
    row.indicators,
    '绩效指标',
    indicatorSource,
    project.name,
  );
  const runInGoal = findIndicatorRun(goal);
  let recovered = '';
  if (runInGoal >= 0) {
    recovered = goal.slice(runInGoal);
    goal = goal.slice(0, runInGoal).trim();
  }
  project.goals.annual = goal;
  const addRun = (text: string, source: SourceLocation): number => {
    const cell = readIndicatorRun(text, framework, source, project.name);
    project.indicators.push(...cell.indicators);
    project.raw.push(...cell.raw);
    reporter.entries.push(...cell.entries);
    return cell.indicators.length;
  };
  if (indicatorText !== '') addRun(indicatorText, indicatorSource);
  if (recovered !== '') {
    const count = addRun(recovered, goalSource);
    reporter.add(
      'recovered',
      `绩效指标写在了绩效目标单元格中，已拆出 ${count} 条指标移入绩效指标。`,
      goalSource,
      project.name,
    );
  }
  if (goal === '' && project.indicators.length === 0 && project.raw.length === 0) {
    reporter.add('warning', '绩效目标和绩效指标均为空。', row.source, project.name);
  }
  return project;
}
