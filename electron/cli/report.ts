import { describeSource, type ImportReport } from '../../shared/import/report';

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
