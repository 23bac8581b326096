import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JixiaoApi } from '../../../shared/ipc';
import type { OpenedDocument } from '../../../shared/ipc';
import type { JixiaoDocument } from '../../../shared/model';
import { GRID_COLUMNS, type GridColumnKey, type RowRef } from '../../../shared/edit';
import { seededRandom } from '../../seededRandom';
import { sampleDocument } from '../edit/helpers';
import * as editing from '../../../renderer/src/editing';
import * as recovery from '../../../renderer/src/recovery';
import * as store from '../../../renderer/src/store';

/**
 * The renderer's one editing path (renderer/src/editing.ts) over its store: every edit is one
 * undo step, the unsaved marker and autosave follow it, and a refused edit leaves the document
 * exactly as it was. Runs in Node: the store is plain zustand, and `window.jixiao` is a fake
 * that records what autosave would write.
 */

const writeRecovery = vi.fn(async () => ({ ok: true as const }));
const fakeWindow = { jixiao: { writeRecovery } as unknown as JixiaoApi };

beforeAll(() => {
  // api() reads window.jixiao when autosave runs, not when the modules load.
  vi.stubGlobal('window', fakeWindow);
});

function opened(document: JixiaoDocument, extra: Partial<OpenedDocument> = {}): OpenedDocument {
  return {
    documentId: 'doc-1',
    document,
    fileName: '测试.jixiao.json',
    untitled: false,
    isSample: false,
    ...extra,
  } as OpenedDocument;
}

function current(): NonNullable<ReturnType<typeof store.useAppStore.getState>['current']> {
  const open = store.useAppStore.getState().current;
  if (!open) throw new Error('no document open');
  return open;
}

const projectRow = (document: JixiaoDocument, index: number): RowRef => {
  const projects = document.units.flatMap((unit) => unit.projects);
  return { kind: 'project', projectId: projects[index % projects.length]!.id };
};

beforeEach(() => {
  vi.useFakeTimers();
  writeRecovery.mockClear();
  store.showOpened(opened(sampleDocument()));
  store.notify(null);
});

afterEach(() => {
  recovery.cancelRecovery();
  vi.useRealTimers();
});

describe('opening a document', () => {
  it('starts clean with an empty history; an import or restored work starts unsaved', () => {
    expect(current().dirty).toBe(false);
    expect(store.useAppStore.getState().history.undo).toEqual([]);
    store.showOpened(opened(sampleDocument(), { restored: true } as Partial<OpenedDocument>));
    expect(current().dirty).toBe(true);
    store.showOpened(opened(sampleDocument(), { migratedFrom: 1 } as Partial<OpenedDocument>));
    expect(current().dirty).toBe(true);
  });
});

describe('commit', () => {
  it('applies an edit as one named undo step and marks the document unsaved', () => {
    const before = current().document;
    const row = projectRow(before, 0);
    expect(
      editing.commit('setCells', { cells: [{ row, column: 'name', text: '新的项目名称' }] }),
    ).toBe(true);
    const after = current().document;
    expect(after.units[0]!.projects[0]!.name).toBe('新的项目名称');
    expect(before.units[0]!.projects[0]!.name).not.toBe('新的项目名称');
    expect(current().dirty).toBe(true);
    const { undo } = store.useAppStore.getState().history;
    expect(undo).toHaveLength(1);
    expect(undo[0]!.label).toMatch(/\S/);
  });

  it('refuses a negative amount: the document is the same object, the reason is in Chinese', () => {
    const before = current().document;
    const row = projectRow(before, 1);
    expect(editing.commit('setCells', { cells: [{ row, column: 'fiscal', text: '-5' }] })).toBe(
      false,
    );
    expect(current().document).toBe(before);
    expect(current().dirty).toBe(false);
    expect(store.useAppStore.getState().history.undo).toEqual([]);
    const notice = store.useAppStore.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.text).toMatch(/[\u4e00-\u9fff]/);
    expect(editing.lastEditError()).toBe(notice?.text);
  });

  it('records nothing for an edit that changes nothing', () => {
    const before = current().document;
    const project = before.units[0]!.projects[0]!;
    const row = projectRow(before, 0);
    expect(
      editing.commit('setCells', { cells: [{ row, column: 'name', text: project.name }] }),
    ).toBe(true);
    expect(current().document).toBe(before);
    expect(current().dirty).toBe(false);
    expect(store.useAppStore.getState().history.undo).toEqual([]);
  });

  it('clears an error notice with the next accepted edit', () => {
    const row = projectRow(current().document, 1);
    editing.commit('setCells', { cells: [{ row, column: 'fiscal', text: '-1' }] });
    expect(store.useAppStore.getState().notice?.kind).toBe('error');
    editing.commit('setCells', { cells: [{ row, column: 'fiscal', text: '12.5' }] });
    expect(store.useAppStore.getState().notice).toBeNull();
  });
});

