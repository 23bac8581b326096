import { seededRandom } from '../seededRandom';
import { expect, test } from './harness';
import { cell } from './editor-steps';
import {
  diffDocuments,
  nextKey,
  readDocument,
  readState,
  unexplained,
  unexplainedJump,
  withoutIndicator,
} from './monkey';

/**
 * The keyboard monkey (issue: no keystroke lands where the clerk cannot see it). A seeded run of
 * keys at 1366×768 over the sample; after every key the DOCUMENT (read through the page's
 * read-only test hook, see renderer/src/testHook.ts) is compared with the one before: it may
 * change only in the field that had the visible focus, or by the structural command the key
 * runs there, or back to a document seen before (undo / redo); and the keyboard may go back to
 * the grid from a panel, the find bar or a dialog only by a key meant for it (Esc, F6, Ctrl+J,
 * Enter on a button), never by Tab or typing. At the end everything is undone
 * and the original document must come back exactly. A failure prints the seed and key index:
 * `MONKEY_SEED=<seed> MONKEY_KEYS=<n> npx playwright test test/e2e/editor-monkey.spec.ts`.
 * `MONKEY_SLOWDOWN=<n>` runs the page n times slower (CPU throttling), as on a busy office PC:
 * some faults show only there (seed 2 failed in CI and passed on a quiet machine).
 */
// One retry: a seed once failed on timing alone (focus falling back to the grid while the panel
// re-rendered after a redo, now given a frame). Playwright reports a pass on retry as "flaky",
// with the first failure's seed and key printed, so it stays visible.
// A replay of one seed (MONKEY_SEED) runs once.
test.describe.configure({ retries: process.env.MONKEY_SEED ? 0 : 1 });

const KEYS = Number(process.env.MONKEY_KEYS ?? 2000);
const SEEDS = process.env.MONKEY_SEED ? [Number(process.env.MONKEY_SEED)] : [1, 2, 3];
const SLOWDOWN = Number(process.env.MONKEY_SLOWDOWN ?? 1);

for (const seed of SEEDS) {
  test(`keyboard monkey, seed ${seed}: ${KEYS} keys change only the focused field`, async ({
    app,
  }) => {
    test.setTimeout(420_000);
    const page = app.page;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.addInitScript(() => {
      (window as unknown as { __jixiaoTestHooks: boolean }).__jixiaoTestHooks = true;
    });
    await app.start();
    if (SLOWDOWN > 1) {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    }
    await cell(page, 2, 2).click();
    const original = await readDocument(page);
    const seen = new Set<string>([original]);
    let document = original;
    let state = await readState(page);
    const random = seededRandom(seed);
    const started = Date.now();
    // The last keys with what the page showed after each, printed when a key fails.
    const trail: string[] = [];
    let lost = 0;
    for (let index = 0; index < KEYS; index++) {
      const key = nextKey(random);
      await page.keyboard.press(key);
      const next = await readState(page);
      trail.push(`#${index} ${key} → ${next.focus.kind}：${next.seen}`);
      if (trail.length > 16) trail.shift();
      // Nothing may keep the keyboard nowhere: a focus lost (its element re-rendered away) goes
      // back to its region within a frame, so three keys in a row on nothing is a fault.
      lost = next.focus.kind === 'none' ? lost + 1 : 0;
      expect(
        lost,
        `焦点丢失：seed ${seed}, key #${index} ${key}; last keys:\n${trail.join('\n')}`,
      ).toBeLessThan(3);
      expect(
        unexplainedJump(state.focus, next.focus, key),
        `seed ${seed}, key #${index} ${key}; last keys:\n${trail.join('\n')}`,
      ).toBeNull();
      if (next.version !== state.version) {
        const text = await readDocument(page);
        const where = `seed ${seed}, key #${index} ${key}; last keys:\n${trail.join('\n')}`;
        if (text !== document) {
          // Ctrl+Z / Ctrl+Y, or Enter on the toolbar's 撤销 / 重做 (Tab reaches it after the focus
          // was lost).
          const undoing =
            /^Control\+[yz]$/.test(key) ||
            key === 'Control+Shift+Z' ||
            (state.focus.kind === 'toolbar' &&
              key === 'Enter' &&
              /^(撤销|重做)/.test(state.focus.button ?? ''));
          if (undoing) {
            expect(seen.has(text), `撤销/重做得到了从未出现过的文档（${where}）`).toBe(true);
          } else {
            const changes = diffDocuments(document, text);
            expect(unexplained(state.focus, key, changes), where).toBeNull();
            // 新增指标 from a panel field wrote the field, then added: two undo steps.
            for (const change of changes) {
              if (change.kind === 'indicatorAdded' && changes.length > 1) {
                seen.add(withoutIndicator(text, change.projectId ?? '', change.indicatorId ?? ''));
              }
            }
          }
          seen.add(text);
          document = text;
        }
      }
      state = next;
    }
    const keyTime = (Date.now() - started) / 1000;

    // Close whatever is open, back to the grid, then undo every step.
    for (let index = 0; index < 4; index++) await page.keyboard.press('Escape');
    await cell(page, 1, 0).click();
    await page.keyboard.press('Escape');
    const depth = await page.evaluate(() =>
      (window as unknown as { __jixiaoTest: { undoDepth(): number } }).__jixiaoTest.undoDepth(),
    );
    for (let index = 0; index < depth; index++) await page.keyboard.press('Control+z');
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { __jixiaoTest: { undoDepth(): number } }).__jixiaoTest.undoDepth(),
        ),
      )
      .toBe(0);
    expect(JSON.parse(await readDocument(page))).toEqual(JSON.parse(original));
    console.log(
      `monkey seed ${seed}: ${KEYS} keys in ${keyTime.toFixed(1)} s, ${seen.size - 1} document versions, ${depth} undo steps`,
    );
  });
}
