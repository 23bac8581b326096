import { defineConfig } from '@playwright/test';
import { chromiumPath, CHROMIUM_ARGS } from './test/e2e/browser';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Imports parse in a worker; on a busy shared machine 5 s for a dialog to appear is too tight.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
  },
});
