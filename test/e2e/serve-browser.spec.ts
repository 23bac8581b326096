import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { SAMPLE_FILE } from '../../electron/host/sample';
import { startServeApp } from '../../electron/serve/app';
import type { ServeServer } from '../../electron/serve/server';
import { chromiumPath, CHROMIUM_ARGS } from './browser';
import { ROOT } from './harness';

/**
 * The browser shell as a clerk has it: `jixiao serve` with the browser's own dialogs (the
 * client's pickers, uploads, downloads) and the browser's print — no scripted ports.
 */
const test = base.extend<{ shell: { server: ServeServer; disk: string; documents: string } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture list from the pattern
  shell: async ({}, use) => {
    const disk = await mkdtemp(join(tmpdir(), 'jixiao-serve-e2e-'));
    const documents = join(disk, '文档/绩效目标表');
    const server = await startServeApp({
      rendererDir: join(ROOT, 'out/renderer'),
      clientScript: join(ROOT, 'out/client/jixiao-client.js'),
      samplePath: join(ROOT, SAMPLE_FILE),
      version: 'test',
      userDataDir: join(disk, 'userData'),
      documentsDir: documents,
      onError: (error) => console.error(error),
    });
    await use({ server, disk, documents });
    await server.idle();
    await server.close();
    await rm(disk, { recursive: true, force: true });
  },
});

// Chromium as a clerk runs it: its local-network checks stay on (the app's pages are loopback).
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS.filter((arg) => !arg.includes('LocalNetworkAccessChecks')),
  },
});

async function open(page: Page, server: ServeServer): Promise<void> {
  await page.goto(server.url);
  // The first start opens the sample; the page listens once it is up.
  await expect.poll(() => server.pages().some((entry) => entry.menuListeners > 0)).toBe(true);
  await expect(page).toHaveTitle(/示例/);
}

/** Opens the app at a clerk's 1366×768 with the read-only test hook on (renderer/src/testHook.ts). */
async function openAsClerk(page: Page, server: ServeServer): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.addInitScript(() => {
    (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
  });
  await open(page, server);
}

/** Every project's name and 财政拨款, read through the page's test hook (renderer/src/testHook.ts). */
function namesAndAmounts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __jixiaoTest: { document(): string } }).__jixiaoTest;
    const document = JSON.parse(hook.document()) as {
      units: Array<{ projects: Array<{ name: string; money: { fiscal: number } }> }>;
    };
    return document.units.flatMap((unit) =>
      unit.projects.map((project) => `${project.name}|${project.money.fiscal}`),
    );
  });
}

