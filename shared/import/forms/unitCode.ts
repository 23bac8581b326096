/**
 * A unit's name without the budget system's code around it: `[610001]某公司`, `【812033】某中学`,
 * `505006 某学校`, `某局 155`.
 */
export function stripCode(name: string): string {
  return name
    .replace(/[[［【(（]\s*\d{3,}\s*[\]］】)）]/gu, '')
    .replace(/^\s*\d{3,}\s*/u, '')
    .replace(/\s*\d{3,}$/u, '')
    .trim();
}

/** `甲、乙和丙`. */
function listed(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** Says what naming a project's unit did: a code taken off, another label used, none found. */
export type UnitNote = (kind: 'normalised' | 'warning', message: string) => void;

/**
 * The unit a filled form's project goes under: its 实施单位 without the code, else the first of
 * `fallbacks` (填报单位, 主管部门 …, as [label, text]) that names one, else `（未命名单位）`. A
 * 实施单位 that is only a code (`610001`) counts as none, and the report says which was used.
 */
export function unitOf(
  implementer: string,
  fallbacks: ReadonlyArray<readonly [label: string, text: string]>,
  note: UnitNote,
): string {
  const name = stripCode(implementer);
  if (name !== '') {
    if (name !== implementer)
      note('normalised', `实施单位「${implementer}」去掉编码，按「${name}」归组。`);
    return name;
  }
  const missing = implementer === '' ? '没有实施单位' : `实施单位只有编码「${implementer}」`;
  for (const [label, text] of fallbacks) {
    const fallback = stripCode(text);
    if (fallback !== '') {
      note('warning', `${missing}，项目按${label}归入「${fallback}」。`);
      return fallback;
    }
  }
  const others = fallbacks.map(([label]) => label);
  const none =
    implementer === '' && fallbacks.every(([, text]) => text.trim() === '')
      ? `没有${listed(['实施单位', ...others])}`
      : `${missing}，${others.join('和')}也没有名称`;
  note('warning', `${none}，项目归入「（未命名单位）」，请在项目详情中填写单位。`);
  return '（未命名单位）';
}
