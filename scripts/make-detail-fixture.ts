// Writes test/fixtures/detail/seed-detail-edited-libreoffice.xlsx: the seed's 明细表 as a clerk
// leaves it after working on it, saved by LibreOffice Calc — one project's rows moved to the end,
// another project's first row (the one with its amounts) moved below its other rows, an
// indicator typed by hand under a project with 单位 and 项目 left blank, and an empty row; and
// test/fixtures/pdf/seed-detail-xlsx.pdf: the seed's 明细表 as exported, printed by LibreOffice.
// The edited rows are kept as tab-separated text in test/fixtures/source/ and converted by Calc
// with the amount columns as numbers and every other column as text (as the export writes them).
// Run: npx tsx scripts/make-detail-fixture.ts   (needs soffice on the PATH)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportXlsx } from '../shared/export';
import { detailLayout } from '../shared/export/detailLayout';
import { importDisclosureText } from '../shared/import';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test/fixtures');
const seed = readFileSync(join(FIXTURES, 'seed-guangzhou-2025-jidian-disclosure.txt'), 'utf8');
const { document } = importDisclosureText(seed);
const section = detailLayout(document).sections[0];
if (!section) throw new Error('no 明细表 section');
const header = section.headerRows[0]?.cells.map((cell) => cell.text) ?? [];
const body = section.bodyRows.map((row) => row.cells.map((cell) => cell.text));

const projectOf = (row: readonly string[]) => row[1] ?? '';
const [first, second] = [...new Set(body.map(projectOf))];
const moved = body.filter((row) => projectOf(row) === first);
const rest = body.filter((row) => projectOf(row) !== first);
// The second project's first row (its amounts) goes below its other rows.
const secondRows = rest.filter((row) => projectOf(row) === second);
const [amountRow, ...otherRows] = secondRows;
if (!amountRow) throw new Error('no rows for the second project');
const reordered = [...otherRows, amountRow, ...rest.filter((row) => projectOf(row) !== second)];
// An indicator typed by hand under the 校园维护维修 project, 单位 and 项目 left blank.
const repairs = reordered.map(projectOf).lastIndexOf('广州市机电技师学院校园维护维修项目');
if (repairs < 0) throw new Error('no 校园维护维修 rows');
const typed = [
  '',
  '',
  '',
  '',
  '',
  '',
  '产出指标',
  '时效指标',
  '报修响应时间',
  '≤24小时',
  '≤24小时',
  '',
];
reordered.splice(repairs + 1, 0, typed);
// An empty row between two projects.
reordered.splice(repairs + 2, 0, Array<string>(header.length).fill(''));
const rows = [header, ...reordered, ...moved];
const tsv = `${rows.map((row) => row.join('\t')).join('\n')}\n`;

mkdirSync(join(FIXTURES, 'source'), { recursive: true });
mkdirSync(join(FIXTURES, 'detail'), { recursive: true });
writeFileSync(join(FIXTURES, 'source/seed-detail-edited.tsv'), tsv);
const work = mkdtempSync(join(tmpdir(), 'jixiao-detail-'));
const source = join(work, 'seed-detail-edited.csv');
writeFileSync(source, tsv);
// Tab-separated, UTF-8 (76), from line 1; columns 3–6 standard (numbers), the others text (2).
const types = header
  .map((_, index) => `${index + 1}/${index >= 2 && index <= 5 ? 1 : 2}`)
  .join('/');
execFileSync(
  'soffice',
  [
    '--headless',
    `--infilter=Text - txt - csv (StarCalc):9,34,76,1,${types}`,
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    work,
    source,
  ],
  { stdio: 'ignore', timeout: 120_000 },
);
copyFileSync(
  join(work, 'seed-detail-edited.xlsx'),
  join(FIXTURES, 'detail/seed-detail-edited-libreoffice.xlsx'),
);
// The seed's 明细表 as exported (ExcelJS), printed to PDF by LibreOffice Calc.
writeFileSync(join(work, 'seed-detail.xlsx'), await exportXlsx(detailLayout(document)));
execFileSync(
  'soffice',
  ['--headless', '--convert-to', 'pdf', '--outdir', work, join(work, 'seed-detail.xlsx')],
  { stdio: 'ignore', timeout: 120_000 },
);
copyFileSync(join(work, 'seed-detail.pdf'), join(FIXTURES, 'pdf/seed-detail-xlsx.pdf'));
console.log(
  'Wrote test/fixtures/detail/seed-detail-edited-libreoffice.xlsx, test/fixtures/pdf/seed-detail-xlsx.pdf',
);
