import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFromFile } from '../../../electron/host/importFile';
import { expectSameAsSeed, ROOT } from './seed-helpers';

const FIXTURES = join(ROOT, 'test/fixtures');

describe('the seed written by LibreOffice imports to the same document as the text', () => {
  it.each([
    ['seed-libreoffice.xlsx', '公开表（Excel 工作簿（.xlsx））'],
    ['seed-libreoffice.xls', '公开表（Excel 97-2003 工作簿（.xls））'],
    ['seed-libreoffice.docx', '公开表（Word 文档（.docx））'],
    ['seed-libreoffice-utf8.csv', '公开表（CSV 文件）'],
    ['seed-libreoffice-gbk.csv', '公开表（CSV 文件）'],
  ])('%s', async (file, format) => {
    // The same document; the same things normalised, recovered and flagged, only the places
    // are named differently.
    expectSameAsSeed(await importFromFile(join(FIXTURES, file)), format);
  });

  it('names cells the way the container does', async () => {
    const xlsx = await importFromFile(join(FIXTURES, 'seed-libreoffice.xlsx'));
    const recovered = xlsx.report.entries.find((entry) => entry.kind === 'recovered');
    expect(recovered?.source).toMatchObject({
      sheet: 'Sheet1',
      cell: expect.stringMatching(/^F\d+$/),
    });
    const docx = await importFromFile(join(FIXTURES, 'seed-libreoffice.docx'));
    const html = docx.report.entries.find((entry) => entry.message.includes('HTML'));
    expect(html?.source?.sheet).toMatch(/^表格 \d$/);
  });
});
