import {
  GRID_COLUMNS,
  type DocumentActionArgs,
  type DocumentActionId,
  type GridColumnKey,
} from '../../shared/edit';
import { parseMoney, TYPED_AMOUNT_COLUMNS, type JixiaoDocument } from '../../shared/model';
import { zhCN } from './i18n/zh-CN';

const MONEY_FIELDS = new Set([
  'money.fiscal',
  'money.specialAccount',
  'money.other',
  'money.carryover',
  'periodMoney.total',
  'periodMoney.fiscal',
  'periodMoney.other',
]);
const MONEY_COLUMNS: ReadonlySet<GridColumnKey> = new Set(TYPED_AMOUNT_COLUMNS);

function isNegative(text: string): boolean {
  const cents = parseMoney(text);
  return cents !== null && cents < 0;
}

/**
 * Why the editor refuses an edit before it reaches the document, or null: amounts in a budget
 * table are never negative (a typed `-5` is a slip, not a refund).
 */
export function refusal<K extends DocumentActionId>(
  _document: JixiaoDocument,
  id: K,
  args: DocumentActionArgs[K],
): string | null {
  if (id === 'setCells') {
    const { cells } = args as DocumentActionArgs['setCells'];
    const bad = cells.find((cell) => MONEY_COLUMNS.has(cell.column) && isNegative(cell.text));
    if (bad) return zhCN.edit.negative(bad.text.trim());
  }
  if (id === 'setProjectText') {
    const { field, text } = args as DocumentActionArgs['setProjectText'];
    if (MONEY_FIELDS.has(field) && isNegative(text)) return zhCN.edit.negative(text.trim());
  }
  if (id === 'pasteGrid') {
    const { block, column } = args as DocumentActionArgs['pasteGrid'];
    const start = GRID_COLUMNS.findIndex((entry) => entry.key === column);
    for (const row of block) {
      for (const [offset, text] of row.entries()) {
        const key = GRID_COLUMNS[start + offset]?.key;
        if (key && MONEY_COLUMNS.has(key) && isNegative(text)) return zhCN.edit.negative(text);
      }
    }
  }
  return null;
}

const FIELD_NAMES: Record<string, string> = {
  ...zhCN.panel.fields,
  name: '项目名称',
  goal: '绩效目标',
  fiscal: '财政拨款',
  specialAccount: '财政专户拨款',
  other: '其他资金',
};
const INDICATOR_NAMES: Record<string, string> = {
  level1: zhCN.panel.columns.level1,
  level2: zhCN.panel.columns.level2,
  name: zhCN.panel.columns.name,
  period: zhCN.panel.columns.period,
  annual: zhCN.panel.columns.annual,
  note: zhCN.panel.columns.note,
};

/**
 * The undo step's name as a clerk would say it: 修改 财政拨款, 修改 三级指标 … (the shared
 * action names say only 修改单元格 / 修改项目).
 */
export function editLabel<K extends DocumentActionId>(
  id: K,
  args: DocumentActionArgs[K],
): string | undefined {
  if (id === 'setCells') {
    const { cells } = args as DocumentActionArgs['setCells'];
    const columns = new Set(cells.map((cell) => cell.column));
    const only = [...columns][0];
    if (columns.size === 1 && only) {
      const name =
        only === 'name' && cells[0]?.row.kind === 'unit' ? '单位名称' : FIELD_NAMES[only];
      return name ? zhCN.edit.changed(name) : undefined;
    }
  }
  if (id === 'setProjectText') {
    const { field } = args as DocumentActionArgs['setProjectText'];
    const name = FIELD_NAMES[field] ?? (field === 'attribute' ? zhCN.panel.fields.attribute : '');
    return name ? zhCN.edit.changed(name) : undefined;
  }
  if (id === 'setIndicatorText') {
    const { field } = args as DocumentActionArgs['setIndicatorText'];
    const name = INDICATOR_NAMES[field];
    return name ? zhCN.edit.changed(name) : undefined;
  }
  if (id === 'setIndicatorValue') {
    const { field } = args as DocumentActionArgs['setIndicatorValue'];
    const name = INDICATOR_NAMES[field];
    return name ? zhCN.edit.changed(name) : undefined;
  }
  return undefined;
}
