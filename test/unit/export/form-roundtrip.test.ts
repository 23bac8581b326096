import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBytes, importFromFile } from '../../../electron/host/importFile';
import { exportDocx, exportXlsx, formLayout } from '../../../shared/export';
import { renderValue, type JixiaoDocument } from '../../../shared/model';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** What a per-project form carries of each indicator, note included. */
function indicatorRows(document: JixiaoDocument): string[][] {
  return document.units.flatMap((unit) =>
    unit.projects.flatMap((project) =>
      project.indicators.map((indicator) => [
        project.name,
        indicator.level1,
        indicator.level2,
        indicator.name,
        renderValue(indicator.period),
        renderValue(indicator.annual),
        indicator.note ?? '',
      ]),
    ),
  );
}

describe('per-project forms keep what an imported form brought', () => {
  // LibreOffice-made provincial forms with a 指标值说明 column (see test/fixtures/README.md).
  for (const fixture of ['form-annual-yuan.xlsx', 'form-long-term.xlsx']) {
    for (const [format, write] of [
      ['xlsx', exportXlsx],
      ['docx', exportDocx],
    ] as const) {
      it(`${fixture} → form .${format} → import gives the same indicators and notes`, async () => {
        const { document } = await importFromFile(join(FIXTURES, fixture));
        const noted = indicatorRows(document).filter((row) => row[6] !== '');
        expect(noted.length).toBeGreaterThan(0);
        const bytes = await write(formLayout(document, { variant: 'annual' }));
        const again = await importBytes(bytes, `forms.${format}`);
        expect(indicatorRows(again.document)).toEqual(indicatorRows(document));
      });
    }
  }
});
