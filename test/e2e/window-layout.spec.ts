import { expect, test } from './harness';

test('baseline screenshot', async ({ app }) => {
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await app.start();
  await expect(app.page.locator('table.disclosure')).toBeVisible();
  await app.page.locator('[data-row="2"][data-col="2"]').click();
  await app.page.waitForTimeout(300);
  await app.page.screenshot({ path: 'test-results/shots/now-1366.png' });
  await app.page.keyboard.press('Shift+ArrowDown');
  await app.page.getByRole('button', { name: '检查' }).click();
  await app.page.waitForTimeout(500);
  await app.page.screenshot({ path: 'test-results/shots/now-1366-both.png' });
});
