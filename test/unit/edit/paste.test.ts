import { describe, expect, it } from 'vitest';
import {
  applyAction,
  pasteGridNotes,
  pasteKeptIndicators,
  pasteTotalNotes,
  type DocumentActionArgs,
} from '../../../shared/edit';
import { renderValue, type JixiaoDocument } from '../../../shared/model';
import { sampleDocument } from './helpers';

const SAMPLE = sampleDocument();
const project = (document: JixiaoDocument, id: string) =>
  document.units.flatMap((unit) => unit.projects).find((item) => item.id === id);
const rows = (document: JixiaoDocument, id: string) =>
  (project(document, id)?.indicators ?? []).map((indicator) =>
    [
      indicator.level1,
      indicator.level2,
      indicator.name,
      renderValue(indicator.period),
      renderValue(indicator.annual),
    ].join('/'),
  );

/** Three rows copied from a published table's indicator columns (一级, 二级, 三级, 实施周期, 年度). */
const PUBLISHED_ROWS = [
  ['产出指标', '数量指标', '培训人数', '≥100人次', '≥100人次'],
  ['产出指标', '质量指标', '合格率', '≥95%', '≥95%'],
  ['效益指标', '社会效益指标', '就业率', '≥90%', '≥90%'],
];

function onIndicators(block: string[][], projectId = 'p2'): DocumentActionArgs['pasteGrid'] {
  return {
    anchor: { kind: 'project', projectId },
    column: 'indicators',
    block,
    newIds: block.map((_, index) => `ind-new-${index}`),
  };
}

describe('indicator rows pasted on a 绩效指标 cell', () => {
  it('are added to that project only, as the project panel reads them', () => {
    const paste = onIndicators(PUBLISHED_ROWS);
    const after = applyAction(SAMPLE, 'pasteGrid', paste).document;
    expect(rows(after, 'p2')).toEqual([
      ...rows(SAMPLE, 'p2'),
      '产出指标/数量指标/培训人数/≥100人次/≥100人次',
      '产出指标/质量指标/合格率/≥95%/≥95%',
      '效益指标/社会效益指标/就业率/≥90%/≥90%',
    ]);
    expect(
      project(after, 'p2')
        ?.indicators.slice(-3)
        .map((item) => item.id),
    ).toEqual(['ind-new-0', 'ind-new-1', 'ind-new-2']);
    for (const id of ['p1', 'p3', 'p4']) expect(project(after, id)).toBe(project(SAMPLE, id));
    expect(project(after, 'p2')?.raw).toEqual(project(SAMPLE, 'p2')?.raw);
    // Nothing is read as an indicator run, so there is nothing to set aside or say.
    expect(pasteGridNotes(SAMPLE.frameworkId, paste)).toEqual([]);
  });

  it('keep a merged 一级 cell, a header row and rows that start at 二级', () => {
    const after = applyAction(
      SAMPLE,
      'pasteGrid',
      onIndicators([
        ['一级指标', '二级指标', '三级指标', '实施周期指标值', '年度指标值'],
        ['产出指标', '数量指标', '培训人数', '≥100人次', '≥100人次'],
        ['', '质量指标', '合格率', '≥95%', '≥95%'],
      ]),
    ).document;
    expect(rows(after, 'p2').slice(-2)).toEqual([
      '产出指标/数量指标/培训人数/≥100人次/≥100人次',
      '产出指标/质量指标/合格率/≥95%/≥95%',
    ]);
    const fromLevel2 = applyAction(
      SAMPLE,
      'pasteGrid',
      onIndicators([['质量指标', '合格率', '≥95%', '≥95%']]),
    ).document;
    expect(rows(fromLevel2, 'p2').at(-1)).toBe('产出指标/质量指标/合格率/≥95%/≥95%');
  });

  it('with text past the indicator table’s last column are refused, never cut', () => {
    expect(() =>
      applyAction(
        SAMPLE,
        'pasteGrid',
        onIndicators([
          ['产出指标', '数量指标', '培训人数', '≥100人次', '≥100人次', '说明', '备注'],
        ]),
      ),
    ).toThrow('粘贴内容第 1 行「指标值说明」之后还有 1 列');
  });
});

describe('columns past the grid’s last one', () => {
  it('refuse the paste with where, and a paste that fits is unchanged', () => {
    expect(() =>
      applyAction(SAMPLE, 'pasteGrid', {
        anchor: { kind: 'project', projectId: 'p2' },
        column: 'goal',
        block: [['目标', '1、产出指标；数量指标；培训人数；≥100人次', '多出的一列']],
        newIds: [],
      }),
    ).toThrow('粘贴内容第 1 行「绩效指标」之后还有 1 列，超出表格的最后一列，未粘贴');
    // Several columns on the 绩效指标 cell that are no indicator rows cannot fit either.
    expect(() =>
      applyAction(SAMPLE, 'pasteGrid', onIndicators([['某项目', '100.00', '目标']])),
    ).toThrow('之后还有 2 列');
    // Empty cells past the last column (a trailing tab) are no columns to lose.
    const after = applyAction(SAMPLE, 'pasteGrid', {
      anchor: { kind: 'project', projectId: 'p2' },
      column: 'goal',
      block: [['新目标', '1、产出指标；数量指标；培训人数；≥100人次', '']],
      newIds: [],
    }).document;
    expect(project(after, 'p2')?.goals.annual).toBe('新目标');
  });
});

