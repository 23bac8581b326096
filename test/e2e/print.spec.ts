import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SAMPLE_FILE } from '../../electron/host/sample';
import {
  disclosureLayout,
  formatIndicatorRun,
  formLayout,
  layoutToHtml,
  printGeometry,
  type Layout,
} from '../../shared/export';
import { getFramework } from '../../shared/frameworks';
import { readDocumentData, type JixiaoDocument } from '../../shared/model';

const ROOT = join(import.meta.dirname, '../..');
const PT_PER_MM = 72 / 25.4;
const CAMPUS = '广州市机电技师学院2024年智慧校园管理系统升级改造项目';

function hasPoppler(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function sample(): Promise<JixiaoDocument> {
  const result = readDocumentData(JSON.parse(await readFile(join(ROOT, SAMPLE_FILE), 'utf8')));
  if (!result.ok) throw new Error(result.message);
  return result.document;
}

/** Text without any whitespace: cell text wraps anywhere, so compare it stripped. */
const strip = (text: string) => text.replace(/\s+/g, '');

interface Printed {
  path: string;
  /** Pages the on-screen preview of the same HTML shows. */
  previewPages: number;
  /** Per section: bottom of the repeated header (title block + column header) below the top margin, in mm. */
  headMm: number[];
}

/** Renders a layout's print HTML in Chromium and prints it to PDF as Electron's printToPDF does. */
async function printLayout(
  page: Page,
  layout: Layout,
  folder: string,
  name: string,
): Promise<Printed> {
  await page.setContent(layoutToHtml(layout));
  const measured = await page.evaluate(() => {
    const px = 96 / 25.4;
    const gap = 8 * px;
    let pages = 0;
    for (const sheet of document.querySelectorAll<HTMLElement>('section.sheet')) {
      const height = Number(sheet.dataset.pageHeightMm) * px;
      pages += Math.round((sheet.getBoundingClientRect().height + gap) / (height + gap));
    }
    const heads = [...document.querySelectorAll('table.font-table:not(.block)')].map((table) => {
      const head = table.querySelector('thead')!;
      return (head.getBoundingClientRect().bottom - table.getBoundingClientRect().top) / px;
    });
    return { pages, headMm: heads };
  });
  const path = join(folder, `${name}.pdf`);
  await writeFile(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return { path, previewPages: measured.pages, headMm: measured.headMm };
}

function pdfPages(path: string): { pages: number; sizes: string[] } {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1],
  );
  const detail = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), path], {
    encoding: 'utf8',
  });
  const sizes = [...detail.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/g)].map((m) => m[1]!);
  return { pages, sizes };
}

/** Text of one page, optionally only inside a box given in millimetres from the top left. */
function pageText(
  path: string,
  page: number,
  box?: { x: number; y: number; w: number; h: number },
): string {
  // With a box, keep the physical line order (-layout): a cell's lines stay together.
  const crop = box
    ? ['-layout', '-x', box.x, '-y', box.y, '-W', box.w, '-H', box.h].map((value) =>
        typeof value === 'number' ? String(Math.round(value * PT_PER_MM)) : value,
      )
    : [];
  return execFileSync(
    'pdftotext',
    ['-r', '72', '-f', String(page), '-l', String(page), ...crop, path, '-'],
    {
      encoding: 'utf8',
    },
  );
}

/** The body text of one column on every page, in page order (header rows excluded). */
function columnText(printed: Printed, layout: Layout, key: string, pages: number): string {
  const { page, columns } = printGeometry(layout.sections[0]!);
  const index = columns.findIndex((column) => column.key === key);
  const x =
    page.margins.left + columns.slice(0, index).reduce((sum, column) => sum + column.widthMm, 0);
  const y = page.margins.top + printed.headMm[0]! + 0.3;
  const box = { x, y, w: columns[index]!.widthMm, h: page.heightMm - page.margins.bottom - y };
  let text = '';
  for (let number = 1; number <= pages; number += 1) text += pageText(printed.path, number, box);
  return strip(text);
}

