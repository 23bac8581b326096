/**
 * What issue 16 asks of the exports, checked on the files: the year line, money columns sized to
 * their amounts, Excel cuts only above 409 pt and only between indicator sentences, the 中期 form
 * of a document without 中期 data, page furniture, no theme fonts, the 明细表, and no stack
 * overflow on very large documents.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { importBytes } from '../../../electron/host/importFile';
import {
  DETAIL_COLUMNS,
  detailLayout,
  disclosureLayout,
  disclosureText,
  exportDocx,
  exportXlsx,
  formLayout,
  midtermWarnings,
  type LayoutSection,
} from '../../../shared/export';
import { moneyColumnMm } from '../../../shared/export/disclosureLayout';
import { planSheet } from '../../../shared/export/sheetPlan';
import { documentAmounts, type JixiaoDocument, type Project } from '../../../shared/model';
import { indicator, sampleDocument, unzipText } from './helpers';

const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function xml(text: string | undefined): Element {
  const root = new DOMParser().parseFromString(text ?? '', 'text/xml').documentElement;
  if (!root) throw new Error('xml does not parse');
  return root;
}

/** A project whose indicator run is far taller than Excel's 409 pt row (60 sentences). */
function longRunDocument(): JixiaoDocument {
  const document = sampleDocument();
  const project = document.units[0]?.projects[0] as Project;
  project.indicators = Array.from({ length: 60 }, (_, index) =>
    indicator(index % 2 ? '质量' : '数量', `第${index + 1}项建设任务完成情况`, `≥${index + 1}台套`),
  );
  return document;
}

describe('the year line', () => {
  it('prints （2025年度） under the disclosure title when the year is known, nothing otherwise', async () => {
    const document = sampleDocument();
    const titles = (disclosureLayout(document).sections[0] as LayoutSection).titleBlock;
    expect(titles[1]?.center?.text).toBe('（2025年度）');
    const none = disclosureLayout({ ...document, fiscalYear: null }).sections[0] as LayoutSection;
    expect(none.titleBlock.some((line) => line.center?.text.includes('年度'))).toBe(false);
    const workbook = XLSX.read(await exportXlsx(disclosureLayout(document)), { type: 'array' });
    expect(workbook.Sheets['绩效目标表']?.A2?.v).toBe('（2025年度）');
  });
});

describe('money columns', () => {
  it('are as wide as their widest amount and their header on two lines', () => {
    const narrow = moneyColumnMm('总计', ['638.00'], 10);
    const wide = moneyColumnMm('总计', ['638.00', '12,345,678.90'], 10);
    expect(wide).toBeGreaterThan(narrow + 10);
    // An empty column is as wide as its header needs (其他/资金), far below the old 19 mm floor.
    expect(moneyColumnMm('其他资金', [''], 10)).toBeLessThan(13);
    const section = disclosureLayout(sampleDocument()).sections[0] as LayoutSection;
    const money = section.columns.slice(1, 5).reduce((sum, column) => sum + column.widthMm, 0);
    expect(money / 281).toBeLessThan(0.3);
  });

  it('take 300,000 amounts without a spread (which overflows the stack)', () => {
    const texts = Array.from({ length: 300_000 }, (_, index) => `${index}.00`);
    expect(moneyColumnMm('总计', texts, 10)).toBeGreaterThan(moneyColumnMm('总计', ['1.00'], 10));
  });

  it('lay out, write as text and as 明细表 a 50,000-project document', () => {
    const document = sampleDocument();
    const template = document.units[0]?.projects[0] as Project;
    (document.units[0] as { projects: Project[] }).projects = Array.from(
      { length: 50_000 },
      (_, index) => ({
        ...template,
        id: `p${index}`,
        name: `项目${index}`,
        goals: { annual: '' },
        indicators: [],
      }),
    );
    const section = disclosureLayout(document).sections[0] as LayoutSection;
    expect(section.bodyRows).toHaveLength(1 + 2 + 50_000 + 1);
    expect(disclosureText(document).split('\n').length).toBeGreaterThan(50_000);
    // 50,000 rows without indicators, and the second unit's project with its four.
    expect((detailLayout(document).sections[0] as LayoutSection).bodyRows.length).toBe(50_004);
  }, 60_000);
});

