import { describe, expect, it } from 'vitest';
import type { Project } from '../../../shared/model';
import { nextRowKeys } from '../../../renderer/src/panel/rowKeys';
import { sampleDocument } from '../edit/helpers';

/**
 * The project panel's indicator row keys (renderer/src/panel/rowKeys.ts): React keeps a row's
 * fields (and the focus in them) by key, so within one project a key must follow its indicator
 * through moves, inserts and deletes; another project reuses the rows in order.
 */
const projects = sampleDocument().units.flatMap((unit) => unit.projects);
const first = projects[0] as Project;
const second = projects[1] as Project;

function keyOf(keys: ReturnType<typeof nextRowKeys>, id: string): number | undefined {
  return keys.keys[keys.ids.indexOf(id)];
}

describe('indicator row keys', () => {
  it('another project takes the keys in order', () => {
    const start = nextRowKeys(null, first);
    expect(start.keys).toEqual(first.indicators.map((_, index) => index));
    const next = nextRowKeys(start, second);
    expect(next.keys).toEqual(second.indicators.map((_, index) => index));
  });

  it('the same indicators in the same order keep the same keys object', () => {
    const start = nextRowKeys(null, first);
    expect(nextRowKeys(start, { ...first })).toBe(start);
  });

  it('within a project a key follows its indicator; a new one gets a key never used there', () => {
    const start = nextRowKeys(null, first);
    const [a, b, c, ...rest] = first.indicators;
    if (!a || !b || !c) throw new Error('the sample project has at least three indicators');
    // In one edit: b moves to the top, a is deleted, a new indicator is added at the end.
    const edited = { ...first, indicators: [b, c, ...rest, { ...a, id: 'ind-new' }] };
    const next = nextRowKeys(start, edited);
    expect(keyOf(next, b.id)).toBe(keyOf(start, b.id));
    expect(keyOf(next, c.id)).toBe(keyOf(start, c.id));
    expect(start.keys).not.toContain(keyOf(next, 'ind-new'));
    expect(new Set(next.keys).size).toBe(next.keys.length);
  });
});
