import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  detailLayout,
  disclosureLayout,
  exportDocx,
  exportXlsx,
  formLayout,
} from '../../../shared/export';
import {
  hasSoffice,
  pdfInfo,
  pdfPages,
  SAMPLE_PROJECT_NAMES,
  sampleDocument,
  seedDocument,
} from './helpers';

if (!hasSoffice) {
  console.warn(
    '跳过导出渲染测试：未找到 soffice/pdfinfo（安装 libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils 后运行）。',
  );
}

const HEADER = '项目名称（资金使用单位）';
/** Text of a page without spaces and line breaks, so text wrapped inside a cell reads whole. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!hasSoffice)('exports rendered by LibreOffice', () => {
  const pdfs: Record<string, string> = {};
  const scratch: string[] = [];
  afterAll(() => {
    for (const path of scratch) rmSync(path, { recursive: true, force: true });
  });
  beforeAll(async () => {
    const document = sampleDocument();
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-render-'));
    scratch.push(dir);
    const files: Record<string, Uint8Array> = {
      'disclosure-word.docx': await exportDocx(disclosureLayout(document)),
      'disclosure-excel.xlsx': await exportXlsx(disclosureLayout(document)),
      'forms-word.docx': await exportDocx(formLayout(document, { variant: 'annual' })),
      'forms-excel.xlsx': await exportXlsx(formLayout(document, { variant: 'midterm' })),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-profile-'));
    scratch.push(profile);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...Object.keys(files).map((name) => join(dir, name)),
      ],
      { stdio: 'ignore', timeout: 240_000 },
    );
    for (const name of Object.keys(files)) pdfs[name] = join(dir, name.replace(/\.\w+$/, '.pdf'));
  }, 300_000);

  for (const file of ['disclosure-word.docx', 'disclosure-excel.xlsx']) {
    it(`${file}: A4 landscape pages, header on every page, every project, no clipped amounts`, () => {
      const path = pdfs[file] as string;
      const info = pdfInfo(path);
      // The ~800-character goal cannot fit one page: the table runs to at least two.
      expect(info.pages).toBeGreaterThanOrEqual(2);
      expect(info.width).toBeCloseTo(842, 0);
      expect(info.height).toBeCloseTo(595, 0);
      const pages = pdfPages(path).map(squeeze);
      expect(pages).toHaveLength(info.pages);
      for (const page of pages) {
        expect(page).toContain(HEADER);
        expect(page).toContain('项目支出绩效目标表（含转移支付项目）');
        expect(page).toContain('单位：万元');
      }
      const all = pages.join('');
      for (const name of SAMPLE_PROJECT_NAMES) expect(all).toContain(squeeze(name));
      for (const amount of ['136,954.80', '124,106.63', '12,845.67', '12,358.17']) {
        expect(all).toContain(amount);
      }
      expect(all).not.toContain('###');
      // The long goal's last sentence and the last indicator are printed, not clipped.
      expect(all).toContain('切实发挥财政资金的使用效益。');
      expect(all).toContain('师生使用满意度');
      expect(pages.map((page, index) => page.includes(`—${index + 1}—`))).toEqual(
        pages.map(() => true),
      );
    });
  }

  for (const file of ['forms-word.docx', 'forms-excel.xlsx']) {
    it(`${file}: one A4 portrait form (or more pages) per project`, () => {
      const path = pdfs[file] as string;
      const info = pdfInfo(path);
      expect(info.pages).toBeGreaterThanOrEqual(SAMPLE_PROJECT_NAMES.length);
      expect(info.width).toBeCloseTo(595, 0);
      expect(info.height).toBeCloseTo(842, 0);
      const pages = pdfPages(path).map(squeeze);
      for (const page of pages) {
        // A form's first page has the title; a continuation page says which project it continues.
        expect(page).toMatch(/项目支出绩效目标表|项目名称：.*（续）/);
        expect(page).toContain('项目名称');
      }
      // Each project's form starts on a page of its own.
      const firstPages = SAMPLE_PROJECT_NAMES.map((name) =>
        pages.findIndex((page) => page.includes(squeeze(name))),
      );
      expect(firstPages.every((index) => index >= 0)).toBe(true);
      expect(new Set(firstPages).size).toBe(SAMPLE_PROJECT_NAMES.length);
      const all = pages.join('');
      expect(all).toContain('一级指标');
      expect(all).toContain('服务对象满意度指标');
      expect(all).not.toContain('###');
    });
  }
});

describe.skipIf(!hasSoffice)('the seed rendered by LibreOffice (issue 16: paper)', () => {
  const pdfs: Record<string, string> = {};
  const scratch: string[] = [];
  afterAll(() => {
    for (const path of scratch) rmSync(path, { recursive: true, force: true });
  });
  beforeAll(async () => {
    const document = seedDocument();
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-seed-render-'));
    scratch.push(dir);
    const files: Record<string, Uint8Array> = {
      'seed-word.docx': await exportDocx(disclosureLayout(document)),
      'seed-excel.xlsx': await exportXlsx(disclosureLayout(document)),
      'midterm-word.docx': await exportDocx(formLayout(document, { variant: 'midterm' })),
      'annual-excel.xlsx': await exportXlsx(formLayout(document, { variant: 'annual' })),
      'detail-excel.xlsx': await exportXlsx(detailLayout(document)),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-profile-'));
    scratch.push(profile);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...Object.keys(files).map((name) => join(dir, name)),
      ],
      { stdio: 'ignore', timeout: 240_000 },
    );
    for (const name of Object.keys(files)) pdfs[name] = join(dir, name.replace(/\.\w+$/, '.pdf'));
  }, 300_000);

  it('prints the seed disclosure table on at most 7 A4 landscape pages in Word and Excel', () => {
    // The published original takes 5 pages; before issue 16 these took 13 and 15.
    expect(disclosureLayout(seedDocument()).fonts.table.sizePt).toBeGreaterThanOrEqual(10);
    for (const name of ['seed-word.docx', 'seed-excel.xlsx']) {
      const info = pdfInfo(pdfs[name] as string);
      expect(info.pages, name).toBeLessThanOrEqual(7);
      expect(info.width).toBeCloseTo(842, 0);
      const all = pdfPages(pdfs[name] as string)
        .map(squeeze)
        .join('');
      expect(all, name).toContain('（2025年度）');
      expect(all, name).toContain('4,791.93');
    }
  });

  it('leaves no blank page in the Word 中期+年度 forms, and repeats the indicator header', () => {
    const pages = pdfPages(pdfs['midterm-word.docx'] as string).map(squeeze);
    // A page holding only its number (— 11 —) is a blank page.
    for (const page of pages) expect(page.replace(/—\d+—/, '').length).toBeGreaterThan(20);
    for (const page of pages.filter((text) => text.includes('（续）'))) {
      expect(page).toContain('一级指标二级指标三级指标');
    }
    expect(pages.some((page) => page.includes('（续）'))).toBe(true);
  });

  it('repeats the indicator header on Excel form continuation pages; renders the 明细表', () => {
    const pages = pdfPages(pdfs['annual-excel.xlsx'] as string).map(squeeze);
    const continued = pages.filter((text) => text.includes('（续）'));
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) expect(page).toContain('一级指标二级指标三级指标');
    const detail = pdfPages(pdfs['detail-excel.xlsx'] as string).map(squeeze);
    for (const page of detail) expect(page).toContain('单位项目总计');
  });
});