describe('Excel cuts only rows above 409 pt, only between indicator sentences', () => {
  const document = longRunDocument();
  const layout = disclosureLayout(document);
  const section = layout.sections[0] as LayoutSection;
  const plan = planSheet(layout, section);

  const name = plan.cells.find(
    (cell) => cell.column === 0 && cell.text === document.units[0]?.projects[0]?.name,
  );
  const inRow = (row: number) =>
    name !== undefined && row >= name.row && row < name.row + name.rowSpan;

  it('cuts the tall indicator run after whole sentences, each piece without an inner border', () => {
    const pieces = plan.cells.filter((cell) => cell.column === 6 && inRow(cell.row));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.continues).toBe(true);
      expect(piece.text).toMatch(/年度指标值：≥\d+台套。$/);
    }
    for (const piece of pieces.slice(1)) {
      expect(piece.continued).toBe(true);
      expect(piece.text).toMatch(/^\d+、1-产出指标；/);
    }
    const run = section.bodyRows[2]?.cells[6]?.text;
    expect(pieces.map((piece) => piece.text).join('')).toBe(run);
  });

  it('never cuts a row that fits 409 pt: every other cell is whole', () => {
    const cut = new Set(
      plan.cells.filter((cell) => cell.continues || cell.continued).map((cell) => cell.column),
    );
    expect([...cut].every((column) => column >= 5)).toBe(true);
    const names = plan.cells.filter((cell) => cell.column === 0 && cell.row >= plan.headRowCount);
    // One name cell per layout row (合计, 2 unit rows, 5 projects): no row was split in two.
    expect(names).toHaveLength(8);
  });

  it('draws no line between the pieces and re-imports the run exactly', async () => {
    const bytes = await exportXlsx(layout);
    const files = unzipText(bytes);
    const styles = xml(files['xl/styles.xml']);
    const borders = Array.from(styles.getElementsByTagNameNS(S, 'border'));
    const xfs = Array.from(
      (styles.getElementsByTagNameNS(S, 'cellXfs')[0] as Element).getElementsByTagNameNS(S, 'xf'),
    );
    const sheet = xml(files['xl/worksheets/sheet1.xml']);
    const piece = plan.cells.find(
      (cell) => cell.column === 6 && inRow(cell.row) && cell.continues && cell.continued,
    );
    const ref = `G${(piece?.row ?? 0) + 1}`;
    const c = Array.from(sheet.getElementsByTagNameNS(S, 'c')).find(
      (node) => node.getAttribute('r') === ref,
    );
    const border = borders[Number(xfs[Number(c?.getAttribute('s'))]?.getAttribute('borderId'))];
    const side = (name: string) =>
      border?.getElementsByTagNameNS(S, name)[0]?.getAttribute('style') ?? null;
    expect([side('left'), side('right'), side('top'), side('bottom')]).toEqual([
      'thin',
      'thin',
      null,
      null,
    ]);
    const again = await importBytes(bytes, 'table.xlsx');
    const names = (project: Project) => project.indicators.map((item) => item.name);
    expect(names(again.document.units[0]?.projects[0] as Project)).toEqual(
      names(document.units[0]?.projects[0] as Project),
    );
  });
});

describe('the 中期 + 年度 form of a project without 中期 data', () => {
  const document = sampleDocument();
  const layout = formLayout(document, { variant: 'midterm' });
  const texts = (section: LayoutSection) =>
    section.bodyRows.flatMap((row) => row.cells.map((cell) => cell.text));

  it('marks the missing 中期 fields and names the values what they are', () => {
    // The security project has neither 中期 money nor a 中期 goal.
    const bare = texts(layout.sections[0] as LayoutSection);
    expect(bare).toContain('中期资金总额（文档未填）');
    expect(bare.some((text) => text.startsWith('中期目标') && text.endsWith('（文档未填）'))).toBe(
      true,
    );
    expect(bare).toContain('实施周期指标值');
    expect(bare).not.toContain('中期指标值');
    // The campus project has both: plain labels, 中期指标值.
    const full = texts(layout.sections[1] as LayoutSection);
    expect(full).toContain('中期资金总额');
    expect(full).toContain('中期指标值');
    expect(full.join('')).not.toContain('文档未填');
  });

  it('names the projects that lack 中期 data, and only those, in one line', () => {
    const warnings = midtermWarnings(document);
    expect(warnings).toEqual([
      {
        text: '「市机电技师学院安保和物业管理服务经费」「=SUM(A1:A9)项目名称以等号开头」「市机电技师学院教学实训设备维修维护工作经费项目」没有中期资金和中期目标：表中已标“（文档未填）”，请补填。',
      },
    ]);
    expect(JSON.stringify(warnings)).not.toContain('智慧校园');
  });
});

