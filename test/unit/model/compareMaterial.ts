/** The seed and an edited copy of it rolled forward to 2026: the comparison tests' material. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDisclosureText } from '../../../shared/import';
import { rollForward, type JixiaoDocument, type Project } from '../../../shared/model';

const SEED = join(import.meta.dirname, '../../fixtures/seed-guangzhou-2025-jidian-disclosure.txt');
export const seed: JixiaoDocument = {
  ...importDisclosureText(readFileSync(SEED, 'utf8')).document,
  fiscalYear: 2025,
};

/**
 * The seed rolled forward to 2026 (amounts kept) and edited the way a clerk would: new amounts
 * for three projects, a goal and indicators changed in one, the 2025–2026 运维 project renamed to
 * 2026–2027, two projects dropped (one ended in 2025) and one new project.
 */
export function editedNextYear(): JixiaoDocument {
  const next = structuredClone(rollForward(seed, { toYear: 2026, keepAmounts: true }).document);
  const unit = next.units[0]!;
  const byName = (part: string) => unit.projects.find((project) => project.name.includes(part))!;
  byName('安保和物业').money.fiscal = 70000;
  const grant = byName('国家助学金');
  grant.money = { ...grant.money, fiscal: 5000, other: 1000 };
  const repair = byName('校园维护维修项目');
  repair.goals.annual = '完成校园排水管网和教学楼外墙维修，保障师生安全。';
  repair.indicators[0]!.annual = { sign: '≥', value: '98', unit: '%' };
  repair.indicators.splice(3, 1);
  repair.indicators.push({
    ...structuredClone(repair.indicators[0]!),
    id: 'ind-new',
    level1: '满意度指标',
    level2: '服务对象满意度指标',
    name: '师生满意度',
    period: { sign: '≥', value: '90', unit: '%' },
    annual: { sign: '≥', value: '90', unit: '%' },
  });
  const operations = byName('2025年-2026年校园信息化');
  operations.name = '广州市机电技师学院2026年-2027年校园信息化设备运维项目';
  operations.money.fiscal = 7200;
  const added: Project = {
    ...structuredClone(repair),
    id: 'prj-new',
    name: '数控实训中心耗材补充项目',
    money: { fiscal: 3550, specialAccount: 0, other: 0 },
  };
  unit.projects = unit.projects.filter(
    (project) =>
      !project.name.includes('教学实训设备维修维护') && !project.name.includes('2024年-2025年'),
  );
  unit.projects.push(added);
  return next;
}
