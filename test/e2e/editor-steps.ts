import type { Locator, Page } from '@playwright/test';

/** Grid rows of the sample: row 0 is the unit 广州市机电技师学院, rows 1–14 its projects p1–p14. */
export const COLUMNS = {
  name: 0,
  total: 1,
  fiscal: 2,
  specialAccount: 3,
  other: 4,
  goal: 5,
  indicators: 6,
};

export function cell(page: Page, row: number, column: number): Locator {
  return page.locator(`table.disclosure [data-row="${row}"][data-col="${column}"]`);
}

export function grandTotal(page: Page): Locator {
  return page.locator('tr.total-row td.money').first();
}

export function cellEditor(page: Page): Locator {
  return page.locator('textarea.cell-editor');
}

/** Clicks a cell, types as a clerk would and confirms with Enter. */
export async function typeInCell(
  page: Page,
  row: number,
  column: number,
  text: string,
): Promise<void> {
  await cell(page, row, column).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Dispatches a paste with the clipboard contents a spreadsheet would put there. */
export async function pasteIntoGrid(
  page: Page,
  data: { html?: string; text: string },
): Promise<void> {
  await pasteInto(cellEditor(page), data);
}

/** Dispatches a copy and returns what the app put on the clipboard. */
export async function copyFromGrid(page: Page): Promise<{ text: string; html: string }> {
  return cellEditor(page).evaluate((element) => {
    const transfer = new DataTransfer();
    element.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
    return { text: transfer.getData('text/plain'), html: transfer.getData('text/html') };
  });
}

/** Dispatches a paste on any field with what Excel or WPS put on the clipboard. */
export async function pasteInto(
  target: Locator,
  data: { html?: string; text: string },
): Promise<void> {
  await target.evaluate((element, clipboard) => {
    const transfer = new DataTransfer();
    if (clipboard.html) transfer.setData('text/html', clipboard.html);
    transfer.setData('text/plain', clipboard.text);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, data);
}

/** Drags a grid row by its handle and drops it on another row's cell. */
export async function dragRow(page: Page, from: Locator, to: Locator): Promise<void> {
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await from.locator('.drag-handle').dispatchEvent('dragstart', { dataTransfer });
  await to.dispatchEvent('dragover', { dataTransfer });
  await to.dispatchEvent('drop', { dataTransfer });
}