describe('Word page furniture', () => {
  it('numbers pages as GB/T 9704 — odd right, even left, 4号 — with no theme fonts', async () => {
    const files = unzipText(await exportDocx(disclosureLayout(sampleDocument())));
    expect(Object.keys(files).some((path) => path.includes('theme'))).toBe(false);
    expect(files['word/_rels/document.xml.rels']).not.toContain('theme');
    expect(files['[Content_Types].xml']).not.toContain('theme');
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.entries(files)
      .filter(([path]) => /^word\/footer\d+\.xml$/.test(path))
      .map(([, text]) => text);
    expect(footers).toHaveLength(2);
    const aligned = footers.map((text) => /<w:jc w:val="(\w+)"\/>/.exec(text)?.[1]).sort();
    expect(aligned).toEqual(['left', 'right']);
    for (const text of footers) {
      expect(text).toContain('<w:sz w:val="28"/>');
      expect(text).toContain('w:eastAsia="宋体"');
      expect(text).toContain('PAGE');
      expect(text).toContain('— </w:t>');
    }
    // The font table names a fallback for the GB2312 faces.
    expect(files['word/fontTable.xml']).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>',
    );
    expect(files['word/fontTable.xml']).toContain(
      '<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>',
    );
  });

  it('gives each form a continuation header, its own first page and page numbers from 1', async () => {
    const files = unzipText(await exportDocx(formLayout(sampleDocument(), { variant: 'annual' })));
    const body = files['word/document.xml'] ?? '';
    expect(body.match(/<w:titlePg\/>/g)).toHaveLength(5);
    expect(body.match(/<w:pgNumType w:start="1"\/>/g)).toHaveLength(5);
    const headers = Object.entries(files)
      .filter(([path]) => /^word\/header\d+\.xml$/.test(path))
      .map(([, text]) => text)
      .join('');
    expect(headers).toContain('项目名称：市机电技师学院安保和物业管理服务经费（续）');
    // A section break after a form is 1 pt high: no blank page after a full page.
    expect(body).not.toMatch(/<\/w:tbl><w:p><w:pPr><w:sectPr/);
  });
});

describe('the 明细表', () => {
  const document = sampleDocument();
  const section = detailLayout(document).sections[0] as LayoutSection;

  it('has one row per indicator with the amounts on each project’s first row', () => {
    expect(section.headerRows[0]?.cells.map((cell) => cell.text)).toEqual(
      DETAIL_COLUMNS.map(([, header]) => header),
    );
    const indicators = document.units.flatMap((unit) =>
      unit.projects.flatMap((project) => project.indicators),
    );
    expect(section.bodyRows).toHaveLength(indicators.length);
    const totals = section.bodyRows.reduce((sum, row) => sum + (row.cells[2]?.amount ?? 0), 0);
    expect(totals).toBe(documentAmounts(document).total);
    const first = section.bodyRows[0]?.cells.map((cell) => cell.text);
    expect(first).toEqual([
      '广州市机电技师学院',
      '市机电技师学院安保和物业管理服务经费',
      '638.00',
      '638.00',
      '',
      '',
      '产出指标',
      '数量指标',
      '新增设备数量',
      '89台套',
      '89台套',
      '',
    ]);
    expect(section.bodyRows[1]?.cells.slice(0, 6).map((cell) => cell.text)).toEqual([
      '广州市机电技师学院',
      '市机电技师学院安保和物业管理服务经费',
      '',
      '',
      '',
      '',
    ]);
  });

  it('writes an Excel sheet with the header frozen and filters on it', async () => {
    const files = unzipText(await exportXlsx(detailLayout(document)));
    const sheet = xml(files['xl/worksheets/sheet1.xml']);
    expect(sheet.getElementsByTagNameNS(S, 'autoFilter')[0]?.getAttribute('ref')).toBe('A1:L1');
    const pane = sheet.getElementsByTagNameNS(S, 'pane')[0];
    expect(pane?.getAttribute('ySplit')).toBe('1');
    expect(pane?.getAttribute('state')).toBe('frozen');
  });

  it('re-imports exactly (shared/import/detailSheet.ts)', async () => {
    const again = await importBytes(await exportXlsx(detailLayout(document)), 'detail.xlsx');
    const carried = (doc: JixiaoDocument) =>
      doc.units.map((unit) => [
        unit.name,
        unit.projects.map((p) => [
          p.name,
          [p.money.fiscal, p.money.specialAccount, p.money.other],
          p.indicators.map((i) => [i.level1, i.level2, i.name, i.period, i.annual, i.note ?? '']),
        ]),
      ]);
    expect(carried(again.document)).toEqual(carried(document));
  });
});
