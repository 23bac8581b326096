/**
 * CSS font stacks for the print view. Layouts name fonts as Word does (`仿宋_GB2312`); a browser
 * may know the same face under its Latin name (`FangSong`) or by a macOS name (`STFangsong`), and
 * many PCs lack the GB2312 variants entirely (DOMAIN §7), so each name brings its aliases and the
 * stack ends with CJK faces common on Linux and a generic family.
 */
import type { FontSpec } from './layout';

/** Other names under which systems install the faces the layouts use. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  仿宋_GB2312: ['FangSong_GB2312'],
  仿宋: ['FangSong', 'STFangsong'],
  楷体_GB2312: ['KaiTi_GB2312'],
  楷体: ['KaiTi', 'STKaiti'],
  宋体: ['SimSun', 'STSong'],
  方正小标宋简体: ['FZXiaoBiaoSong-B05S'],
  华文中宋: ['STZhongsong'],
  黑体: ['SimHei', 'STHeiti'],
};

/** Serif CJK faces found on machines without the Windows fonts (Linux, some kiosks). */
export const CJK_SERIF_FALLBACKS: readonly string[] = [
  'Noto Serif CJK SC',
  'Source Han Serif SC',
  'Noto Serif SC',
];

/**
 * Every family to try for a font, best first, without the generic family: the layout's name and
 * fallbacks, each followed by its aliases, then the common CJK serif faces.
 */
export function fontCandidates(font: Pick<FontSpec, 'name' | 'fallbacks'>): string[] {
  const names: string[] = [];
  for (const name of [font.name, ...font.fallbacks]) {
    names.push(name, ...(ALIASES[name] ?? []));
  }
  names.push(...CJK_SERIF_FALLBACKS);
  return [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))];
}

/**
 * A family name as a CSS string. Names can come from the user (font overrides), so quotes,
 * backslashes and `<` (which could close the style element) are escaped.
 */
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}

/** The CSS `font-family` value for a font: every candidate quoted, then `serif`. */
export function fontFamily(font: Pick<FontSpec, 'name' | 'fallbacks'>): string {
  return [...fontCandidates(font).map(cssString), 'serif'].join(', ');
}