describe('a 绩效指标 cell of which no indicator reads', () => {
  it('is refused and leaves the indicators and 未识别内容 as they were', () => {
    for (const text of ['以上指标由学院审核确定', '完成培训；提高质量；促进就业；服务社会']) {
      expect(() => applyAction(SAMPLE, 'pasteGrid', onIndicators([[text]]))).toThrow(
        '粘贴内容第 1 行「绩效指标」：没有读出任何绩效指标，项目原有的指标未改动',
      );
    }
    // A copied row without indicators keeps the project's (said in the notice): it took them all.
    const kept = applyAction(SAMPLE, 'pasteGrid', {
      anchor: { kind: 'project', projectId: 'p2' },
      column: 'goal',
      block: [['目标', '']],
      newIds: [],
    }).document;
    expect(rows(kept, 'p2')).toEqual(rows(SAMPLE, 'p2'));
  });

  it('reads the form the refusal names, with or without its number, and says one value was used twice', () => {
    for (const text of [
      '1、产出指标；数量指标；培训人数；≥100人次',
      '产出指标；数量指标；培训人数；≥100人次',
    ]) {
      const paste = onIndicators([[text]]);
      const after = applyAction(SAMPLE, 'pasteGrid', paste).document;
      expect(rows(after, 'p2')).toEqual(['产出指标/数量指标/培训人数/≥100人次/≥100人次']);
      expect(pasteGridNotes(SAMPLE.frameworkId, paste)).toEqual([
        '粘贴内容第 1 行「绩效指标」：指标「培训人数」只写了一个指标值，实施周期指标值和年度指标值都填为「≥100人次」，请核对。',
      ]);
    }
  });
});

describe('the 总计 column', () => {
  it('refuses a paste that lands only there, so no empty undo step says 已粘贴', () => {
    for (const block of [[['500']], [['500'], ['600']]]) {
      expect(() =>
        applyAction(SAMPLE, 'pasteGrid', {
          anchor: { kind: 'project', projectId: 'p2' },
          column: 'total',
          block,
          newIds: [],
        }),
      ).toThrow('总计由财政拨款、财政专户拨款和其他资金相加得出，不能直接输入或粘贴。');
    }
  });

  it('says when a pasted 总计 differs from the sum of its parts, which it becomes', () => {
    const paste: DocumentActionArgs['pasteGrid'] = {
      anchor: { kind: 'project', projectId: 'p2' },
      column: 'name',
      block: [
        ['新项目甲', '100.00', '60.00', '', '', '目标甲'],
        ['新项目乙', '1,250.50', '1,200.50', '50', '', '目标乙'],
        ['新项目丙', '一百', '100', '', '', '目标丙'],
      ],
      newIds: [],
    };
    const after = applyAction(SAMPLE, 'pasteGrid', paste).document;
    expect(pasteTotalNotes(after, paste)).toEqual([
      '粘贴内容第 1 行的总计 100.00 与财政拨款、财政专户拨款、其他资金之和 60.00 不符，总计按各项之和计为 60.00',
      '粘贴内容第 3 行的总计「一百」与财政拨款、财政专户拨款、其他资金之和 100.00 不符，总计按各项之和计为 100.00',
    ]);
    // Parts kept from the project count too: 总计 and 财政拨款 pasted over p2's 160.00.
    const partly: DocumentActionArgs['pasteGrid'] = {
      anchor: { kind: 'project', projectId: 'p2' },
      column: 'total',
      block: [['170.00', '150.00']],
      newIds: [],
    };
    const kept = applyAction(SAMPLE, 'pasteGrid', partly).document;
    expect(pasteTotalNotes(kept, partly)).toEqual([
      '粘贴内容第 1 行的总计 170.00 与财政拨款、财政专户拨款、其他资金之和 150.00 不符，总计按各项之和计为 150.00',
    ]);
    expect(pasteTotalNotes(SAMPLE, { ...partly, column: 'fiscal' })).toEqual([]);
  });
});

describe('a pasted row whose 绩效指标 is blank', () => {
  it("keeps the project's indicators and counts the row for the notice", () => {
    const paste: DocumentActionArgs['pasteGrid'] = {
      anchor: { kind: 'project', projectId: 'p2' },
      column: 'name',
      block: [['新名称', '', '1.00', '', '', '新目标', '']],
      newIds: ['unused'],
    };
    const after = applyAction(SAMPLE, 'pasteGrid', paste).document;
    expect(project(after, 'p2')?.name).toBe('新名称');
    expect(project(after, 'p2')?.goals.annual).toBe('新目标');
    expect(rows(after, 'p2')).toEqual(rows(SAMPLE, 'p2'));
    expect(rows(SAMPLE, 'p2')).toHaveLength(4);
    expect(pasteKeptIndicators(SAMPLE, paste)).toBe(1);
    // A row that stops before the 绩效指标 column says nothing about indicators.
    expect(pasteKeptIndicators(SAMPLE, { ...paste, block: [['新名称', '', '1.00']] })).toBe(0);
  });
});
