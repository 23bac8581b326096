import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { disclosureLayout, exportXlsx, formLayout, type Layout } from '../../../shared/export';
import { openRowWriter } from '../../../shared/export/xlsxRows';
import { importDisclosureText } from '../../../shared/import';
import type { JixiaoDocument } from '../../../shared/model';
import { generateDocument } from '../../bench/generate';
import { sampleDocument, seedText } from './helpers';

/** Every part of the package but docProps/core.xml, which carries the time of writing. */
function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name !== 'docProps/core.xml')
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

function layouts(document: JixiaoDocument): Array<[string, Layout]> {
  return [
    ['disclosure', disclosureLayout(document)],
    ['form annual', formLayout(document, { variant: 'annual' })],
    ['form midterm', formLayout(document, { variant: 'midterm' })],
  ];
}

/** A generated document whose texts hold XML's special characters and would-be formulas. */
function awkwardDocument(): JixiaoDocument {
  const document = generateDocument(40, 12, 7);
  const project = document.units[0]?.projects[0];
  if (project) {
    project.name = '=SUM(A1:A9) & <项目> "甲" \'乙\'';
    project.goals.annual = '+1 年度目标 <b>&amp;</b>\n-第二段 @引用';
  }
  return document;
}

describe('exportXlsx: rows written as XML text', () => {
  const documents: Array<[string, () => JixiaoDocument]> = [
    ['the seed', () => importDisclosureText(seedText()).document],
    ['the hand-built sample', sampleDocument],
    ['a generated 120-project document', () => generateDocument(120, 15, 3)],
    ['texts with XML characters and formula signs', awkwardDocument],
  ];
  for (const [what, make] of documents) {
    it(`writes the same package as ExcelJS's cells for ${what}`, async () => {
      for (const [name, layout] of layouts(make())) {
        const direct = parts(await exportXlsx(layout));
        const cells = parts(await exportXlsx(layout, { throughCells: true }));
        expect(Object.keys(direct).sort(), name).toEqual(Object.keys(cells).sort());
        for (const [part, xml] of Object.entries(cells))
          expect(direct[part], `${name} ${part}`).toBe(xml);
        // The comparison covers rows: the sheets hold cells with shared strings and merges.
        expect(direct['xl/worksheets/sheet1.xml']).toMatch(
          /<c r="A\d+" s="\d+" t="s"><v>\d+<\/v><\/c>/,
        );
        expect(direct['xl/worksheets/sheet1.xml']).toContain('<mergeCell ref=');
      }
    });
  }

  it('falls back to ExcelJS cells when the streaming writer lacks the internals it needs', () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      useStyles: true,
      useSharedStrings: true,
    });
    const sheet = workbook.addWorksheet('表');
    expect(openRowWriter(workbook, sheet)).not.toBeNull();
    const changed = Object.assign(Object.create(sheet) as object, { _writeColumns: undefined });
    expect(openRowWriter(workbook, changed as unknown as ExcelJS.Worksheet)).toBeNull();
    const plain = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true });
    expect(openRowWriter(plain, plain.addWorksheet('表'))).toBeNull();
  });
});
