import { canonicalCheck, safeParseFast, type CanonicalCheck } from './canonical';
import { documentSchema, SCHEMA_VERSION, type JixiaoDocument } from './document';

/** The schema's fast path for a document that is already as zod would return it (canonical.ts). */
let canonicalDocument: CanonicalCheck | undefined;

/** One step from schema version N to N+1, on plain JSON. */
type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations keyed by the version they upgrade from. Version 2 only adds optional stage data
 * (监控, 自评, scoring choices), so a version-1 document keeps every field and value as it was and
 * only its version number changes; it is saved as version 2.
 */
const MIGRATIONS: Record<number, Migration> = {
  1: (data) => ({ ...data, schemaVersion: 2 }),
};

export type ReadResult =
  | { ok: true; document: JixiaoDocument; migratedFrom: number | null }
  | { ok: false; code: 'not-a-document' | 'newer-version' | 'invalid'; message: string };

/** Validates and migrates parsed JSON into today's document, with a Chinese message on failure. */
export function readDocumentData(data: unknown): ReadResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      ok: false,
      code: 'not-a-document',
      message: '文件不是绩效目标表文档（内容不是 JSON 对象）。',
    };
  }
  let current = data as Record<string, unknown>;
  const version = current.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      code: 'not-a-document',
      message: '文件缺少有效的 schemaVersion，不是本程序保存的文档。',
    };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      code: 'newer-version',
      message: `此文件由较新版本的程序保存（格式版本 ${version}，本程序只能打开版本 ${SCHEMA_VERSION} 及以下），请升级绩效目标表编辑器后再打开。文件未作任何改动。`,
    };
  }
  for (let step = version; step < SCHEMA_VERSION; step += 1) {
    const migration = MIGRATIONS[step];
    if (!migration) {
      return { ok: false, code: 'invalid', message: `无法从格式版本 ${step} 升级文档。` };
    }
    current = migration(current);
  }
  canonicalDocument ??= canonicalCheck(documentSchema);
  const parsed = safeParseFast(documentSchema, canonicalDocument, current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? describePath(current, issue.path) : '';
    return {
      ok: false,
      code: 'invalid',
      message: `文档内容不符合格式：${where}${issue ? `（${describeIssue(issue, valueAt(current, issue.path))}）` : ''}`,
    };
  }
  return {
    ok: true,
    document: parsed.data,
    migratedFrom: version === SCHEMA_VERSION ? null : version,
  };
}

const FIELD_NAMES: Record<string, string> = {
  units: '单位',
  projects: '项目',
  indicators: '指标',
  money: '资金',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
  goals: '绩效目标',
  annual: '年度',
  period: '实施周期',
  name: '名称',
  title: '标题',
  department: '部门名称',
  fiscalYear: '年度',
  moneyUnit: '金额单位',
  frameworkId: '指标体系',
  schemaVersion: '格式版本',
  level1: '一级指标',
  level2: '二级指标',
  note: '指标值说明',
  value: '指标值',
  unit: '计量单位',
  sign: '符号',
  settings: '设置',
  raw: '原样保留的内容',
  periodMoney: '中期资金',
  carryover: '上年结转',
  scoring: '评分规则',
  rulesId: '评分规则',
  budgetPoints: '预算执行率分值',
  groupPoints: '一级指标分值',
  yearBudget: '预算数',
  initial: '年初预算数',
  adjusted: '全年预算数',
  monitoring: '运行监控',
  evaluation: '绩效自评',
  asOf: '监控时点',
  executed: '执行数',
  forecast: '全年预计',
  goalProgress: '总体目标进展情况',
  goalActual: '总体目标实际完成情况',
  toDate: '截至监控时点完成值',
  likelihood: '完成目标可能性',
  causes: '偏差原因',
  causeText: '偏差原因说明',
  corrective: '纠偏措施',
  remark: '备注',
  actual: '实际完成值',
  points: '分值',
  notApplicable: '不适用',
  grade: '完成等级',
  analysis: '偏差原因分析及改进措施',
  budgetAnalysis: '预算执行偏差原因分析',
};

const TYPE_NAMES: Record<string, string> = {
  number: '数字',
  int: '整数',
  string: '文字',
  object: '一组内容',
  array: '列表',
  boolean: '是或否',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined;
  }
  return node;
}

interface SchemaIssue {
  code: string;
  message: string;
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  values?: readonly unknown[];
}

/** The schema's complaint in Chinese; the validator's English stays out of the message. */
function describeIssue(issue: SchemaIssue, value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return '数字过大或无效';
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return '缺少这一项';
      return `应为${TYPE_NAMES[String(issue.expected)] ?? '其他类型的内容'}`;
    case 'too_big':
      return issue.maximum === Number.MAX_SAFE_INTEGER
        ? '数值超出范围'
        : `不能大于 ${String(issue.maximum)}`;
    case 'too_small':
      return typeof value === 'string' || Array.isArray(value)
        ? '不能为空'
        : `不能小于 ${String(issue.minimum)}`;
    case 'invalid_value':
      return `只能是 ${(issue.values ?? []).map(String).join('、')}`;
    case 'custom':
    case 'invalid_format':
      return /[\u4e00-\u9fff]/u.test(issue.message) ? issue.message : '内容不符合要求';
    default:
      return '内容不符合要求';
  }
}

/** Turns a zod path into words a clerk can follow: 第 1 个单位 › 第 3 个项目「…」 › 资金 › 财政拨款. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = data;
  let pendingList = '';
  for (const key of path) {
    if (typeof key === 'number') {
      node = Array.isArray(node) ? node[key] : undefined;
      const name =
        typeof node === 'object' &&
        node !== null &&
        typeof (node as { name?: unknown }).name === 'string'
          ? `「${(node as { name: string }).name}」`
          : '';
      parts.push(`第 ${key + 1} 个${pendingList}${name}`);
      pendingList = '';
    } else {
      const field = String(key);
      node =
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[field]
          : undefined;
      if (Array.isArray(node)) pendingList = FIELD_NAMES[field] ?? field;
      else parts.push(FIELD_NAMES[field] ?? field);
    }
  }
  if (pendingList) parts.push(pendingList);
  return parts.join(' › ');
}