test.describe('print view of the sample in Chromium', () => {
  test.skip(!hasPoppler(), 'poppler-utils (pdfinfo, pdftotext) is not installed');
  let folder = '';
  test.beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'jixiao-print-'));
  });
  test.afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('disclosure table: A4 landscape, header and page numbers on every page, nothing lost', async ({
    page,
  }) => {
    const document = await sample();
    const layout = disclosureLayout(document);
    const printed = await printLayout(page, layout, folder, 'disclosure');
    const { pages, sizes } = pdfPages(printed.path);
    expect(pages).toBeGreaterThanOrEqual(5);
    // The preview paginates with the same engine: it must show the page count that prints.
    expect(printed.previewPages).toBe(pages);
    expect(sizes).toEqual(new Array(pages).fill('841.92 x 594.96'));
    for (let number = 1; number <= pages; number += 1) {
      const text = strip(pageText(printed.path, number));
      expect(text, `page ${number}`).toContain('项目支出绩效目标表（含转移支付项目）');
      // The name header wraps in its column (项目名称（资金 / 使用单位）); the text runs across rows.
      expect(text, `page ${number}`).toMatch(/项目名称（资金.*使用单位）/);
      expect(text, `page ${number}`).toContain('绩效指标');
      expect(text, `page ${number}`).toContain(`第${number}页共${pages}页`);
    }
    const projects = document.units.flatMap((unit) => unit.projects);
    const names = columnText(printed, layout, 'name', pages);
    for (const project of projects) expect(names).toContain(strip(project.name));

    // The longest project splits across pages: its goal and all 13 indicators print in full.
    const campus = projects.find((project) => project.name === CAMPUS)!;
    expect(campus.indicators).toHaveLength(13);
    expect(columnText(printed, layout, 'goal', pages)).toContain(strip(campus.goals.annual));
    const indicators = columnText(printed, layout, 'indicators', pages);
    const run = formatIndicatorRun(campus.indicators, getFramework(document.frameworkId));
    expect(indicators).toContain(strip(run));
    for (const indicator of campus.indicators) expect(indicators).toContain(strip(indicator.name));
  });

  test('per-project forms: A4 portrait, each project on its own pages with its name repeated', async ({
    page,
  }) => {
    const document = await sample();
    const layout = formLayout(document, { variant: 'annual' });
    const printed = await printLayout(page, layout, folder, 'forms');
    const { pages, sizes } = pdfPages(printed.path);
    expect(pages).toBeGreaterThanOrEqual(14);
    expect(printed.previewPages).toBe(pages);
    expect(sizes).toEqual(new Array(pages).fill('594.96 x 841.92'));
    const texts = Array.from({ length: pages }, (_, index) =>
      strip(pageText(printed.path, index + 1)),
    );
    // Every page starts with its project's running head. A project's first page has the title;
    // a page its indicators continue on starts the indicator table with its header.
    let continued = 0;
    texts.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toMatch(/^项目名称：/);
      expect(text).toContain(`第${index + 1}页共${pages}页`);
      if (text.includes('项目支出绩效目标表')) return;
      continued += 1;
      expect(text, `page ${index + 1}`).toMatch(/^项目名称：[^一]+一级指标二级指标三级指标/);
    });
    expect(continued).toBeGreaterThan(0);
    const { page: setup, columns } = printGeometry(layout.sections[0]!);
    const left = setup.margins.left;
    const bottom = setup.heightMm - setup.margins.bottom;
    const projects = document.units.flatMap((unit) => unit.projects);
    /** Pages whose running head names the project. */
    const pagesOf = (name: string) =>
      texts.flatMap((text, index) =>
        text.startsWith(strip(`项目名称：${name}`)) ? [index + 1] : [],
      );
    for (const project of projects)
      expect(pagesOf(project.name).length, project.name).toBeGreaterThan(0);

    // The longest project's form: its goal and all 13 indicator names, whatever pages they fall on.
    const campusIndex = projects.findIndex((project) => project.name === CAMPUS);
    const campus = projects[campusIndex]!;
    const top = setup.margins.top + printed.headMm[campusIndex]! + 0.3;
    const textIn = (from: number, to: number) => {
      const x = left + columns.slice(0, from).reduce((sum, column) => sum + column.widthMm, 0);
      const w = columns.slice(from, to).reduce((sum, column) => sum + column.widthMm, 0);
      return pagesOf(CAMPUS)
        .map((number) => {
          // Below the repeated head: title block and 项目名称 row, or on a page the indicators
          // continue on, the top of the text area (its header row reads 三级指标 there).
          const y = texts[number - 1]!.includes('项目支出绩效目标表') ? top : setup.margins.top;
          return strip(pageText(printed.path, number, { x, y, w, h: bottom - y }));
        })
        .join('');
    };
    expect(textIn(1, 5)).toContain(strip(campus.goals.annual));
    const names = textIn(2, 3);
    for (const indicator of campus.indicators) expect(names).toContain(strip(indicator.name));
  });
});
