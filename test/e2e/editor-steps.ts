import type { Locator, Page } from '@playwright/test';
import { renderValue, type JixiaoDocument } from '../../shared/model';
import { readDocument } from './monkey';

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

/** Opens the page's read-only test hook (renderer/src/testHook.ts); call before `app.start()`. */
export async function enableTestHook(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
  });
}

/** The id of the grid's active row (project or unit), through the read-only test hook. */
export function activeRowId(page: Page): Promise<string | null> {
  return page.evaluate(() =>
    (
      window as unknown as { __jixiaoTest: { activeRowId(): string | null } }
    ).__jixiaoTest.activeRowId(),
  );
}

/**
 * The indicators of the project whose name contains `name`, read from the open document (the
 * grid's cell shows only the first five), each as 一级/二级/名称/实施周期/年度.
 */
export async function indicatorsOf(page: Page, name: string): Promise<string[]> {
  const document = JSON.parse(await readDocument(page)) as JixiaoDocument;
  const project = document.units
    .flatMap((unit) => unit.projects)
    .find((entry) => entry.name.includes(name));
  return (project?.indicators ?? []).map((indicator) =>
    [
      indicator.level1,
      indicator.level2,
      indicator.name,
      renderValue(indicator.period),
      renderValue(indicator.annual),
    ].join('/'),
  );
}
