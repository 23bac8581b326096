/**
 * Key timing for the renderer benchmark: each key from keydown to the end of the next frame
 * (rAF, then setTimeout 0), and main-thread time per key from CDP, sampled in blocks that take
 * turns between pages (the bare textarea and the app) so a busy machine slows them alike.
 */
import type { CDPSession, Page } from '@playwright/test';

/** Counted key presses per typing figure, after one uncounted warm-up round. */
export const TYPING_PRESSES = 200;
/** Presses between resets, so the typed text stays as short as an amount. */
const TYPING_BLOCK = 20;

/** Installs the keydown listener that times each key to the end of the next frame. */
async function listenToKeys(page: Page, key: string): Promise<void> {
  await page.evaluate((measured) => {
    const win = window as unknown as {
      __keyTimes: number[];
      __keyFilter: string;
      __keyListener?: boolean;
      __keyMeasured?: () => void;
    };
    win.__keyTimes = [];
    win.__keyFilter = measured;
    if (win.__keyListener) return;
    win.__keyListener = true;
    window.addEventListener(
      'keydown',
      (event) => {
        // Keys that only prepare the measured one (the amount before its Enter) are not timed.
        if (event.key !== win.__keyFilter) return;
        const start = event.timeStamp;
        // The list of the key's own measurement, even if a later one replaced it meanwhile.
        const times = win.__keyTimes;
        requestAnimationFrame(() =>
          setTimeout(() => {
            times.push(performance.now() - start);
            win.__keyMeasured?.();
          }, 0),
        );
      },
      true,
    );
  }, key);
}

/** Resolves once the page has timed `expected` keys since `listenToKeys`. */
async function keyTimed(page: Page, expected: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((done) => {
        const win = window as unknown as { __keyTimes: number[]; __keyMeasured?: () => void };
        const check = () => {
          if (win.__keyTimes.length < count) return;
          win.__keyMeasured = undefined;
          done();
        };
        win.__keyMeasured = check;
        check();
      }),
    expected,
  );
}

/**
 * Milliseconds from keydown to the end of the next frame, for `count` presses of `key`. Waits
 * for each measurement by a callback: `waitForFunction` polls in requestAnimationFrame, which
 * kept the page producing frames between keys, and then at times every key (on the bare page
 * too) waited about 16 ms for its frame.
 */
async function keyLatencies(page: Page, key: string, count: number): Promise<number[]> {
  await listenToKeys(page, key);
  for (let index = 0; index < count; index += 1) {
    await page.keyboard.press(key);
    await keyTimed(page, index + 1);
  }
  return page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes);
}

/** Milliseconds from keydown to the end of the next frame for one press of `key`. */
export async function oneKey(page: Page, key: string): Promise<number> {
  const [time] = await keyLatencies(page, key, 1);
  return time as number;
}

/** Resolves after the page's next frame, so the keys of a reset are over before measuring. */
async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))),
  );
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number;
}

/**
 * One page taking part in an interleaved measurement: how to bring it back to its start before a
 * block, the key measured in a block, and what to do (untimed) before and after each such key.
 */
export interface Typist {
  name: string;
  page: Page;
  reset: (round: number) => Promise<void>;
  key?: (round: number) => string;
  /** Untimed keys before each measured key (typing the amount an Enter confirms). */
  prepare?: (index: number) => Promise<void>;
  /** Untimed keys after each measured key (back to the cell the next one confirms). */
  restore?: () => Promise<void>;
  /**
   * Untimed, after each block: waits out what the block left running (an autosave), which
   * would otherwise run beside the next page's block and slow it on a two-core machine.
   */
  settle?: () => Promise<void>;
}

