import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = join(import.meta.dirname, '../..');

/** The Electron binary if this machine has one. Never triggers a download (requiring 'electron' would). */
function electronBinary(): string | null {
  const packageDir = join(ROOT, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const reason =
  'Electron 程序文件不在本机（node_modules/electron/dist 缺失，构建机无法下载），跳过真实窗口冒烟测试。';
if (!binary) console.log(`[electron smoke] ${reason}`);

test.describe('the real Electron app', () => {
  test.skip(!binary, reason);

  test('starts with the Chinese title, a sandboxed window and the preload API', async () => {
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [ROOT] });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/绩效目标表编辑器/);
      expect(
        await window.evaluate(() => typeof (window as unknown as { jixiao?: object }).jixiao),
      ).toBe('object');
      expect(
        await window.evaluate(() => typeof (globalThis as { require?: unknown }).require),
      ).toBe('undefined');
      expect(
        await window.evaluate(() => typeof (globalThis as { process?: unknown }).process),
      ).toBe('undefined');
      // Electron reports `sandboxed` per renderer process on Windows and macOS.
      const renderers = await app.evaluate(({ app: main }) =>
        main.getAppMetrics().filter((metric) => metric.type === 'Tab'),
      );
      expect(renderers.length).toBeGreaterThan(0);
      if (process.platform !== 'linux')
        expect(renderers.every((metric) => metric.sandboxed)).toBe(true);
      expect(window.url()).toMatch(/^app:\/\/jixiao\//);
    } finally {
      await app.close();
    }
  });
});
