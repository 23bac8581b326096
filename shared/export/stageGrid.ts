/**
 * The 监控表 and 自评表 stack two tables of different column widths in one grid (the money block
 * and the indicator table). The grid's columns are the union of both bands' edges; each band's
 * cell spans the grid columns between its edges, so Word, Excel and print keep both widths.
 */
import type { LayoutColumn, PageSetup } from './layout';
import { textWidthMm } from './page';

export interface StageGrid {
  columns: LayoutColumn[];
  /** Grid columns covered by cells `from` … `to` (inclusive) of band `band`. */
  span(band: number, from: number, to?: number): number;
}

/** Edges (0.1 mm) of a band's cells, scaled to the page's text width. */
function edges(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((acc, width) => acc + width, 0);
  let cumulative = 0;
  return widths.map((width) => {
    cumulative += width;
    return Math.round((cumulative / sum) * total);
  });
}

/** The union grid of the bands (each a list of relative widths filling the text width). */
export function stageGrid(page: PageSetup, bands: ReadonlyArray<readonly number[]>): StageGrid {
  const total = Math.round(textWidthMm(page) * 10);
  const bandEdges = bands.map((widths) => edges(widths, total));
  const all = [...new Set(bandEdges.flat())].sort((a, b) => a - b);
  let previous = 0;
  const columns = all.map((edge, index) => {
    const widthMm = (edge - previous) / 10;
    previous = edge;
    return { key: `c${index}`, widthMm };
  });
  const indexOf = (edge: number) => all.indexOf(edge);
  return {
    columns,
    span(band, from, to = from) {
      const own = bandEdges[band] as number[];
      const start = from === 0 ? -1 : indexOf(own[from - 1] as number);
      return indexOf(own[to] as number) - start;
    },
  };
}
