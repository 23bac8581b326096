import { describe, expect, it } from 'vitest';
import { checkDocument, stripHtml } from '../../../shared/rules';
import {
  characterCount,
  hasHtml,
  hasMixedPunctuation,
  isPlaceholder,
  mayNeedTextFix,
  yearsOutside,
} from '../../../shared/rules/text';
import { generateDocument } from '../../bench/generate';
import { deepFreeze, goodIndicators, makeDocument, makeIndicator, makeProject } from './helpers';

// The shortcuts checkDocument takes for speed must say what the full rules say.

const SAMPLES = [
  '',
  ' ',
  '\n\u3000\t',
  '-',
  '＊＿－—',
  '* _ -',
  '<p></p>',
  '<p>-</p>',
  '&nbsp;',
  '&amp;',
  '<br>\n<br/>',
  '提升服务质量',
  '提升(服务)质量,确保安全',
  'A(B)C 10:30 1,000',
  '<p>提升</p><p>质量</p>',
  '完成2023年的任务',
  '2024年-2025年完成',
  '全年稳定运行',
  '𠀀𠀁𠀂',
];

describe('text shortcuts', () => {
  it('isPlaceholder agrees with stripping markup first', () => {
    for (const text of SAMPLES) {
      expect(isPlaceholder(text), text).toBe(
        stripHtml(text).replace(/[\s*_\-＊＿－—]/g, '') === '',
      );
    }
  });

  it('mayNeedTextFix is false only when neither T1 nor T2 applies', () => {
    for (const text of SAMPLES) {
      if (!mayNeedTextFix(text)) {
        expect(hasHtml(text) || hasMixedPunctuation(text), text).toBe(false);
      }
    }
  });

  it('counts code points, and finds years only where 年 is written', () => {
    expect(characterCount('𠀀𠀁a')).toBe(3);
    expect(yearsOutside('全年稳定运行', 2025, 2025)).toEqual([]);
    expect(yearsOutside('完成2023年的任务', 2025, 2025)).toEqual(['2023年']);
  });
});

describe('per-indicator state', () => {
  it('labels each finding with its own indicator', () => {
    const indicators = [
      ...goodIndicators(),
      makeIndicator('质量', '设备完好率', '95'),
      makeIndicator('社会效益', '安全事故发生数', '≥1'),
      makeIndicator('数量', '   ', '2个'),
      makeIndicator('质量', '设备运行率', '90'),
    ];
    const document = makeDocument([makeProject({ indicators }), makeProject()]);
    const findings = checkDocument(document);
    expect(findings.length).toBeGreaterThan(3);
    for (const item of findings) {
      const index = indicators.findIndex((indicator) => indicator.id === item.where.indicatorId);
      if (index < 0) continue;
      const name = indicators[index]!.name.trim();
      expect(item.message).toContain(name ? `指标「${name}」` : `第 ${index + 1} 个指标`);
    }
  });

  it('gives the same findings on every run and never writes to the document', () => {
    const document = deepFreeze(generateDocument(120, 15, 3));
    const first = checkDocument(document);
    expect(first.length).toBeGreaterThan(0);
    expect(checkDocument(document)).toEqual(first);
    for (const item of first) {
      const project = document.units
        .flatMap((unit) => unit.projects)
        .find((candidate) => candidate.id === item.where.projectId);
      expect(item.message).toContain(`「${project?.name.trim()}」`);
      const indicator = project?.indicators.find(
        (candidate) => candidate.id === item.where.indicatorId,
      );
      if (indicator) expect(item.message).toContain(`指标「${indicator.name.trim()}」`);
    }
  });
});
