/**
 * The gate answers a canonical argument with the schema's compiled check instead of zod. Seeded
 * random damage anywhere in a real document must get exactly zod's verdict, and what a handler
 * receives must equal what zod would have handed it.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/gate/dispatch';
import type { Handlers } from '../../../electron/host/handlers';
import { argumentSchemas, type InvokeName } from '../../../shared/ipc';
import { smallDocument } from './storeFixtures';

const ORIGIN = { senderUrl: 'app://jixiao/index.html', isMainFrame: true };

/** Handlers that only record what they were given. */
function recording(): { handlers: Handlers; received: unknown[] } {
  const received: unknown[] = [];
  const handlers = new Proxy(
    {},
    {
      get: () => async (value: unknown) => {
        received.push(value);
        return { ok: true };
      },
    },
  ) as Handlers;
  return { handlers, received };
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -1,
  1.5,
  0,
  '',
  '广州',
  'x'.repeat(5000),
  null,
  undefined,
  true,
  [],
  {},
  [1, 2],
  { extra: 1 },
];

/** Every place inside a value (objects and arrays), as a path of keys. */
function places(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [path];
  const inner = Array.isArray(value)
    ? value.flatMap((item, index) => places(item, [...path, index]))
    : Object.entries(value).flatMap(([key, item]) => places(item, [...path, key]));
  return [path, ...inner];
}

/** A copy of `value` with one place changed: a junk value, a key removed, or a key added. */
function damaged(value: unknown, next: () => number): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const all = places(copy).filter((path) => path.length > 0);
  const path = all[Math.floor(next() * all.length)] as Array<string | number>;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  const how = next();
  if (how < 0.15 && !Array.isArray(parent)) delete parent[last];
  else if (how < 0.25 && !Array.isArray(parent)) parent[`多余${Math.floor(next() * 9)}`] = 1;
  else parent[last] = JUNK[Math.floor(next() * JUNK.length)];
  return copy;
}

describe('the gate’s fast path gives zod’s verdict', () => {
  const channels: InvokeName[] = ['saveDocument', 'saveDocumentAs', 'exportCheckReport'];

  it.each(channels)('%s: valid, the handler gets what zod would give', async (name) => {
    const argument = { documentId: 'doc-1', document: smallDocument('表') };
    const { handlers, received } = recording();
    await dispatch(handlers, name, argument, ORIGIN);
    const zod = argumentSchemas[name].safeParse(argument);
    expect(zod.success).toBe(true);
    expect(received).toEqual([zod.data]);
  });

  it.each(channels)('%s: 400 seeded damages, each with zod’s verdict', async (name) => {
    const next = random(20261205);
    let refused = 0;
    for (let round = 0; round < 400; round += 1) {
      const argument = damaged({ documentId: 'doc-1', document: smallDocument('表') }, next);
      const { handlers, received } = recording();
      const result = (await dispatch(handlers, name, argument, ORIGIN)) as { ok: boolean };
      const zod = argumentSchemas[name].safeParse(argument);
      expect(result.ok, JSON.stringify(argument).slice(0, 300)).toBe(zod.success);
      if (zod.success) expect(received).toEqual([zod.data]);
      else refused += 1;
    }
    // The damage must mostly be real, or the test proves nothing.
    expect(refused).toBeGreaterThan(200);
  });
});
