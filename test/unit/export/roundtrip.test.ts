import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFromFile } from '../../../electron/host/importFile';
import { disclosureText } from '../../../shared/export';
import { importDisclosureText } from '../../../shared/import';
import type { JixiaoDocument } from '../../../shared/model';
import { generateDocument } from '../../bench/generate';
import { sampleDocument, seedText } from './helpers';

/** What the disclosure table carries, field by field (ids, codes, years and 中期 data it does not). */
function carried(document: JixiaoDocument) {
  return {
    title: document.title,
    department: document.department,
    moneyUnit: document.moneyUnit,
    frameworkId: document.frameworkId,
    units: document.units.map((unit) => ({
      name: unit.name,
      projects: unit.projects.map((project) => ({
        name: project.name,
        fiscal: project.money.fiscal,
        specialAccount: project.money.specialAccount,
        other: project.money.other,
        goal: project.goals.annual,
        indicators: project.indicators.map((indicator) => ({
          level1: indicator.level1,
          level2: indicator.level2,
          name: indicator.name,
          period: indicator.period,
          annual: indicator.annual,
        })),
      })),
    })),
  };
}

const seed = seedText();

describe('disclosure text round trip (export → import)', () => {
  it('gives the seed back field for field', () => {
    const original = importDisclosureText(seed).document;
    const text = disclosureText(original);
    const again = importDisclosureText(text).document;
    expect(carried(again)).toEqual(carried(original));
    // The seed's totals survive: 14 projects, 89 indicators, 合计 4,791.93.
    expect(again.units.flatMap((unit) => unit.projects)).toHaveLength(14);
    expect(again.units.flatMap((unit) => unit.projects.flatMap((p) => p.indicators))).toHaveLength(
      89,
    );
    // The year the import settled on (2025, from the texts) is printed under the title.
    expect(text.split('\n')[1]).toBe('（2025年度）');
    expect(again.fiscalYear).toBe(2025);
    expect(text.split('\n')[8]).toBe('合计\t4,791.93\t4,791.93\t\t\t\t');
    // A second export of the re-imported document is the same text: the format is stable.
    expect(disclosureText(again)).toBe(text);
  });

  it('gives the hand-built sample back, line breaks included', () => {
    const original = sampleDocument();
    const again = importDisclosureText(disclosureText(original)).document;
    expect(carried(again)).toEqual(carried(original));
    const campus = again.units[0]?.projects[1];
    expect(campus?.goals.annual.split('\n')).toHaveLength(4);
    expect(again.units[0]?.projects[2]?.name).toBe('=SUM(A1:A9)项目名称以等号开头');
  });

  it('gives generated documents back', () => {
    for (const seedNumber of [1, 2, 3]) {
      const original = generateDocument(30, 10, seedNumber);
      const again = importDisclosureText(disclosureText(original)).document;
      expect(carried(again)).toEqual(carried(original));
    }
  });
});

describe('disclosure text round trip of the real forms (test/fixtures/forms)', () => {
  const forms = join(import.meta.dirname, '../../fixtures/forms');
  const files = readdirSync(forms).filter((file) => /\.(?:xlsx|docx)$/u.test(file));

  it.each(files)('%s comes back field for field', async (file) => {
    const original = (await importFromFile(join(forms, file))).document;
    const again = importDisclosureText(disclosureText(original)).document;
    expect(carried(again)).toEqual(carried(original));
  });
});