describe('autosave', () => {
  it('writes the unsaved document once, three seconds after the last of several edits', async () => {
    const row = projectRow(current().document, 2);
    editing.commit('setCells', { cells: [{ row, column: 'goal', text: '第一稿' }] });
    await vi.advanceTimersByTimeAsync(recovery.RECOVERY_DELAY - 500);
    editing.commit('setCells', { cells: [{ row, column: 'goal', text: '第二稿' }] });
    await vi.advanceTimersByTimeAsync(recovery.RECOVERY_DELAY - 500);
    expect(writeRecovery).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(600);
    expect(writeRecovery).toHaveBeenCalledTimes(1);
    expect(writeRecovery).toHaveBeenCalledWith({
      documentId: 'doc-1',
      autosave: expect.any(String),
      part: 0,
      parts: 1,
      text: JSON.stringify(current().document),
    });
  });

  it('writes nothing for a refused edit', async () => {
    const row = projectRow(current().document, 2);
    editing.commit('setCells', { cells: [{ row, column: 'other', text: '-3' }] });
    await vi.advanceTimersByTimeAsync(recovery.RECOVERY_DELAY * 2);
    expect(writeRecovery).not.toHaveBeenCalled();
  });
});

describe('undo and redo', () => {
  it('says so, in Chinese, when there is nothing to undo, and changes nothing', () => {
    const before = current().document;
    editing.undoRedo('undo');
    expect(current().document).toBe(before);
    expect(store.useAppStore.getState().notice).toEqual({
      kind: 'info',
      text: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });

  it('undoing every edit of a seeded random session gives back the original, redoing gives the end', () => {
    const TEXTS = [
      '',
      '0',
      '12.34',
      '1,000',
      '2万',
      '教学设备购置',
      '  前后空格  ',
      '一\n二',
      '<b>&',
    ];
    const columns: GridColumnKey[] = GRID_COLUMNS.map((column) => column.key).filter(
      (key) => key !== 'total' && key !== 'indicators',
    );
    for (const seed of [1, 2, 3]) {
      store.showOpened(opened(sampleDocument()));
      const original = structuredClone(current().document);
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      let accepted = 0;
      for (let index = 0; index < 200; index += 1) {
        const row = projectRow(current().document, Math.floor(random() * 1000));
        const cells = [{ row, column: pick(columns), text: pick(TEXTS) }];
        if (random() < 0.2) cells.push({ row, column: pick(columns), text: pick(TEXTS) });
        const before = current().document;
        const ok = editing.commit('setCells', { cells });
        if (!ok) expect(current().document, `seed ${seed} edit ${index}`).toBe(before);
        if (current().document !== before) accepted += 1;
      }
      expect(accepted, `seed ${seed}`).toBeGreaterThan(50);
      const end = structuredClone(current().document);
      const steps = store.useAppStore.getState().history.undo.length;
      for (let index = 0; index < steps; index += 1) editing.undoRedo('undo');
      expect(current().document, `seed ${seed}`).toEqual(original);
      for (let index = 0; index < steps; index += 1) editing.undoRedo('redo');
      expect(current().document, `seed ${seed}`).toEqual(end);
    }
  });
});

describe('commitDocument', () => {
  it('records a whole-document change (a merge) as one step that undo takes back', () => {
    const before = current().document;
    const next = { ...before, fiscalYear: 2026, title: `${before.title}（合并后）` };
    expect(editing.commitDocument('合并同事的文件', next)).toBe(true);
    expect(current().document.fiscalYear).toBe(2026);
    expect(current().document.units).toBe(before.units);
    const { undo } = store.useAppStore.getState().history;
    expect(undo.map((entry) => entry.label)).toEqual(['合并同事的文件']);
    editing.undoRedo('undo');
    expect(current().document).toEqual(before);
  });
});
