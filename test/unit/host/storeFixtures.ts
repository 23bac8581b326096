/** What the durable-store and durable-safety tests share: a small document and a fresh folder. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentSettingsSchema, SCHEMA_VERSION, type JixiaoDocument } from '../../../shared/model';

/** One unit, one project, one indicator: a real document, small enough for a tiny disk. */
export function smallDocument(title: string): JixiaoDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    title,
    department: '广州市人力资源和社会保障局',
    fiscalYear: 2025,
    moneyUnit: '万元',
    frameworkId: 'gz-2025',
    settings: documentSettingsSchema.parse({}),
    units: [
      {
        id: 'u1',
        name: '广州市机电技师学院',
        projects: [
          {
            id: 'p1',
            name: '市机电技师学院安保和物业管理服务经费',
            money: { fiscal: 63800, specialAccount: 0, other: 0 },
            goals: { annual: '按时完成物业管理与校园安保服务项目的政府采购工作' },
            indicators: [
              {
                id: 'i1',
                level1: '产出指标',
                level2: '质量指标',
                name: '设备设施修复完好率',
                period: { sign: '', value: '90', unit: '%' },
                annual: { sign: '', value: '90', unit: '%' },
              },
            ],
            raw: [],
          },
        ],
      },
    ],
  };
}

/** A new empty folder under the system's temporary folder. */
export function tempFolder(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `jixiao-${name}-`));
}
