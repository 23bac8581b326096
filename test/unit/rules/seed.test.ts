import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importDisclosureText } from '../../../shared/import';
import type { JixiaoDocument } from '../../../shared/model';
import { applyFix, checkDocument, summarise, type Finding } from '../../../shared/rules';

/** The seed lives beside the repository, as in the importer's tests. */
const SEED = fileURLToPath(
  new URL('../../fixtures/seed-guangzhou-2025-jidian-disclosure.txt', import.meta.url),
);

/** The published 2025 table; the year comes from the file name, as the CLI would pass it. */
function seedDocument(): JixiaoDocument {
  return importDisclosureText(readFileSync(SEED, 'utf8'), { fiscalYear: 2025 }).document;
}

/** (code, project, indicator) of each finding, names as printed in the table. */
function describeFindings(document: JixiaoDocument, findings: readonly Finding[]) {
  const projects = new Map<string, string>();
  const indicators = new Map<string, string>();
  for (const unit of document.units) {
    for (const project of unit.projects) {
      projects.set(project.id, project.name);
      for (const indicator of project.indicators) indicators.set(indicator.id, indicator.name);
    }
  }
  return findings.map((finding) => [
    finding.code,
    projects.get(finding.where.projectId ?? '') ?? null,
    finding.where.indicatorId === undefined
      ? null
      : (indicators.get(finding.where.indicatorId) ?? '?'),
  ]);
}

const P = {
  security: '市机电技师学院安保和物业管理服务经费',
  maintenance: '市机电技师学院教学实训设备维修维护工作经费项目',
  contest: '市机电技师学院技能竞赛设备设施购置项目',
  consumables: '市机电技师学院技校实训、竞赛耗材项目购置项目',
  grants: '市机电技师学院国家助学金补助资金项目',
  repairs: '广州市机电技师学院校园维护维修项目',
  itPurchase: '市机电技师学院教学信息化设备购置项目',
  freeTuition: '市机电技师学院免学费财政补助项目',
  training: '广州市机电技师学院专业实训设备及教学设施购置项目',
  it2024: '广州市机电技师学院2024年-2025年校园信息化设备运维项目',
  smartCampus: '广州市机电技师学院2024年智慧校园管理系统升级改造项目',
  masters: '广州市机电技师学院定向培养职业教育硕士补贴',
  talent: '广州市机电技师学院高层次人才安家补贴及租购房补贴',
  it2025: '广州市机电技师学院2025年-2026年校园信息化设备运维项目',
};

/** What a reviewer would send back on the seed, and nothing else. */
const EXPECTED = [
  ['R3', P.security, null],
  ['V12', P.security, '安全生产事故发生数'],
  ['R3', P.maintenance, null],
  ['V12', P.maintenance, '重大安全事故次数'],
  ['R3', P.contest, null],
  ['V11', P.contest, '实训室使用率'],
  ['V8', P.contest, '实训室使用率'],
  ['V12', P.contest, '重大安全事故发生数量'],
  ['V9', P.consumables, '培养教练数量'],
  ['V9', P.consumables, '培养竞赛选手梯队人数'],
  ['V12', P.consumables, '重大安全事故发生数量'],
  ['V9', P.consumables, '学生满意率'],
  ['V12', P.grants, '学生申报资格零差错'],
  ['V12', P.repairs, '建设过程安全事故发生数量'],
  ['V11', P.repairs, '收到有效投诉数量'],
  ['V12', P.repairs, '收到有效投诉数量'],
  ['V12', P.itPurchase, '重大网络安全事故数量'],
  ['R3', P.freeTuition, null],
  ['V12', P.freeTuition, '因工作失误致国家资金流失事件为0'],
  ['V12', P.freeTuition, '学生申报资格零差错'],
  ['V12', P.training, '安全生产事故发生数'],
  ['V9', P.it2024, '通信线路持续运行时间'],
  ['V11', P.it2024, '设施设备正常运行率'],
  ['V8', P.it2024, '设备事故发生率'],
  ['V12', P.it2024, '设备事故发生率'],
  ['R2', P.smartCampus, null],
  ['V8', P.smartCampus, '信息系统数据互通率'],
  ['V8', P.smartCampus, '修复及时率'],
  ['V8', P.smartCampus, '计划完成率'],
  ['V11', P.smartCampus, '应用类系统可用率'],
  ['V9', P.smartCampus, '应用类系统可用率'],
  ['R3', P.masters, null],
  ['R3', P.talent, null],
  ['V9', P.it2025, '通信线路持续运行时间'],
  ['V11', P.it2025, '设施设备正常运行率%'],
];

describe('checking the published seed table', () => {
  const document = seedDocument();
  const findings = checkDocument(document);

  it('gives no errors: the table was accepted and published', () => {
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(summarise(findings)).toEqual({ errors: 0, warnings: EXPECTED.length });
  });

  it('gives exactly the warnings a reviewer would, in table order', () => {
    expect(describeFindings(document, findings)).toEqual(EXPECTED);
  });

  it('says it in the reviewers’ words', () => {
    const byKey = (code: string, indicator: string) =>
      findings.find(
        (finding) =>
          finding.code === code && describeFindings(document, [finding])[0]?.[2] === indicator,
      );
    expect(findings.find((f) => f.code === 'R2')).toMatchObject({
      message: `「${P.smartCampus}」没有满意度指标`,
      reviewerReason: '建议增加满意度指标',
    });
    expect(byKey('V8', '计划完成率')).toMatchObject({
      reviewerReason: '指标与指标值不匹配',
      fix: { label: '改为 18%' },
    });
    expect(byKey('V11', '收到有效投诉数量')?.reviewerReason).toBe('一级指标类型错误');
    expect(byKey('V11', '实训室使用率')?.reviewerReason).toBe('二级指标类型错误');
    expect(byKey('V9', '学生满意率')?.fix?.label).toBe('改为 ≥85%');
    expect(byKey('V12', '因工作失误致国家资金流失事件为0')?.fix?.label).toBe('改为 ＝0起');
  });

  it('clears every finding with a fix when fixes are applied until none is left, adding no error', () => {
    const before = JSON.stringify(document);
    let fixed = document;
    let rounds = 0;
    for (let pending = findings; pending.some((f) => f.fix); pending = checkDocument(fixed)) {
      // Two fixes on one cell (V8 then V12 on 设备事故发生率 0): the second is stale and waits
      // for the next round, as a "fix all" in the editor re-checks between rounds.
      for (const finding of pending) if (finding.fix) fixed = applyFix(fixed, finding.fix);
      rounds += 1;
      expect(rounds).toBeLessThan(4);
    }
    const after = checkDocument(fixed);
    expect(after.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(after.length).toBe(findings.filter((finding) => finding.fix === undefined).length);
    expect(JSON.stringify(document)).toBe(before);
  });
});
