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
