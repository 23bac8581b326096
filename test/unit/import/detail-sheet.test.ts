/**
 * The 明细表 (one indicator a row) read back: our own export as .xlsx (through the worker) and as
 * tab-separated text gives back every field it carries; a 明细表 a clerk worked on in LibreOffice
 * (rows moved, a row typed by hand, an empty row; test/fixtures/detail, written by
 * scripts/make-detail-fixture.ts) imports to the seed's projects and amounts with a report.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes, importFromFile } from '../../../electron/host/importFile';
import { detailLayout } from '../../../shared/export/detailLayout';
import { exportXlsx } from '../../../shared/export';
import { importTextTable } from '../../../shared/import';
import { documentAmounts, documentSchema, type JixiaoDocument } from '../../../shared/model';
import { described, fromText, ROOT } from './seed-helpers';

/** What the 明细表 carries of a document: units, projects, amounts and every indicator field. */
function carried(document: JixiaoDocument) {
  return document.units.map((unit) => ({
    unit: unit.name,
    projects: unit.projects.map((project) => ({
      name: project.name,
      money: {
        fiscal: project.money.fiscal,
        specialAccount: project.money.specialAccount,
        other: project.money.other,
      },
      indicators: project.indicators.map(({ level1, level2, name, period, annual, note }) => ({
        level1,
        level2,
        name,
        period,
        annual,
        ...(note === undefined ? {} : { note }),
      })),
    })),
  }));
}

const seed = fromText.document;

/** The 明细表's rows as text: what copying the sheet out of Excel gives. */
function detailTsv(document: JixiaoDocument): string {
  const section = detailLayout(document).sections[0];
  const rows = [...(section?.headerRows ?? []), ...(section?.bodyRows ?? [])];
  return rows.map((row) => row.cells.map((cell) => cell.text).join('\t')).join('\n');
}

describe('our own 明细表 re-imports exactly', () => {
  it('as .xlsx', async () => {
    const result = await importBytes(await exportXlsx(detailLayout(seed)), '明细表.xlsx');
    expect(result.report.format).toBe('明细表（Excel 工作簿（.xlsx））');
    expect(documentSchema.safeParse(result.document).success).toBe(true);
    expect(carried(result.document)).toEqual(carried(seed));
    expect(result.report.counts).toEqual({ units: 1, projects: 14, indicators: 89 });
    expect(result.document.moneyUnit).toBe('万元');
    // Only what the 明细表 cannot carry is reported.
    expect(described(result.report.entries)).toEqual([
      [
        'warning',
        undefined,
        '明细表中没有部门名称、年度目标和项目属性：部门名称和目标留空，请在文档信息和项目详情中补填。',
      ],
    ]);
  });

  it('as the exported .xlsx printed to PDF by LibreOffice', async () => {
    const result = await importFromFile(join(ROOT, 'test/fixtures/pdf/seed-detail-xlsx.pdf'));
    expect(result.report.format).toBe('明细表（PDF 文件）');
    expect(carried(result.document)).toEqual(carried(seed));
  });

  it('as the same rows in tab-separated text', () => {
    const result = importTextTable(detailTsv(seed));
    expect(result.report.format).toBe('明细表（制表符分隔文本）');
    expect(carried(result.document)).toEqual(carried(seed));
  });
});

describe('a 明细表 a clerk worked on in LibreOffice', () => {
  it('keeps every project and amount, takes the typed row and reports what it did', async () => {
    const result = await importFromFile(
      join(ROOT, 'test/fixtures/detail/seed-detail-edited-libreoffice.xlsx'),
    );
    const { document, report } = result;
    expect(report.counts).toEqual({ units: 1, projects: 14, indicators: 90 });
    expect(documentAmounts(document).total).toBe(documentAmounts(seed).total);
    // Every project with the same amounts and indicators, whatever order its rows came in.
    const byName = (doc: JixiaoDocument) =>
      new Map(carried(doc)[0]?.projects.map((project) => [project.name, project]));
    const before = byName(seed);
    const after = byName(document);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, project] of before) {
      const read = after.get(name);
      expect(read?.money, name).toEqual(project.money);
      const sorted = (list: typeof project.indicators) =>
        [...list].sort((a, b) => a.name.localeCompare(b.name));
      const extra = read?.indicators.filter((indicator) => indicator.name === '报修响应时间');
      expect(sorted(read?.indicators.filter((i) => !extra?.includes(i)) ?? []), name).toEqual(
        sorted(project.indicators),
      );
    }
    // The moved project now comes last; the typed indicator joined the project above it.
    expect(document.units[0]?.projects.at(-1)?.name).toBe('市机电技师学院安保和物业管理服务经费');
    const repairs = document.units[0]?.projects.find(
      (project) => project.name === '广州市机电技师学院校园维护维修项目',
    );
    expect(repairs?.indicators.at(-1)).toMatchObject({
      level1: '产出指标',
      level2: '时效指标',
      name: '报修响应时间',
      annual: { sign: '≤', value: '24', unit: '小时' },
    });
    expect(described(report.entries)).toEqual([
      [
        'warning',
        '广州市机电技师学院校园维护维修项目',
        '这一行没有填单位和项目，按上一行归入「广州市机电技师学院校园维护维修项目」，请核对。',
      ],
      [
        'warning',
        undefined,
        '明细表中没有部门名称、年度目标和项目属性：部门名称和目标留空，请在文档信息和项目详情中补填。',
      ],
      ['normalised', undefined, '跳过 1 个空行。'],
    ]);
    expect(report.entries[0]?.source).toMatchObject({ row: 35 });
  });

  it('reports rows of one project apart, amounts written twice, and a total that does not add up', () => {
    const rows = [
      '单位\t项目\t总计\t财政拨款\t财政专户拨款\t其他资金\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值\t指标值说明',
      '甲校\t设备购置\t100.00\t100.00\t\t\t产出指标\t数量指标\t设备数量\t10台\t10台\t',
      '甲校\t学生资助\t\t\t\t\t产出指标\t数量指标\t资助人数\t≥300人\t≥300人\t',
      '甲校\t设备购置\t100\t100\t\t\t效益指标\t社会效益指标\t使用率\t≥90%\t≥90%\t',
      '甲校\t学生资助\t60\t50\t\t\t满意度指标\t服务对象满意度指标\t学生满意度\t≥90%\t≥90%\t',
    ];
    const { document, report } = importTextTable(rows.join('\n'));
    expect(document.units[0]?.projects.map((project) => [project.name, project.money])).toEqual([
      ['设备购置', { fiscal: 10_000, specialAccount: 0, other: 0 }],
      ['学生资助', { fiscal: 5_000, specialAccount: 0, other: 0 }],
    ]);
    const messages = report.entries.map((entry) => entry.message).join('\n');
    expect(messages).toMatch(
      /总计 60\.00 万元 与财政拨款、财政专户拨款、其他资金之和 50\.00 万元 不符/,
    );
    expect(messages).toMatch(/项目「设备购置」的行不相邻/);
    // The total that does not add up is named at its cell: line 5, the 总计 column.
    const total = report.entries.find((entry) => entry.message.startsWith('总计 60.00'));
    expect(total?.source).toEqual({ line: 5, column: 3 });
  });
});
