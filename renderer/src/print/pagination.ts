import { RUNNING_HEAD_GAP_MM, SCREEN_PAGE_GAP_MM } from '../../../shared/export/html';
import type { HorizontalAlign } from '../../../shared/export/layout';

/** CSS pixels per millimetre (96 px per inch), the same on screen and in print. */
const PX_PER_MM = 96 / 25.4;

export interface Pagination {
  /** Pages of the whole document, as printing makes them. */
  pages: number;
  /** Size of the rendered preview document in CSS pixels. */
  width: number;
  height: number;
}

/**
 * Counts the pages of a print document rendered on screen and labels them.
 *
 * The document's screen style flows each section through columns exactly one page's text area
 * in size that wrap into rows, one row per page (see shared/export/html.ts): Chromium fragments
 * the table there with the same engine and rules as when printing, so a section `n` pages long
 * is `n × page height + (n − 1) × gap` tall.
 */
export function paginate(
  document: Document,
  align: HorizontalAlign,
  pageNumber: string,
): Pagination {
  document
    .querySelectorAll('.preview-page-number, .preview-running-head')
    .forEach((label) => label.remove());
  const gap = SCREEN_PAGE_GAP_MM * PX_PER_MM;
  const sheets = [...document.querySelectorAll<HTMLElement>('section.sheet')];
  const counts = sheets.map((sheet) => {
    const pageHeight = Number(sheet.dataset.pageHeightMm) * PX_PER_MM;
    const height = sheet.getBoundingClientRect().height;
    return Math.max(1, Math.round((height + gap) / (pageHeight + gap)));
  });
  const total = counts.reduce((sum, count) => sum + count, 0);
  let number = 0;
  sheets.forEach((sheet, index) => {
    const pageHeight = Number(sheet.dataset.pageHeightMm) * PX_PER_MM;
    const [top = 0, right = 0, bottom = 0, left = 0] = (sheet.dataset.marginsMm ?? '')
      .split(' ')
      .map((value) => Number(value) * PX_PER_MM);
    for (let page = 0; page < (counts[index] ?? 0); page += 1) {
      number += 1;
      const label = document.createElement('div');
      label.className = 'preview-page-number font-pageNumber';
      label.textContent = pageNumber
        .replace('{page}', String(number))
        .replace('{pages}', String(total));
      Object.assign(label.style, {
        top: `${page * (pageHeight + gap) + pageHeight - bottom}px`,
        height: `${bottom}px`,
        left: `${left}px`,
        right: `${right}px`,
        justifyContent: { left: 'flex-start', center: 'center', right: 'flex-end' }[align],
      });
      sheet.appendChild(label);
      // The section's running head, printed in the top margin box of each of its pages.
      const runningHead = sheet.dataset.runningHead;
      if (runningHead) {
        const head = document.createElement('div');
        head.className = 'preview-running-head font-table';
        head.textContent = runningHead;
        Object.assign(head.style, {
          top: `${page * (pageHeight + gap)}px`,
          height: `${top}px`,
          left: `${left}px`,
          right: `${right}px`,
          paddingBottom: `${RUNNING_HEAD_GAP_MM * PX_PER_MM}px`,
        });
        sheet.appendChild(head);
      }
    }
  });
  const root = document.documentElement;
  return { pages: total, width: root.scrollWidth, height: root.scrollHeight };
}