/** What one page gave: latencies of the counted keys and main-thread time per key. */
export interface Typing {
  times: number[];
  /** Milliseconds the page's main thread was busy, per key (CDP `TaskDuration`). */
  busy: number;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

/**
 * One block of `TYPING_BLOCK + 1` presses of the typist's key; the first is not counted (on
 * the bare page too it waits about 15 ms longer for its frame). Main-thread time covers the whole
 * block, or, when keys are prepared and restored around each press, each counted press alone.
 */
async function pressBlock(
  typist: Typist,
  cdp: CDPSession,
  round: number,
): Promise<{ times: number[]; seconds: number; keys: number }> {
  const { page } = typist;
  const key = typist.key?.(round) ?? '5';
  await typist.reset(round);
  await nextFrame(page);
  if (!typist.prepare && !typist.restore) {
    const before = await taskSeconds(cdp);
    const times = (await keyLatencies(page, key, TYPING_BLOCK + 1)).slice(1);
    return { times, seconds: (await taskSeconds(cdp)) - before, keys: TYPING_BLOCK + 1 };
  }
  await listenToKeys(page, key);
  let seconds = 0;
  for (let index = 0; index <= TYPING_BLOCK; index += 1) {
    await typist.prepare?.(index);
    await nextFrame(page);
    const before = await taskSeconds(cdp);
    await page.keyboard.press(key);
    await keyTimed(page, index + 1);
    if (index > 0) seconds += (await taskSeconds(cdp)) - before;
    await typist.restore?.();
  }
  await nextFrame(page);
  const times = await page.evaluate(
    () => (window as unknown as { __keyTimes: number[] }).__keyTimes,
  );
  return { times: times.slice(1), seconds, keys: TYPING_BLOCK };
}

/**
 * Presses each typist's key `TYPING_PRESSES` times, a block at a time and taking turns (the
 * first round is a warm-up), so a slow moment of the machine hits them all alike. Main-thread
 * time does not depend on when the browser schedules frames, so it is reported too.
 */
export async function interleavedKeys(typists: readonly Typist[]): Promise<Map<string, Typing>> {
  const times = new Map(typists.map((typist) => [typist.name, [] as number[]]));
  const busy = new Map(typists.map((typist) => [typist.name, { seconds: 0, keys: 0 }]));
  const sessions = new Map<string, CDPSession>();
  for (const typist of typists) {
    const cdp = await typist.page.context().newCDPSession(typist.page);
    await cdp.send('Performance.enable');
    sessions.set(typist.name, cdp);
  }
  const rounds = TYPING_PRESSES / TYPING_BLOCK + 1;
  for (let round = 0; round < rounds; round += 1) {
    for (let turn = 0; turn < typists.length; turn += 1) {
      const typist = typists[(round + turn) % typists.length] as Typist;
      const block = await pressBlock(typist, sessions.get(typist.name) as CDPSession, round);
      await typist.settle?.();
      if (round === 0) continue;
      times.get(typist.name)?.push(...block.times);
      const total = busy.get(typist.name) as { seconds: number; keys: number };
      total.seconds += block.seconds;
      total.keys += block.keys;
    }
  }
  for (const cdp of sessions.values()) await cdp.detach();
  return new Map(
    typists.map((typist) => {
      const total = busy.get(typist.name) as { seconds: number; keys: number };
      return [
        typist.name,
        { times: times.get(typist.name) ?? [], busy: (total.seconds * 1000) / total.keys },
      ];
    }),
  );
}

/** Pause after each resting move: longer than the panel's wait before it follows (120 ms). */
const REST_MS = 400;

/**
 * Main-thread time of arrow moves made at reading pace, one key then a rest, taking turns
 * between pages a block at a time: what the key did and everything that followed it while the
 * keys rested (the project panel follows the grid only then, so the tight loops of
 * interleavedKeys never see its render).
 */
export async function restingMoves(
  pages: ReadonlyArray<{ name: string; page: Page }>,
  moves: number,
  block = 5,
): Promise<Map<string, number>> {
  const totals = new Map(pages.map(({ name }) => [name, 0]));
  const sessions = await Promise.all(
    pages.map(async ({ page }) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      return cdp;
    }),
  );
  for (let round = 0; round * block < moves; round += 1) {
    for (let turn = 0; turn < pages.length; turn += 1) {
      const index = (round + turn) % pages.length;
      const { name, page } = pages[index] as { name: string; page: Page };
      const cdp = sessions[index] as CDPSession;
      for (let move = 0; move < block; move += 1) {
        await nextFrame(page);
        const before = await taskSeconds(cdp);
        await page.keyboard.press((round * block + move) % 2 === 0 ? 'ArrowDown' : 'ArrowUp');
        await page.waitForTimeout(REST_MS);
        await nextFrame(page);
        totals.set(name, (totals.get(name) ?? 0) + (await taskSeconds(cdp)) - before);
      }
    }
  }
  for (const cdp of sessions) await cdp.detach();
  const counted = Math.ceil(moves / block) * block;
  return new Map([...totals].map(([name, seconds]) => [name, (seconds * 1000) / counted]));
}
