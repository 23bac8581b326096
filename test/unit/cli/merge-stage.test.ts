import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../../electron/host/documentFile';
import { cli, ENGINE_TEXT, FIXTURES, tempFolder } from './helpers';

const TARGET = join(FIXTURES, 'forms/yongde-yunnan-2022-nutrition.xlsx');
const EVALUATION = join(FIXTURES, 'stage-forms/yongde-yunnan-2022-nutrition-evaluation.xlsx');

describe('jixiao merge-stage', () => {
  it('merges a published 自评表 into the document made from its target table, listing every difference', async () => {
    const dir = await tempFolder();
    const document = join(dir, '明朗中学.jixiao.json');
    expect((await cli(['import', TARGET, '-o', document])).code).toBe(0);
    const result = await cli(['merge-stage', document, EVALUATION]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '结果：已将项目支出绩效自评表中 1 个项目、9 个指标的自评数据合并到「明朗中学.jixiao.json」',
    );
    expect(result.stdout).toContain('合并：1 个单位，1 个项目，9 条指标');
    expect(result.stdout).toContain(
      '[请核对] 工作表「Sheet1」 第 16 行 「义务教育营养改善计划专项资金」 指标「资金到位及时率」表中得分为 7，按评分规则计算为 10.00，请核对。',
    );
    expect(result.stdout).toContain('已保存：明朗中学.jixiao.json');
    const saved = await readDocumentFile(document);
    const project = saved.document.units[0]!.projects[0]!;
    expect(project.indicators.map((indicator) => indicator.evaluation?.actual)).toEqual([
      '735',
      '100%',
      '100%',
      '100%',
      '有效',
      '98%',
      '100%',
      '100%',
      '100%',
    ]);
    expect(project.evaluation?.executed?.fiscal).toBe(38_766_462);
  });

  it('leaves the document untouched when no project of the table is in it', async () => {
    const dir = await tempFolder();
    const document = join(dir, '明朗中学.jixiao.json');
    expect((await cli(['import', TARGET, '-o', document])).code).toBe(0);
    const before = await readFile(document);
    const other = join(FIXTURES, 'stage-forms/huangshi-2019-heritage-monitoring.xlsx');
    const result = await cli(['merge-stage', document, other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'jixiao：「huangshi-2019-heritage-monitoring.xlsx」中没有与「明朗中学.jixiao.json」对应的项目，没有合并任何内容，文档未改动。\n',
    );
    expect(await readFile(document)).toEqual(before);
    expect(await readdir(dir)).toEqual(['明朗中学.jixiao.json']);
  });

  it('refuses a table that is no filled stage form, in Chinese, and writes nothing', async () => {
    const dir = await tempFolder();
    const document = join(dir, '明朗中学.jixiao.json');
    expect((await cli(['import', TARGET, '-o', document])).code).toBe(0);
    const before = await readDocumentFile(document);
    const result = await cli(['merge-stage', document, TARGET]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('不是已填写的绩效运行监控表或项目支出绩效自评表');
    expect(result.stderr).not.toMatch(ENGINE_TEXT);
    expect((await readDocumentFile(document)).document).toEqual(before.document);
    const usage = await cli(['merge-stage', TARGET, EVALUATION]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('请用 -o 指定输出文件');
  });
});
