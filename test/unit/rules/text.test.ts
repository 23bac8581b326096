import { describe, expect, it } from 'vitest';
import { parseValue } from '../../../shared/model';
import {
  checkDocument,
  formatCheckReport,
  normalisePunctuation,
  stripHtml,
} from '../../../shared/rules';
import {
  documentWith,
  findingsOf,
  makeDocument,
  makeIndicator,
  makeProject,
  onlyFinding,
} from './helpers';

describe('T1: leftover HTML', () => {
  it('warns about tags in goals, names and values, each with a strip fix', () => {
    const indicator = makeIndicator('质量', '<b>设备完好率</b>', '95%');
    indicator.annual = parseValue('<p>95%</p>');
    const project = makeProject({
      goals: { annual: '<p>一是升级教务系统。</p> <p>二是升级人事系统。</p>' },
      indicators: [...makeProject().indicators, indicator],
    });
    const findings = findingsOf(makeDocument([project]), 'T1');
    expect(findings.map((f) => f.where.field)).toEqual(['goals.annual', 'name', 'annual']);
    expect(findings.every((f) => f.fix?.kind === 'strip-html' && f.severity === 'warning')).toBe(
      true,
    );
  });

  it('strips tags, keeps paragraphs as lines and decodes entities', () => {
    expect(stripHtml('<p>一是升级。</p> <p>二是&nbsp;新建&lt;问卷&gt;。</p>')).toBe(
      '一是升级。\n二是 新建<问卷>。',
    );
    expect(findingsOf(makeDocument(), 'T1')).toEqual([]);
  });

  it('does not take a comparison for a tag', () => {
    const document = documentWith(makeIndicator('数量', '系统并发数', '>300（个）'));
    expect(findingsOf(document, 'T1')).toEqual([]);
  });
});

describe('T2: mixed punctuation', () => {
  it('warns about half-width marks beside Chinese text', () => {
    const project = makeProject({
      goals: { annual: '目标如下:一是升级系统;二是新建问卷(含防刷票)。' },
    });
    const finding = onlyFinding(makeDocument([project]), 'T2');
    expect(finding).toMatchObject({ where: { field: 'goals.annual' }, severity: 'warning' });
    expect(finding.fix?.kind).toBe('normalise-punctuation');
  });

  it('normalises only marks beside Chinese text', () => {
    expect(normalisePunctuation('目标如下:一是升级;二是新建(含防刷票),完成')).toBe(
      '目标如下：一是升级；二是新建（含防刷票），完成',
    );
    expect(normalisePunctuation('10:30 完成 1,000 台 (A)')).toBe('10:30 完成 1,000 台 (A)');
    expect(normalisePunctuation('1. 满足2025年需求；2. 满足竞赛需求')).toBe(
      '1. 满足2025年需求；2. 满足竞赛需求',
    );
  });

  it('checks indicator names too', () => {
    const indicator = makeIndicator('质量', '服务对象满意度(设备使用满意度)', '≥90%');
    expect(onlyFinding(documentWith(indicator), 'T2').where).toMatchObject({
      indicatorId: indicator.id,
      field: 'name',
    });
  });
});

describe('T3: years in goals', () => {
  it('warns about a year that is not the document’s', () => {
    const project = makeProject({ goals: { annual: '满足2024年全校所有专业教学耗材的需求。' } });
    const finding = onlyFinding(makeDocument([project]), 'T3');
    expect(finding.message).toBe(
      '「市机电技师学院教学信息化设备购置项目」的年度目标提到 2024年，本表是 2025 年度，是否从上年复制后未改？',
    );
    expect(finding.fix).toBeUndefined();
  });

  it('accepts the document’s year, ranges that include it and years in the project period', () => {
    const goals = { annual: '满足2025年需求；完成2024年-2025年运维；2026年完成验收。' };
    const within = makeProject({ goals, periodStart: 2025, periodEnd: 2026 });
    expect(findingsOf(makeDocument([within]), 'T3')).toEqual([]);
    const outside = makeProject({ goals });
    expect(onlyFinding(makeDocument([outside]), 'T3').message).toContain('2026年');
  });

  it('ignores document numbers and is off without a fiscal year', () => {
    const project = makeProject({
      goals: { annual: '贯彻落实（穗数建办〔2022〕13号），为中国制造2025提供人才。' },
    });
    expect(findingsOf(makeDocument([project]), 'T3')).toEqual([]);
    const old = makeProject({ goals: { annual: '满足2024年需求。' } });
    expect(findingsOf(makeDocument([old], { fiscalYear: null }), 'T3')).toEqual([]);
  });
});

describe('findings about text pasted far too long', () => {
  it('quote its start and its length, not the whole text, in every line and heading', () => {
    const project = makeProject({ name: '长'.repeat(1000) });
    project.indicators[0]!.name = '指'.repeat(500);
    project.indicators[1]!.annual = { sign: '定性', value: '值'.repeat(500), unit: '个' };
    const document = makeDocument([project]);
    const findings = checkDocument(document);
    const about = findings.filter((item) => item.where.projectId === project.id);
    expect(about.map((item) => item.code)).toEqual(expect.arrayContaining(['R5', 'V4', 'V6']));
    for (const item of about) {
      expect(item.message).toContain(`「${'长'.repeat(30)}…（共 1000 字）」`);
      expect(item.message.length).toBeLessThan(200);
      if (item.fix) expect(item.fix.label.length).toBeLessThan(60);
    }
    const names = about.find((item) => item.code === 'R5')!.message;
    expect(names).toContain(`指标「${'指'.repeat(30)}…（共 500 字）」名称有 500 个字`);
    const report = formatCheckReport(document, findings);
    expect(report).toContain(`「${'长'.repeat(30)}…（共 1000 字）」\n`);
    expect(report).not.toContain('长'.repeat(31));
    expect(report).not.toContain('值'.repeat(31));
  });
});
