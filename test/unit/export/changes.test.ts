import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import {
  CHANGES_COLUMNS,
  changesLayout,
  exportDocx,
  exportXlsx,
  layoutToHtml,
} from '../../../shared/export';
import { compareYears, snapshotOf } from '../../../shared/model';
import { editedNextYear, seed } from '../model/compareMaterial';
import { hasSoffice, pdfInfo, pdfPages } from './helpers';

const current = editedNextYear();
const comparison = compareYears(current.previousYear!, current);
const layout = changesLayout(comparison, current);
const section = layout.sections[0]!;

describe('变动说明 layout', () => {
  it('has one row per change, 单位 and 项目 merged over a project’s rows', () => {
    expect(section.headerRows[0]?.cells.map((cell) => cell.text)).toEqual(
      CHANGES_COLUMNS.map(([, header]) => header),
    );
    expect(section.titleBlock.map((line) => line.center?.text ?? line.right?.text)).toEqual([
      '项目支出绩效目标变动说明',
      '（2026年与2025年对比）',
      '单位：万元',
    ]);
    // 1 + 3 + 4 + 1 + 1 + 1 + 1 changes (see the model test for each).
    expect(section.bodyRows).toHaveLength(12);
    const grant = section.bodyRows[1]!;
    expect(grant.cells[1]?.text).toBe('市机电技师学院国家助学金补助资金项目');
    expect(grant.cells[1]?.rowSpan).toBe(3);
    expect(grant.cells.slice(2).map((cell) => cell.text)).toEqual([
      '金额变动',
      '总计',
      '59.73',
      '60.00',
      '+0.27',
      '+0.45%',
      '',
    ]);
    expect(grant.cells.slice(4, 7).map((cell) => cell.amount)).toEqual([5973, 6000, 27]);
    // The continuation rows start at 变动类型.
    expect(section.bodyRows[2]?.cells).toHaveLength(7);
    const renamed = section.bodyRows.find((row) => row.cells[1]?.text.includes('2026年-2027年'));
    expect(renamed?.cells[1]?.text).toContain('（上年：广州市机电技师学院2025年-2026年');
  });

  it('says so when nothing changed', () => {
    const same = changesLayout(compareYears(snapshotOf(seed), seed), seed).sections[0]!;
    expect(same.bodyRows).toHaveLength(1);
    expect(same.bodyRows[0]?.cells[0]?.colSpan).toBe(CHANGES_COLUMNS.length);
    expect(same.bodyRows[0]?.cells[0]?.text).toContain('没有变动');
  });
});

describe('变动说明 files, read back', () => {
  it('Excel: numbers are numbers, merges as in the layout, 变动原因 left blank', async () => {
    const book = XLSX.read(await exportXlsx(layout), { type: 'array' });
    const sheet = book.Sheets[book.SheetNames[0]!]!;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: '' });
    const header = rows.findIndex((row) => row[0] === '单位');
    expect(rows[header]).toEqual(CHANGES_COLUMNS.map(([, text]) => text));
    expect(rows[header + 1]).toEqual([
      '广州市机电技师学院',
      '市机电技师学院安保和物业管理服务经费',
      '金额变动',
      '财政拨款',
      638,
      700,
      62,
      '+9.72%',
      '',
    ]);
    const dropped = rows.find((row) => row[1] === '市机电技师学院教学实训设备维修维护工作经费项目');
    expect(dropped?.slice(2, 6)).toEqual(['减少项目', '总计', 160, '']);
    // 国家助学金's 单位 and 项目 cells span its three rows.
    const merges = (sheet['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range));
    expect(merges).toContain(`A${header + 3}:A${header + 5}`);
    expect(merges).toContain(`B${header + 3}:B${header + 5}`);
  });

  it('Word: the table carries every change and the merged project cells', async () => {
    const files = unzipSync(await exportDocx(layout));
    const xml = strFromU8(files['word/document.xml']!);
    for (const text of [
      '项目支出绩效目标变动说明',
      '+9.72%',
      '-16.29%',
      '≥98%',
      '数控实训中心耗材补充项目',
    ]) {
      expect(xml).toContain(text);
    }
    // Two merged cells (单位, 项目) continue over 2 more rows for 助学金 and 3 more for 维修.
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)?.length).toBe(2 * 2 + 2 * 3);
  });
});

describe('变动说明 print view', () => {
  it('is the same table in HTML, the merged cells spanning their rows', () => {
    const html = layoutToHtml(layout);
    expect(html).toContain('项目支出绩效目标变动说明');
    expect(html).toContain('+9.72%');
    expect(html.match(/rowspan="3"/g)?.length).toBe(2);
    expect(html.match(/rowspan="4"/g)?.length).toBe(2);
  });
});

describe.skipIf(!hasSoffice)('变动说明 rendered by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-changes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints on landscape A4 with the header on every page and every figure', async () => {
    writeFileSync(join(dir, 'changes.docx'), await exportDocx(layout));
    writeFileSync(join(dir, 'changes-sheet.xlsx'), await exportXlsx(layout));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'changes.docx'),
        join(dir, 'changes-sheet.xlsx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    for (const name of ['changes', 'changes-sheet']) {
      const pdf = join(dir, `${name}.pdf`);
      const info = pdfInfo(pdf);
      expect(info.width).toBeGreaterThan(info.height);
      const pages = pdfPages(pdf).map((page) => page.replace(/\s+/g, ''));
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const page of pages)
        expect(page).toContain('变动类型变动内容上年本年增减额增减率变动原因');
      const all = pages.join('');
      for (const text of ['+9.72%', '-16.29%', '+3.97%', '35.50', '160.00', '3.12']) {
        expect(all).toContain(text);
      }
    }
  }, 180_000);
});
