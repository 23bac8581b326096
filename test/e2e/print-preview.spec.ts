import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { shot } from './shots';
import { expect, ROOT, test, type AppFixture } from './harness';

/**
 * Mounts the print preview on its own page of the app's origin (with the browser client, as the
 * server's own pages have it), backed by the real host handlers, with the sample opened through
 * window.jixiao — until the editor mounts it, this is how the component is driven in Chromium
 * under the app's CSP.
 */
const ENTRY = `
import { createRoot } from 'react-dom/client';
import { PrintPreview } from './renderer/src/print/PrintPreview';
void window.jixiao.openSample().then((opened) => {
  if (!opened.ok) throw new Error(opened.message);
  createRoot(document.getElementById('root')).render(
    <PrintPreview
      document={opened.document}
      documentId={opened.documentId}
      onClose={() => document.body.setAttribute('data-closed', 'yes')}
    />,
  );
});
`;

let bundle: { js: string; css: string } | null = null;

async function previewBundle(): Promise<{ js: string; css: string }> {
  if (bundle) return bundle;
  const result = await build({
    stdin: {
      contents: ENTRY,
      resolveDir: ROOT,
      loader: 'tsx',
      sourcefile: 'print-preview-entry.tsx',
    },
    bundle: true,
    write: false,
    outdir: 'preview',
    format: 'iife',
    jsx: 'automatic',
    target: 'chrome130',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const text = (extension: string) =>
    result.outputFiles.find((file) => file.path.endsWith(extension))?.text ?? '';
  bundle = { js: text('.js'), css: text('.css') };
  return bundle;
}

async function openPreview(app: AppFixture): Promise<void> {
  // Load the app once first, as a user would have it open (and as every other e2e test does).
  await app.start();
  const { js, css } = await previewBundle();
  const headers = { 'content-security-policy': app.csp };
  await app.page.route(`${app.origin}/print-preview.html`, (route) =>
    route.fulfill({
      headers,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><script src="/jixiao-client.js"></script><link rel="stylesheet" href="/print-preview.css"></head><body><div id="root"></div><script src="/print-preview.js"></script></body></html>',
    }),
  );
  await app.page.route(`${app.origin}/print-preview.js`, (route) =>
    route.fulfill({ headers, contentType: 'text/javascript; charset=utf-8', body: js }),
  );
  await app.page.route(`${app.origin}/print-preview.css`, (route) =>
    route.fulfill({ headers, contentType: 'text/css; charset=utf-8', body: css }),
  );
  await app.page.goto(`${app.origin}/print-preview.html`);
}

function pdfPageCount(bytes: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: bytes, encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

test.describe('打印预览', () => {
  test('shows the pages that print: same count as the PDF, for each table and margin preset', async ({
    app,
  }) => {
    await openPreview(app);
    const page = app.page;
    const dialog = page.getByRole('dialog', { name: '打印预览' });
    const pages = dialog.locator('.print-preview-pages');
    await expect(pages).toHaveText(/^共 \d+ 页$/);

    const cases = [
      { layout: '公开表（A4 横向）', margins: '与 Word 导出相同', file: '公开表.pdf' },
      { layout: '公开表（A4 横向）', margins: '公文（GB/T 9704）', file: '公开表-公文.pdf' },
      {
        layout: '分项目表：中期＋年度（A4 纵向）',
        margins: '紧凑（15 毫米）',
        file: '分项目表.pdf',
      },
    ];
    let previous = '';
    for (const entry of cases) {
      await dialog.getByLabel('表格').selectOption({ label: entry.layout });
      await dialog.getByLabel('页边距').selectOption({ label: entry.margins });
      await expect(pages).not.toHaveText(previous);
      await expect(pages).toHaveText(/^共 \d+ 页$/);
      const shown = Number(/\d+/.exec((await pages.textContent()) ?? '')?.[0]);
      previous = `共 ${shown} 页`;
      await page.screenshot({ path: shot(`print-preview-${entry.file}.png`) });

      const target = join(app.disk, entry.file);
      app.dialogs.exportAnswers.push(target);
      await dialog.getByRole('button', { name: '导出 PDF…' }).click();
      await expect(dialog.getByRole('status')).toContainText(`已导出「${entry.file}」`);
      expect(pdfPageCount(await readFile(target)), `${entry.layout} / ${entry.margins}`).toBe(
        shown,
      );
    }
    expect(app.dialogs.calls.at(-1)?.detail).toBe(
      '2025年项目支出绩效目标表（含转移支付项目）（分项目表）.pdf|pdf',
    );
  });

  test('numbers the pages, repeats the header, zooms, names missing fonts and prints', async ({
    app,
  }) => {
    await openPreview(app);
    const page = app.page;
    const dialog = page.getByRole('dialog', { name: '打印预览' });
    await expect(dialog.locator('.print-preview-pages')).toHaveText(/^共 \d+ 页$/);
    const total = Number(
      /\d+/.exec((await dialog.locator('.print-preview-pages').textContent()) ?? '')?.[0],
    );

    const frame = page.frameLocator('iframe[title="打印预览"]');
    await expect(frame.locator('.preview-page-number')).toHaveCount(total);
    await expect(frame.locator('.preview-page-number').first()).toHaveText(
      `第 1 页 共 ${total} 页`,
    );
    await expect(frame.locator('.preview-page-number').last()).toHaveText(
      `第 ${total} 页 共 ${total} 页`,
    );
    await expect(frame.locator('thead').first()).toContainText('项目名称（资金使用单位）');
    await expect(frame.locator('tbody')).toContainText('2024年智慧校园管理系统升级改造项目');

    // Zoom scales the pages without repaginating them.
    const sizer = dialog.locator('.print-preview-sizer');
    const before = (await sizer.boundingBox())!.width;
    await dialog.getByLabel('缩放').selectOption({ label: '150%' });
    await expect.poll(async () => (await sizer.boundingBox())!.width).toBeCloseTo(before * 2, 0);
    await expect(dialog.locator('.print-preview-pages')).toHaveText(`共 ${total} 页`);

    // This machine has no Windows fonts: the preview says what prints instead.
    const installed = await page.evaluate(() => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = '72px monospace';
      const base = context.measureText('仿宋永').width;
      context.font = '72px "仿宋_GB2312", monospace';
      return context.measureText('仿宋永').width !== base;
    });
    if (!installed)
      await expect(dialog.getByText(/「仿宋_GB2312」未安装，(打印)?使用「.+」/)).toBeVisible();

    app.printer.printAnswers.push(false, true);
    await dialog.getByRole('button', { name: '打印…' }).click();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await dialog.getByRole('button', { name: '打印…' }).click();
    await expect(dialog.getByRole('status')).toContainText('已发送到打印机');
    expect(app.printer.printed.map((call) => call.landscape)).toEqual([true, true]);
    expect(app.printer.printed[0]!.html).toContain('size: A4 landscape;');

    await page.keyboard.press('Escape');
    await expect(page.locator('body')).toHaveAttribute('data-closed', 'yes');
  });
});
