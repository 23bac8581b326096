/**
 * Repairs what PDF text extraction (poppler's pdftotext, and viewers built on it) does to the
 * text of a cell, as seen on the seed printed by LibreOffice and extracted again:
 * - a space between Chinese and Latin letters or digits, where the PDF switched fonts
 *   (`校园维稳处理率 100%`, `满足 2025 年`); the published tables write them together;
 * - in reading order, a hyphen at the end of a wrapped line is taken for a word break and
 *   removed with the line break (`31-` + `服务对象满意度` → `31服务对象满意度`): in an indicator
 *   run it belongs between a level's code and its name.
 */

/** Removes the space extraction put between a Chinese character and a Latin letter or digit. */
export function closeFontGaps(text: string): string {
  return text
    .replace(/(\p{Script=Han}) (?=[A-Za-z0-9])/gu, '$1')
    .replace(/([A-Za-z0-9%]) (?=\p{Script=Han})/gu, '$1');
}

/** Level names that follow a code in an indicator run (`1-产出指标；11-数量指标`). */
const LEVEL_NAME = '产出|效益|满意度|成本|数量|质量|时效|经济|社会|生态|可持续|服务对象|社会公众';

/**
 * Puts back the hyphen between a level's code and name in an indicator run where extraction
 * dropped it at a line end. Counts how many it restored.
 */
export function restoreLevelHyphens(text: string): { text: string; restored: number } {
  let restored = 0;
  const pattern = new RegExp(`([、；;])(\\d{1,2})(?=(?:${LEVEL_NAME}))`, 'gu');
  const repaired = text.replace(pattern, (_, before: string, code: string) => {
    restored += 1;
    return `${before}${code}-`;
  });
  return { text: repaired, restored };
}
