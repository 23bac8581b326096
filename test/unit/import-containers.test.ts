import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summariseDocument } from '../../electron/cli/summary';
import { importFromFile } from '../../electron/host/importFile';
import { importDisclosureText } from '../../shared/import';
import { documentSchema, withSequentialIds } from '../../shared/model';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures');
const SEED = join(ROOT, '../shared/seed/guangzhou-2025-jidian-disclosure.txt');

const fromText = importDisclosureText(readFileSync(SEED, 'utf8'));

/** Sources name the container's cells, so they differ by design; everything else must not. */
function withoutSources<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (key, item) => (key === 'source' ? undefined : item)),
  ) as T;
}

describe('the seed written by LibreOffice imports to the same document as the text', () => {
  it.each([
    ['seed-libreoffice.xlsx', '公开表（Excel 工作簿（.xlsx））'],
    ['seed-libreoffice.xls', '公开表（Excel 97-2003 工作簿（.xls））'],
    ['seed-libreoffice.docx', '公开表（Word 文档（.docx））'],
    ['seed-libreoffice-utf8.csv', '公开表（CSV 文件）'],
    ['seed-libreoffice-gbk.csv', '公开表（CSV 文件）'],
  ])('%s', async (file, format) => {
    const result = await importFromFile(join(FIXTURES, file));
    expect(documentSchema.safeParse(result.document).success).toBe(true);
    expect(result.report.format).toBe(format);
    expect(withoutSources(withSequentialIds(result.document))).toEqual(
      withoutSources(withSequentialIds(fromText.document)),
    );
    expect(summariseDocument(result.document)).toEqual(summariseDocument(fromText.document));
    expect(result.report.counts).toEqual({ units: 1, projects: 14, indicators: 89 });
    // The same things are normalised, recovered and flagged, only the places are named differently.
    expect(
      result.report.entries.map((entry) => [entry.kind, entry.project, entry.message]),
    ).toEqual(fromText.report.entries.map((entry) => [entry.kind, entry.project, entry.message]));
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
