/**
 * Export benchmark: a 1,000-project document to .xlsx and .docx, each against a bare ExcelJS or
 * docx write of the same cells measured in the same run (a ratio, not a timed test); the xlsx
 * export also against a bare write of the text of every row of its sheet. Each side is
 * warmed up once at full size, then timed `runs` times (default 5) alternately; the figures are
 * medians. Called by the bench runner; `npx tsx test/bench/export.bench.ts [runs]` prints the
 * figures, with every run, on its own.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { disclosureLayout, exportDocx, exportXlsx, type Layout } from '../../shared/export';
import { placeCells } from '../../shared/export/cells';
import { planSheet } from '../../shared/export/sheetPlan';
import { generateDocument } from './generate';

export interface BenchResult {
  name: string;
  /** Median time of the export (layout included), in milliseconds. */
  ms: number;
  /** Median time of the bare library write of the same cells. */
  baselineMs: number;
  ratio: number;
  /** Every timed run of the export and of the baseline, in order. */
  runsMs?: number[];
  baselineRunsMs?: number[];
}

/** The layout's rows as plain cell texts, in grid order (what a bare write would put down). */
function plainRows(layout: Layout): string[][] {
  const section = layout.sections[0];
  if (!section) return [];
  const rows = [...section.headerRows, ...section.bodyRows];
  return placeCells(rows, section.columns.length).map((row) => row.map(({ cell }) => cell.text));
}

/**
 * The rows of text of the sheet the xlsx export writes (every sheet row, the pieces of a cut cell
 * in their own rows): a fairer bare write for the xlsx export, which writes more rows than the
 * layout has (rows above 409 pt are cut), borders on the cells that merges cover included.
 */
function sheetRows(layout: Layout): string[][] {
  const section = layout.sections[0];
  if (!section) return [];
  const plan = planSheet(layout, section);
  const rows = plan.rowHeightsPt.map(() => [] as string[]);
  for (const cell of plan.cells) {
    const row = rows[cell.row];
    if (row) row[cell.column] = cell.text;
  }
  return rows;
}

async function bareXlsx(rows: readonly string[][]): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer.byteLength;
}

async function bareDocx(rows: readonly string[][]): Promise<number> {
  const document = new Document({
    sections: [
      {
        children: [
          new Table({
            rows: rows.map(
              (row) =>
                new TableRow({
                  children: row.map(
                    (text) =>
                      new TableCell({
                        children: text
                          .split('\n')
                          .map((line) => new Paragraph({ children: [new TextRun(line)] })),
                      }),
                  ),
                }),
            ),
          }),
        ],
      },
    ],
  });
  const bytes = await Packer.pack(document, 'uint8array');
  return bytes.byteLength;
}

/** Median of a list of numbers (the lower middle for an even count). */
function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

async function time(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

/**
 * Times the export and its baseline `runs` times each, alternating (export, baseline, export …)
 * so that a busy machine slows both alike, after one full-size warm-up of each so that JIT
 * compilation and lazily built library state do not count.
 */
async function compare(
  name: string,
  ours: () => Promise<unknown>,
  bare: () => Promise<unknown>,
  runs: number,
): Promise<BenchResult> {
  await ours();
  await bare();
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    oursMs.push(await time(ours));
    bareMs.push(await time(bare));
  }
  const ms = middle(oursMs);
  const baselineMs = middle(bareMs);
  return {
    name,
    ms,
    baselineMs,
    ratio: baselineMs > 0 ? ms / baselineMs : Infinity,
    runsMs: oursMs,
    baselineRunsMs: bareMs,
  };
}

/** Runs the export benchmark (under a minute on a laptop) and returns one line per format. */
export async function runExportBench(
  options: { projects?: number; runs?: number } = {},
): Promise<BenchResult[]> {
  const projects = options.projects ?? 1000;
  const runs = options.runs ?? 5;
  const document = generateDocument(projects, 15, 1);
  const rows = plainRows(disclosureLayout(document));
  const sheet = sheetRows(disclosureLayout(document));
  // The export times include building the layout, as an export from the editor does.
  return [
    await compare(
      `xlsx ${projects} projects`,
      () => exportXlsx(disclosureLayout(document)),
      () => bareXlsx(rows),
      runs,
    ),
    // The same export against a bare write of the same sheet rows of text (no styles, no merges).
    await compare(
      `xlsx ${projects} p. (bare: ${sheet.length} sheet rows)`,
      () => exportXlsx(disclosureLayout(document)),
      () => bareXlsx(sheet),
      runs,
    ),
    await compare(
      `docx ${projects} projects`,
      () => exportDocx(disclosureLayout(document)),
      () => bareDocx(rows),
      runs,
    ),
  ];
}

function print(results: readonly BenchResult[]): void {
  const list = (values: readonly number[] = []) => values.map((ms) => ms.toFixed(0)).join(' ');
  for (const { name, ms, baselineMs, ratio, runsMs, baselineRunsMs } of results) {
    console.log(
      `${name.padEnd(22)} ${ms.toFixed(0).padStart(7)} ms   bare ${baselineMs
        .toFixed(0)
        .padStart(7)} ms   ×${ratio.toFixed(2)}   (runs: ${list(runsMs)} | bare: ${list(
        baselineRunsMs,
      )})`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runs = Number(process.argv[2] ?? 5);
  print(await runExportBench({ runs: Number.isInteger(runs) && runs > 0 ? runs : 5 }));
}
