import { describe, expect, it } from 'vitest';
import { holdPending, settlePendingEdits, watchPending } from '../../../renderer/src/pendingEdits';

describe('typing in progress (pendingEdits)', () => {
  it('tells its watchers when typing begins and when the last of it ends', () => {
    const told: boolean[] = [];
    const stop = watchPending((typing) => told.push(typing));
    const cell = holdPending(() => true);
    const field = holdPending(() => true);
    cell();
    expect(told).toEqual([true]);
    field();
    expect(told).toEqual([true, false]);
    stop();
    holdPending(() => true)();
    expect(told).toEqual([true, false]);
  });

  it('settles every holder and says false when one refused', () => {
    const written: string[] = [];
    const releaseCell = holdPending(() => {
      written.push('cell');
      return true;
    });
    const releaseField = holdPending(() => {
      written.push('field');
      return false;
    });
    expect(settlePendingEdits()).toBe(false);
    expect(written).toEqual(['cell', 'field']);
    releaseField();
    expect(settlePendingEdits()).toBe(true);
    releaseCell();
  });
});
