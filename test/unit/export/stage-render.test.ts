import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocx, exportXlsx, stageLayout } from '../../../shared/export';
import { carlitoHint, hasSoffice, pdfInfo, pdfPages } from './helpers';
import { chizhouDocument, ENTRUSTED_NAME, VILLAGES_NAME } from './stageFixture';

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The 监控表, 自评表 and 汇总表 of the 池州 document, in Word and Excel, printed by LibreOffice. */
describe.skipIf(!hasSoffice)('stage exports rendered by LibreOffice', () => {
  const pdfs: Record<string, string> = {};
  const scratch: string[] = [];
  afterAll(() => {
    for (const path of scratch) rmSync(path, { recursive: true, force: true });
  });
  beforeAll(async () => {
    const document = chizhouDocument();
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-stage-render-'));
    const profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-profile-'));
    scratch.push(dir, profile);
    const names: string[] = [];
    for (const kind of ['monitoring', 'self-evaluation', 'stage-summary'] as const) {
      const layout = stageLayout(document, kind);
      writeFileSync(join(dir, `${kind}-word.docx`), await exportDocx(layout));
      writeFileSync(join(dir, `${kind}-excel.xlsx`), await exportXlsx(layout));
      names.push(`${kind}-word.docx`, `${kind}-excel.xlsx`);
    }
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...names.map((name) => join(dir, name)),
      ],
      { stdio: 'ignore', timeout: 240_000 },
    );
    for (const name of names) pdfs[name] = join(dir, name.replace(/\.\w+$/, '.pdf'));
  }, 300_000);

  for (const [kind, title] of [
    ['monitoring', '项目支出绩效目标执行监控表'],
    ['self-evaluation', '项目支出绩效自评表'],
  ] as const) {
    for (const writer of ['word', 'excel']) {
      it(`${kind} (${writer}): A4 portrait, each project from a new page, header on every page`, () => {
        const path = pdfs[`${kind}-${writer}.${writer === 'word' ? 'docx' : 'xlsx'}`] as string;
        const info = pdfInfo(path);
        expect(info.width).toBeCloseTo(595, 0);
        expect(info.height).toBeCloseTo(842, 0);
        const pages = pdfPages(path).map(squeeze);
        expect(pages).toHaveLength(info.pages);
        // The first project's indicators run past its first page.
        expect(pages.length, writer === 'excel' ? carlitoHint : undefined).toBeGreaterThanOrEqual(
          3,
        );
        // The title block opens each project's first page; continuation pages say （续）.
        const starts = pages
          .map((page, index) =>
            page.includes(title) && page.includes('（2022年度）') ? index : -1,
          )
          .filter((index) => index >= 0);
        expect(starts).toHaveLength(2);
        expect(starts[0]).toBe(0);
        expect(pages[1]).toContain(`项目名称：${ENTRUSTED_NAME}（续）`);
        // The second project's opening page is no continuation of anything.
        expect(pages[starts[1] as number]).not.toContain('（续）');
        for (const page of pages) {
          expect(page).toMatch(new RegExp(`${ENTRUSTED_NAME}|${VILLAGES_NAME}`));
          // The indicator header repeats on every page of the block.
          expect(page).toContain('一级指标二级指标三级指标');
        }
        const text = pages.join('');
        expect(text).toContain('1,329,120.00');
        if (kind === 'self-evaluation') expect(text).toContain('总分100.00100.00');
        else expect(text).toContain('58.33%');
      });
    }
  }

  for (const writer of ['word', 'excel']) {
    it(`stage-summary (${writer}): one landscape page with every project and the 合计`, () => {
      const path = pdfs[`stage-summary-${writer}.${writer === 'word' ? 'docx' : 'xlsx'}`] as string;
      const info = pdfInfo(path);
      expect(info).toMatchObject({ pages: 1 });
      expect(info.width).toBeCloseTo(842, 0);
      const [page] = pdfPages(path).map(squeeze);
      expect(page).toContain('项目支出绩效监控与自评汇总表');
      expect(page).toContain(`合计2,228,860.001,315,164.0059.01%2,228,860.00100.00%`);
      expect(page).toContain(VILLAGES_NAME);
    });
  }
});