test.describe('jixiao serve in Chromium', () => {
  test('打开 uploads a file from this computer; 另存为 writes into the documents folder', async ({
    page,
    shell,
  }) => {
    await open(page, shell.server);
    const local = join(shell.disk, '去年的表.jixiao.json');
    await copyFile(join(ROOT, SAMPLE_FILE), local);
    shell.server.emit('menuCommand', 'open');
    const dialog = page.getByRole('dialog', { name: '打开文档' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(shell.documents);
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: '从本机选择文件…' }).click();
    await (await chooser).setFiles(local);
    await expect(page).toHaveTitle(/去年的表\.jixiao\.json/);
    expect(await readdir(shell.documents)).toEqual(['去年的表.jixiao.json']);

    shell.server.emit('menuCommand', 'saveAs');
    const save = page.getByRole('dialog', { name: '保存文档' });
    await expect(save).toContainText('已有同名文档');
    await save.getByLabel('文件名').fill('2026年绩效目标');
    await save.getByRole('button', { name: '保存' }).click();
    await expect(page).toHaveTitle(/2026年绩效目标\.jixiao\.json/);
    const saved = JSON.parse(
      await readFile(join(shell.documents, '2026年绩效目标.jixiao.json'), 'utf8'),
    );
    expect(saved.units[0].projects).toHaveLength(14);
    expect(saved.units[0].name).toBe('广州市机电技师学院');
  });

  test('是否保存 over an open dialog takes the keyboard: keys typed there never reach the table', async ({
    page,
    shell,
  }) => {
    await openAsClerk(page, shell.server);
    const names = () => namesAndAmounts(page);
    // An amount typed and confirmed: the document has changes to settle.
    const opened = await names();
    await page.locator('[data-row="1"][data-col="2"]').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    const before = await names();
    expect(before).not.toEqual(opened);

    // 更多 ▾ → 新建下一年度…, and Enter in its year field: 是否保存 comes up over the dialog.
    await page.getByRole('button', { name: '更多 ▾' }).click();
    await page.getByRole('menuitem', { name: /新建下一年度/ }).click();
    const roll = page.getByRole('dialog', { name: '新建下一年度' });
    await expect(roll.getByRole('textbox')).toBeFocused();
    await page.keyboard.press('Enter');
    const prompt = page.getByRole('dialog', { name: '绩效目标表编辑器' });
    await expect(prompt).toContainText('是否保存');
    await expect(prompt.getByRole('button', { name: '保存', exact: true })).toBeFocused();

    // What the clerk typed next went to the year field and, once Esc had closed the dialog
    // beneath, into the table: a project was renamed with the question still on screen.
    await page.keyboard.type('Z');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Y');
    await page.keyboard.press('Escape');
    await expect(prompt).toBeHidden();
    await expect(roll.getByRole('textbox')).toBeFocused();
    await expect(roll.getByRole('textbox')).toHaveValue('2026');
    await page.keyboard.press('Escape');
    await expect(roll).toBeHidden();
    expect(await names()).toEqual(before);
  });

  test('Ctrl+S on the sample and a name typed at once: no key reaches the table', async ({
    page,
    shell,
  }) => {
    await openAsClerk(page, shell.server);
    const before = await namesAndAmounts(page);
    await page.locator('[data-row="1"][data-col="0"]').click();
    // The sample is saved under a new name: the dialog comes up a moment after Ctrl+S, and the
    // first letters typed before it renamed the project under the cursor.
    await page.keyboard.press('Control+S');
    await page.keyboard.type('abc');
    const save = page.getByRole('dialog', { name: '保存文档' });
    await expect(save).toBeVisible();
    expect(await namesAndAmounts(page)).toEqual(before);
    await page.keyboard.press('Escape');
    await expect(save).toBeHidden();
    expect(await namesAndAmounts(page)).toEqual(before);
    // Answered (the page hears the answer back from the host a moment later: a clerk's pause),
    // the keys are the table's again: across 总计 to 财政拨款, an amount typed there.
    await page.waitForTimeout(300);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => namesAndAmounts(page)).not.toEqual(before);
  });

  test('closing the tab with unsaved changes asks first; staying keeps them', async ({
    page,
    shell,
  }) => {
    await openAsClerk(page, shell.server);
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    // Nothing changed yet: a reload goes ahead without a question.
    await page.reload();
    await expect(page).toHaveTitle(/示例/);
    expect(asked).toEqual([]);

    // An amount typed and confirmed, then the tab closed at once (before the autosave's delay).
    const opened = await namesAndAmounts(page);
    await page.locator('[data-row="1"][data-col="2"]').click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    const edited = await namesAndAmounts(page);
    expect(edited).not.toEqual(opened);
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    // 留下 (the question dismissed): the page and the typed amount are still there.
    expect(page.isClosed()).toBe(false);
    expect(await namesAndAmounts(page)).toEqual(edited);
  });

  test('closing the tab while a cell is being typed in asks first, as with unsaved changes', async ({
    page,
    shell,
  }) => {
    await openAsClerk(page, shell.server);
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    // Typed but not confirmed: the document itself has no change yet.
    await page.locator('[data-row="1"][data-col="2"]').click();
    await page.keyboard.type('5');
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);
    await expect(page.getByRole('textbox', { name: '单元格编辑' })).toHaveValue('5');
  });

  test('a tab put away writes its autosave at once', async ({ page, shell }) => {
    await openAsClerk(page, shell.server);
    await page.locator('[data-row="1"][data-col="2"]').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    const edited = await namesAndAmounts(page);
    // The clerk switches to another tab (the page is hidden) well within the autosave's delay.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    const recovery = join(shell.disk, 'userData/recovery');
    const saved = async () => {
      const names = await readdir(recovery).catch(() => [] as string[]);
      const file = names.find((name) => name.endsWith('.jixiao-recovery.json'));
      if (!file) return null;
      const entry = JSON.parse(await readFile(join(recovery, file), 'utf8')) as {
        document: {
          units: Array<{ projects: Array<{ name: string; money: { fiscal: number } }> }>;
        };
      };
      return entry.document.units.flatMap((unit) =>
        unit.projects.map((project) => `${project.name}|${project.money.fiscal}`),
      );
    };
    // Well before RECOVERY_DELAY (3 s), and with the amount just typed.
    await expect.poll(saved, { timeout: 2000 }).toEqual(edited);
  });

  test('导出 Word arrives as a download when the browser has no file picker', async ({
    page,
    shell,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined }),
    );
    await open(page, shell.server);
    await page.getByRole('button', { name: '导出 Word…' }).click();
    await page
      .getByRole('dialog', { name: '导出 Word' })
      .getByRole('button', { name: '导出…' })
      .click();
    const exportDialog = page.getByRole('dialog', { name: '导出', exact: true });
    await expect(exportDialog.getByLabel('文件名')).toHaveValue(/（公开表）\.docx$/);
    const download = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: '下载' }).click();
    const file = join(shell.disk, 'downloaded.docx');
    await (await download).saveAs(file);
    const xml = strFromU8(
      unzipSync(new Uint8Array(await readFile(file)))['word/document.xml'] as Uint8Array,
    );
    expect(xml).toContain('2024年智慧校园管理系统升级改造项目');
    // Nothing is left on the host: the export went to the browser. The host removes its copy
    // once the page has it, so the download can start a moment before that: wait for the call.
    await shell.server.idle();
    expect(await readdir(join(shell.disk, 'userData/serve-temp'))).toEqual([]);
  });

  test("打印 opens the print view in the browser's own print window", async ({ page, shell }) => {
    await open(page, shell.server);
    await page.getByRole('button', { name: '打印预览…' }).click();
    const preview = page.getByRole('dialog', { name: '打印预览' });
    await expect(preview.getByText(/^共 \d+ 页$/)).toBeVisible({ timeout: 20_000 });
    const popup = page.waitForEvent('popup');
    await preview.getByRole('button', { name: '打印…', exact: true }).click();
    const printWindow = await popup;
    expect(new URL(printWindow.url()).pathname).toMatch(/^\/print\/[0-9a-f-]{36}$/);
    // The print window prints (headless: at once) and closes itself.
    await expect.poll(() => printWindow.isClosed()).toBe(true);
    await expect(preview.getByRole('status').filter({ hasText: '已发送到打印机' })).toBeVisible();
  });

  test('a document dropped on the window is copied into the documents folder and opened', async ({
    page,
    shell,
  }) => {
    await open(page, shell.server);
    const bytes = [...(await readFile(join(ROOT, SAMPLE_FILE)))];
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], '同事的表.jixiao.json'));
      document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }, bytes);
    await expect(page).toHaveTitle(/同事的表\.jixiao\.json/);
    expect(await readdir(shell.documents)).toEqual(['同事的表.jixiao.json']);
  });
});
