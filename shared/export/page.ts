/**
 * Page geometry and fonts shared by the layout builders and the writers (cells: cells.ts).
 */
import type {
  FontRole,
  FontSpec,
  LayoutColumn,
  LayoutFontOptions,
  Margins,
  Orientation,
  PageSetup,
} from './layout';

const A4 = { shortMm: 210, longMm: 297 } as const;

/** A4 paper in an orientation with the given margins. */
export function a4Page(orientation: Orientation, margins: Margins): PageSetup {
  const landscape = orientation === 'landscape';
  return {
    paper: 'A4',
    orientation,
    widthMm: landscape ? A4.longMm : A4.shortMm,
    heightMm: landscape ? A4.shortMm : A4.longMm,
    margins,
  };
}

/** Width between the left and right margins. */
export function textWidthMm(page: PageSetup): number {
  return page.widthMm - page.margins.left - page.margins.right;
}

/** Height between the top and bottom margins. */
export function textHeightMm(page: PageSetup): number {
  return page.heightMm - page.margins.top - page.margins.bottom;
}

/**
 * Turns relative column weights into absolute widths (0.1 mm steps) that sum exactly to the
 * text width of the page.
 */
export function columnsFor(
  page: PageSetup,
  weights: ReadonlyArray<readonly [key: string, weight: number]>,
): LayoutColumn[] {
  const total = Math.round(textWidthMm(page) * 10);
  const weightSum = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  let previous = 0;
  return weights.map(([key, weight]) => {
    cumulative += weight;
    const edge = Math.round((cumulative / weightSum) * total);
    const widthMm = (edge - previous) / 10;
    previous = edge;
    return { key, widthMm };
  });
}

const DEFAULT_FONT_NAMES: Record<FontRole, { name: string; fallbacks: string[] }> = {
  title: { name: '方正小标宋简体', fallbacks: ['华文中宋', '宋体'] },
  subtitle: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi'] },
  unit: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi'] },
  table: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'] },
  pageNumber: { name: '宋体', fallbacks: ['SimSun'] },
};

/** The layout's fonts at the given sizes, with the caller's name overrides applied. */
export function resolveFonts(
  sizes: Record<FontRole, number>,
  overrides: LayoutFontOptions = {},
): Record<FontRole, FontSpec> {
  const named: Partial<Record<FontRole, string>> = {
    title: overrides.title,
    table: overrides.table,
    unit: overrides.unit,
    subtitle: overrides.unit,
  };
  const fonts = {} as Record<FontRole, FontSpec>;
  for (const role of Object.keys(DEFAULT_FONT_NAMES) as FontRole[]) {
    const defaults = DEFAULT_FONT_NAMES[role];
    const override = named[role]?.trim();
    fonts[role] = {
      name: override || defaults.name,
      fallbacks: override
        ? [defaults.name, ...defaults.fallbacks].filter((name) => name !== override)
        : [...defaults.fallbacks],
      sizePt: sizes[role],
      bold: false,
    };
  }
  return fonts;
}
