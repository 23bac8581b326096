import { describe, expect, it } from 'vitest';
import { applyAction, pasteGridNotes, type DocumentActionArgs } from '../../../shared/edit';
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

function onIndicators(block: string[][], projectId = 'p2'): DocumentActionArgs['pasteGrid'] {
  return {
    anchor: { kind: 'project', projectId },
    column: 'indicators',
    block,
    newIds: block.map((_, index) => `ind-new-${index}`),
  };
}

describe('a 绩效指标 cell of which no indicator reads', () => {
  it('is refused and leaves the indicators and 未识别内容 as they were', () => {
    for (const text of ['以上指标由学院审核确定', '完成培训；提高质量；促进就业；服务社会']) {
      expect(() => applyAction(SAMPLE, 'pasteGrid', onIndicators([[text]]))).toThrow(
        '粘贴内容第 1 行「绩效指标」：没有读出任何绩效指标，项目原有的指标未改动',
      );
    }
    // Emptying a cell on purpose (a copied row without indicators) still empties it.
    const emptied = applyAction(SAMPLE, 'pasteGrid', {
      anchor: { kind: 'project', projectId: 'p2' },
      column: 'goal',
      block: [['目标', '']],
      newIds: [],
    }).document;
    expect(project(emptied, 'p2')?.indicators).toEqual([]);
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
