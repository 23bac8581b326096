import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIALOG_ANSWERED_EVENT } from '../../shared/ipc/channels';
import { expect, test } from './harness';
import { cell, COLUMNS, grandTotal, typeInCell } from './editor-steps';

async function recoveryFiles(disk: string): Promise<string[]> {
  try {
    return await readdir(join(disk, 'userData/recovery'));
  } catch {
    return [];
  }
}

test.describe('never losing work', () => {
  test('save, close and reopen from the recent list: the edit is there', async ({ app }) => {
    await app.start();
    const page = app.page;
    await typeInCell(page, 2, COLUMNS.fiscal, '170.5');
    const target = join(app.disk, '2025年绩效目标');
    app.dialogs.saveAnswers.push(target);
    await page.keyboard.press('Control+S');
    await expect(page.getByRole('status')).toContainText('已保存「2025年绩效目标.jixiao.json」');
    await expect(page.getByTestId('file-name')).not.toContainText('未保存');
    await expect(page).toHaveTitle('2025年绩效目标.jixiao.json - 绩效目标表编辑器');
    const saved = JSON.parse(await readFile(`${target}.jixiao.json`, 'utf8'));
    expect(saved.units[0].projects[1].money.fiscal).toBe(17050);

    await page.getByRole('button', { name: '关闭', exact: true }).click();
    await expect(page.getByRole('heading', { name: '最近打开' })).toBeVisible();
    await page.locator('.recent-name', { hasText: '2025年绩效目标.jixiao.json' }).click();
    await expect(grandTotal(page)).toHaveText('4,802.43');
    await expect(cell(page, 2, COLUMNS.fiscal)).toHaveText('170.50');
  });

  test('after a crash the next start offers the autosaved work: 恢复', async ({ app }) => {
    await app.start();
    const page = app.page;
    await typeInCell(page, 1, COLUMNS.goal, '保障校园安全稳定运行。');
    // Autosave writes about 3 seconds after the last change.
    await expect.poll(() => recoveryFiles(app.disk), { timeout: 8000 }).toHaveLength(1);
    await app.restart();
    const dialog = page.getByRole('dialog', { name: '发现未保存的工作' });
    await expect(dialog).toContainText('14 个项目');
    await dialog.getByRole('button', { name: '恢复' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(cell(page, 1, COLUMNS.goal)).toHaveText('保障校园安全稳定运行。');
    await expect(page.getByTestId('file-name')).toContainText('未保存');
    // Saving the restored work clears the recovery copy.
    app.dialogs.saveAnswers.push(join(app.disk, '恢复的表'));
    await app.menu('save');
    await expect(page.getByRole('status')).toContainText('已保存');
    await expect.poll(() => recoveryFiles(app.disk)).toHaveLength(0);
  });

  test('放弃 deletes the autosaved copy and it is not offered again', async ({ app }) => {
    await app.start();
    await typeInCell(app.page, 1, COLUMNS.fiscal, '1');
    await expect.poll(() => recoveryFiles(app.disk), { timeout: 8000 }).toHaveLength(1);
    await app.restart();
    await app.page
      .getByRole('dialog', { name: '发现未保存的工作' })
      .getByRole('button', { name: '放弃' })
      .click();
    await expect.poll(() => recoveryFiles(app.disk)).toHaveLength(0);
    await app.restart();
    await expect(grandTotal(app.page)).toHaveText('4,791.93');
    await expect(app.page.getByRole('dialog')).toHaveCount(0);
  });

  test('closing with unsaved changes asks: 取消 keeps the window, 保存 saves then closes', async ({
    app,
  }) => {
    await app.start();
    const page = app.page;
    await typeInCell(page, 1, COLUMNS.fiscal, '700');
    app.dialogs.unsavedAnswers.push('cancel');
    await app.requestClose();
    await expect
      .poll(() => app.dialogs.calls.filter((call) => call.kind === 'confirm'))
      .toHaveLength(1);
    expect(app.windowClosed()).toBe(false);
    await expect(grandTotal(page)).toHaveText('4,853.93');

    app.dialogs.unsavedAnswers.push('save');
    const target = join(app.disk, '关闭前保存');
    app.dialogs.saveAnswers.push(target);
    await app.requestClose();
    await expect.poll(() => app.windowClosed()).toBe(true);
    const saved = JSON.parse(await readFile(`${target}.jixiao.json`, 'utf8'));
    expect(saved.units[0].projects[0].money.fiscal).toBe(70000);
  });

  test('不保存 closes and leaves no recovery copy', async ({ app }) => {
    await app.start();
    await typeInCell(app.page, 1, COLUMNS.fiscal, '700');
    app.dialogs.unsavedAnswers.push('discard');
    await app.requestClose();
    await expect.poll(() => app.windowClosed()).toBe(true);
    expect(await recoveryFiles(app.disk)).toHaveLength(0);
  });

  // Electron's save dialog is modal: on most platforms the window loses the focus to it (a blur),
  // and where it does not, main says when the dialog is answered (DIALOG_ANSWERED_EVENT from the
  // preload). Either ends the hold on the window's keys; both are emulated here.
  for (const [how, event] of [
    ['the dialog took the focus', 'blur'],
    ['the dialog was answered without a blur', DIALOG_ANSWERED_EVENT],
  ] as const) {
    test(`typing while a save is under way (${how}): the save holds what was sent, the rest stays unsaved and is autosaved`, async ({
      app,
    }) => {
      await app.start();
      const page = app.page;
      await typeInCell(page, 2, COLUMNS.fiscal, '170.5');
      // The host is still busy with the save (here: the clerk has not yet picked where) …
      let pick: (path: string) => void = () => undefined;
      const picked = new Promise<string>((done) => (pick = done));
      let asked = false;
      app.dialogs.chooseSavePath = async () => {
        asked = true;
        return picked;
      };
      await page.keyboard.press('Control+S');
      // The window's keys are no longer held. The scripted dialog leaves the page usable, as the
      // window is while the host writes after the clerk picked: it keeps taking keys.
      await expect.poll(() => asked).toBe(true);
      await page.evaluate((name) => window.dispatchEvent(new Event(name)), event);
      await typeInCell(page, 3, COLUMNS.fiscal, '9');
      const target = join(app.disk, '边保存边改');
      pick(target);
      await expect(page.getByRole('status')).toContainText('已保存「边保存边改.jixiao.json」');
      const saved = JSON.parse(await readFile(`${target}.jixiao.json`, 'utf8'));
      expect(saved.units[0].projects[1].money.fiscal).toBe(17050);
      expect(saved.units[0].projects[2].money.fiscal).not.toBe(900);
      await expect(page.getByTestId('file-name')).toContainText('未保存');
      // The later edit gets its own recovery copy, written after the save dropped the old one.
      await expect.poll(() => recoveryFiles(app.disk), { timeout: 8000 }).toHaveLength(1);
      const [entry] = await recoveryFiles(app.disk);
      const copy = await readFile(join(app.disk, 'userData/recovery', entry as string), 'utf8');
      expect(copy).toContain('"fiscal":900');
    });
  }

  test('an unchanged document closes without asking', async ({ app }) => {
    await app.start();
    await app.requestClose();
    await expect.poll(() => app.windowClosed()).toBe(true);
    expect(app.dialogs.calls).toEqual([]);
  });
});
