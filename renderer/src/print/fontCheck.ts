import { fontCandidates } from '../../../shared/export/fontStack';
import type { FontRole, FontSpec } from '../../../shared/export/layout';
import { printText } from './text';

const SAMPLE = '绩效目标表永和ABCabc123，。';
const GENERICS = ['monospace', 'sans-serif', 'serif'] as const;

function quoted(name: string): string {
  return `"${name.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}

/**
 * True when a font family is installed: text set in it measures differently from at least one
 * generic family. A missing family falls back to the generic, so it measures the same as all.
 */
export function isFontInstalled(name: string, context: CanvasRenderingContext2D): boolean {
  return GENERICS.some((generic) => {
    context.font = `72px ${generic}`;
    const base = context.measureText(SAMPLE).width;
    context.font = `72px ${quoted(name)}, ${generic}`;
    return context.measureText(SAMPLE).width !== base;
  });
}

/** The face the print view will use for a font: the first installed candidate, or null. */
export function resolvedFace(
  font: Pick<FontSpec, 'name' | 'fallbacks'>,
  context: CanvasRenderingContext2D,
): string | null {
  return fontCandidates(font).find((name) => isFontInstalled(name, context)) ?? null;
}

/**
 * One note per named font that is missing on this machine, saying what prints instead:
 * 「仿宋_GB2312」未安装，使用「仿宋」.
 */
export function fontNotes(fonts: Record<FontRole, FontSpec>): string[] {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return [];
  const notes = new Map<string, string>();
  for (const font of Object.values(fonts)) {
    if (notes.has(font.name) || isFontInstalled(font.name, context)) continue;
    const face = resolvedFace(font, context);
    notes.set(font.name, printText.fontMissing(font.name, face));
  }
  return [...notes.values()];
}
