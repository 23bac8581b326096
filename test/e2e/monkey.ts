/**
 * The keyboard monkey's parts (its seeded PRNG is test/seededRandom.ts): the keys it presses, what had visible focus
 * before a key (read from the page's DOM), and the check that a document changed only where
 * that focus (or the key's command) explains.
 */
import type { Page } from '@playwright/test';

/** Keys and how often the monkey presses them (Playwright key names). */
const KEYS: Array<[string, number]> = [
  ['Tab', 10],
  ['Shift+Tab', 5],
  ['ArrowUp', 4],
  ['ArrowDown', 5],
  ['ArrowLeft', 4],
  ['ArrowRight', 5],
  ['Enter', 8],
  ['Escape', 6],
  ['F2', 4],
  ['letter', 14],
  ['digit', 10],
  ['Backspace', 3],
  ['Delete', 1],
  ['Control+z', 4],
  ['Control+y', 2],
  ['Control+Enter', 1],
  ['Control+Shift+Enter', 1.5],
  ['Alt+Enter', 1],
  ['Control+f', 1],
  ['Control+h', 0.5],
  ['Control+j', 0.5],
  ['F6', 3],
  ['Shift+F6', 1],
];
const TOTAL = KEYS.reduce((sum, [, weight]) => sum + weight, 0);

/** The next key of a run. */
export function nextKey(random: () => number): string {
  let pick = random() * TOTAL;
  for (const [key, weight] of KEYS) {
    pick -= weight;
    if (pick > 0) continue;
    if (key === 'letter') return 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)] as string;
    if (key === 'digit') return String(Math.floor(random() * 10));
    return key;
  }
  return 'Tab';
}

/** What had the visible focus: a grid cell, a panel field, a dialog, the find bar … */
export interface Focus {
  /** `hidden`: the focused cell or field is scrolled out of sight, so no change is explained. */
  kind: 'grid' | 'panel' | 'dialog' | 'find' | 'findings' | 'toolbar' | 'none' | 'hidden';
  projectId?: string;
  unitId?: string;
  column?: number;
  indicatorId?: string;
  /** Panel: `data-field` or the field's label; a button's text. */
  field?: string;
  button?: string;
  dialog?: string;
  /**
   * The project 新增指标 adds to: the panel's when a panel field or button has the focus, else
   * (the grid, the panel's box) the grid's.
   */
  commandProjectId?: string;
  /** `hidden` with the focus still on a panel control the panel scrolled out of sight. */
  scrolledOut?: boolean;
}

/** Reads, in the page, what has the focus and the document's version. */
export async function readState(
  page: Page,
): Promise<{ version: number; focus: Focus; seen: string }> {
  return page.evaluate(
    () =>
      new Promise<{ version: number; focus: Focus; seen: string }>((resolve) =>
        // After the page's pending tasks, as a clerk's next key comes after the screen followed.
        setTimeout(() => {
          const hook = (window as unknown as { __jixiaoTest: { version(): number } }).__jixiaoTest;
          const active = document.activeElement as HTMLElement | null;
          const focus: Focus = { kind: 'none' };
          if (active?.matches('textarea.cell-editor')) {
            const cell = document.querySelector<HTMLElement>('.grid-scroll [data-active]');
            const row = cell?.closest('tr');
            focus.kind = 'grid';
            focus.column = Number(cell?.dataset.col);
            focus.projectId = row?.dataset.projectId;
            focus.unitId = row?.dataset.unitId;
          } else if (active?.closest('[role="dialog"]')) {
            focus.kind = 'dialog';
            focus.dialog = active.closest('[role="dialog"]')?.getAttribute('aria-labelledby') ?? '';
          } else if (active?.closest('.project-panel')) {
            focus.kind = 'panel';
            focus.projectId =
              (
                active.closest<HTMLElement>('[data-project-id]') ??
                document.querySelector<HTMLElement>('.project-panel [data-project-id]')
              )?.dataset.projectId ?? undefined;
            focus.indicatorId =
              active.closest<HTMLElement>('[data-indicator-id]')?.dataset.indicatorId ?? undefined;
            if (active instanceof HTMLButtonElement) focus.button = active.textContent ?? '';
            else focus.field = active.dataset.field ?? active.getAttribute('aria-label') ?? '';
          } else if (active?.closest('.find-bar')) {
            focus.kind = 'find';
            if (active instanceof HTMLButtonElement) focus.button = active.textContent ?? '';
          } else if (active?.closest('.findings-panel')) {
            focus.kind = 'findings';
            if (active instanceof HTMLButtonElement) focus.button = active.textContent ?? '';
          } else if (active?.closest('[role="toolbar"]')) {
            // Reached by Tab after the focus was lost: Enter / Space there runs the button.
            focus.kind = 'toolbar';
            if (active instanceof HTMLButtonElement) focus.button = active.textContent ?? '';
          }
          // Visible means on screen inside its scrolling box (below the grid's sticky header).
          const shows = (element: Element | null | undefined, box: Element | null) => {
            if (!element || !box) return false;
            const rect = element.getBoundingClientRect();
            const outer = box.getBoundingClientRect();
            const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
            return (
              rect.bottom > outer.top + header + 4 &&
              rect.top < outer.bottom - 4 &&
              rect.right > outer.left + 4 &&
              rect.left < outer.right - 4 &&
              rect.width > 0
            );
          };
          if (focus.kind === 'grid') {
            const cell = document.querySelector('.grid-scroll [data-active]');
            if (!shows(cell, document.querySelector('.grid-scroll'))) focus.kind = 'hidden';
          } else if (focus.kind === 'panel' && active !== null) {
            if (!shows(active, active.closest('.project-panel'))) {
              focus.kind = 'hidden';
              focus.scrolledOut = true;
            }
          }
          const gridProject =
            document.querySelector<HTMLElement>('.grid-scroll [data-active]')?.closest('tr')
              ?.dataset.projectId ?? undefined;
          // From the panel's box itself (a 新增指标 awaiting its field, a focus restored there)
          // the panel is about to follow the grid: the grid's row is the project then.
          const onPanelBox = active?.matches('.project-panel') ?? false;
          focus.commandProjectId =
            focus.kind === 'panel' && !onPanelBox ? focus.projectId : gridProject;
          // What a failure prints for each of the last keys: the focused element, the grid's row
          // and the project the panel shows.
          const panelProject = document.querySelector<HTMLElement>(
            '.project-panel [data-project-id]',
          )?.dataset.projectId;
          const name = active
            ? `${active.tagName.toLowerCase()}${active.className ? `.${String(active.className).split(' ')[0]}` : ''}` +
              `[${active.dataset.field ?? active.getAttribute('aria-label') ?? active.textContent?.slice(0, 12) ?? ''}]`
            : 'null';
          const seen = `焦点 ${name}，表格行 ${gridProject ?? '—'}，面板 ${panelProject ?? '—'}`;
          resolve({ version: hook.version(), focus, seen });
        }, 0),
      ),
  );
}

export async function readDocument(page: Page): Promise<string> {
  return page.evaluate(() =>
    (window as unknown as { __jixiaoTest: { document(): string } }).__jixiaoTest.document(),
  );
}

type Json = Record<string, unknown>;

/** One difference between two documents, named by ids and field. */
export interface Change {
  kind:
    | 'document'
    | 'unit'
    | 'unitAdded'
    | 'unitRemoved'
    | 'unitOrder'
    | 'project'
    | 'projectAdded'
    | 'projectRemoved'
    | 'projectOrder'
    | 'indicator'
    | 'indicatorAdded'
    | 'indicatorRemoved'
    | 'indicatorOrder';
  unitId?: string;
  projectId?: string;
  indicatorId?: string;
  field?: string;
}

const empty = (value: unknown) => value === undefined || value === null || value === '';

function same(a: unknown, b: unknown): boolean {
  if (empty(a) && empty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields of two objects that differ; object-valued fields one level down (`money.fiscal`). */
function fieldDiff(a: Json, b: Json, skip: string[] = []): string[] {
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (skip.includes(key) || same(a[key], b[key])) continue;
    const left = a[key];
    const right = b[key];
    const isObject = (value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value);
    if ((isObject(left) || empty(left)) && (isObject(right) || empty(right))) {
      const l = (left ?? {}) as Json;
      const r = (right ?? {}) as Json;
      for (const sub of new Set([...Object.keys(l), ...Object.keys(r)])) {
        const lv = l[sub] ?? (typeof r[sub] === 'number' ? 0 : undefined);
        const rv = r[sub] ?? (typeof l[sub] === 'number' ? 0 : undefined);
        if (!same(lv, rv)) out.push(`${key}.${sub}`);
      }
    } else out.push(key);
  }
  return out;
}

function listDiff<T extends { id: string }>(
  before: T[],
  after: T[],
  names: { added: Change['kind']; removed: Change['kind']; order: Change['kind'] },
  scope: Partial<Change>,
  inner: (a: T, b: T) => Change[],
): Change[] {
  const out: Change[] = [];
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) out.push({ ...scope, kind: names.added, [idKey(names.added)]: item.id });
    else out.push(...inner(previous, item));
  }
  for (const item of before) {
    if (!now.has(item.id))
      out.push({ ...scope, kind: names.removed, [idKey(names.added)]: item.id });
  }
  const kept = (list: T[], other: Map<string, T>) =>
    list.filter((item) => other.has(item.id)).map((item) => item.id);
  if (kept(before, now).join() !== kept(after, old).join())
    out.push({ ...scope, kind: names.order });
  return out;
}

function idKey(kind: Change['kind']): 'unitId' | 'projectId' | 'indicatorId' {
  return kind.startsWith('unit')
    ? 'unitId'
    : kind.startsWith('project')
      ? 'projectId'
      : 'indicatorId';
}

/**
 * The document (as JSON) with one indicator taken out: what it was between the two steps of a
 * 新增指标 pressed in a panel field (the field's text is written, then the indicator added, each
 * its own undo step), so an undo may rightly land on it.
 */
export function withoutIndicator(text: string, projectId: string, indicatorId: string): string {
  type Project = { id: string; indicators: { id: string }[] };
  const document = JSON.parse(text) as { units: { projects: Project[] }[] };
  for (const unit of document.units) {
    for (const project of unit.projects) {
      if (project.id === projectId) {
        project.indicators = project.indicators.filter((item) => item.id !== indicatorId);
      }
    }
  }
  return JSON.stringify(document);
}

/** Every difference between two documents (as JSON). */
export function diffDocuments(beforeText: string, afterText: string): Change[] {
  const before = JSON.parse(beforeText) as Json;
  const after = JSON.parse(afterText) as Json;
  const changes: Change[] = fieldDiff(before, after, ['units']).map((field) => ({
    kind: 'document' as const,
    field,
  }));
  type Indicator = Json & { id: string };
  type Project = Json & { id: string; indicators: Indicator[] };
  type Unit = Json & { id: string; projects: Project[] };
  changes.push(
    ...listDiff(
      before.units as Unit[],
      after.units as Unit[],
      { added: 'unitAdded', removed: 'unitRemoved', order: 'unitOrder' },
      {},
      (a, b) => [
        ...fieldDiff(a, b, ['projects']).map((field) => ({
          kind: 'unit' as const,
          unitId: b.id,
          field,
        })),
        ...listDiff(
          a.projects,
          b.projects,
          { added: 'projectAdded', removed: 'projectRemoved', order: 'projectOrder' },
          { unitId: b.id },
          (p, q) => [
            ...fieldDiff(p, q, ['indicators']).map((field) => ({
              kind: 'project' as const,
              projectId: q.id,
              field,
            })),
            ...listDiff(
              p.indicators,
              q.indicators,
              { added: 'indicatorAdded', removed: 'indicatorRemoved', order: 'indicatorOrder' },
              { projectId: q.id },
              (i, j) =>
                fieldDiff(i, j).map((field) => ({
                  kind: 'indicator' as const,
                  projectId: q.id,
                  indicatorId: j.id,
                  field: field.split('.')[0],
                })),
            ),
          ],
        ),
      ],
    ),
  );
  // A project moved between units shows as removed in one and added in another: one move.
  return changes;
}

/** Grid column → the project field it edits (总计 and 绩效指标 edit none). */
const GRID_FIELDS: Record<number, string> = {
  0: 'name',
  2: 'money.fiscal',
  3: 'money.specialAccount',
  4: 'money.other',
  5: 'goals.annual',
};

/** Panel field (data-field or label) → the indicator field it edits. */
function indicatorField(label: string): string[] {
  if (label.includes('实施周期指标值')) return ['period'];
  if (label.includes('年度指标值')) return ['annual'];
  if (label.includes('一级指标')) return ['level1', 'level2'];
  if (label.includes('二级指标')) return ['level2'];
  // A name that is one of the suggestions (the library's, or another project's indicator) fills
  // what is still empty — 一级, 二级 and both values — as one undo step with the name.
  if (label.includes('三级指标') || label === 'indicator.name') {
    return ['name', 'level1', 'level2', 'period', 'annual'];
  }
  if (label.includes('指标值说明') || label === 'indicator.note') return ['note'];
  return [];
}

const PANEL_LABELS: Record<string, string> = { 项目属性: 'attribute' };

const INDICATOR_LEVEL: Change['kind'][] = [
  'indicator',
  'indicatorAdded',
  'indicatorRemoved',
  'indicatorOrder',
];

/**
 * Why a change is not explained by the focus and the key, or null when every change is: the
 * field that had the visible focus, or the structural command the key runs there.
 */
export function unexplained(focus: Focus, key: string, changes: Change[]): string | null {
  const bad = (change: Change) => `${JSON.stringify(change)} (焦点 ${JSON.stringify(focus)})`;
  // 新增项目 (outside dialogs): exactly one new project (or unit).
  const one = changes.length === 1 ? changes[0] : undefined;
  if (focus.kind !== 'dialog' && key === 'Control+Enter' && one) {
    if (one.kind === 'projectAdded' || one.kind === 'unitAdded') return null;
  }
  // 新增指标 (outside dialogs): one new indicator in the project the grid's row or the panel
  // shows; from a panel field, what was typed in it is written first: the rest is that edit.
  const added = changes.filter((change) => change.kind === 'indicatorAdded');
  const newIndicator =
    focus.kind !== 'dialog' &&
    key === 'Control+Shift+Enter' &&
    added.length === 1 &&
    added[0]?.projectId === focus.commandProjectId
      ? added[0]
      : undefined;
  for (const change of changes) {
    if (change === newIndicator) continue;
    let ok = false;
    if (focus.kind === 'grid') {
      const field = GRID_FIELDS[focus.column ?? -1];
      ok =
        (change.kind === 'project' &&
          change.projectId === focus.projectId &&
          change.field === field) ||
        (change.kind === 'unit' &&
          change.unitId === focus.unitId &&
          field === 'name' &&
          change.field === 'name');
    } else if (focus.kind === 'panel' && focus.button !== undefined) {
      // A button of the indicator table: 新增指标, 复制, 删除, 上移 … on this project's indicators.
      ok = INDICATOR_LEVEL.includes(change.kind) && change.projectId === focus.projectId;
    } else if (focus.kind === 'panel' && focus.indicatorId) {
      ok =
        change.kind === 'indicator' &&
        change.indicatorId === focus.indicatorId &&
        indicatorField(focus.field ?? '').includes(change.field ?? '');
    } else if (focus.kind === 'panel') {
      const field = PANEL_LABELS[focus.field ?? ''] ?? focus.field;
      ok =
        change.kind === 'project' && change.projectId === focus.projectId && change.field === field;
    } else if (focus.kind === 'dialog' && focus.dialog === 'properties-title') {
      // 文档属性: the document's own fields; converting 万元⇄元 rewrites every amount.
      const converted = changes.some((entry) => entry.field === 'moneyUnit');
      ok =
        change.kind === 'document' ||
        (converted &&
          change.kind === 'project' &&
          /^(money|periodMoney)\./.test(change.field ?? ''));
    } else if (focus.kind === 'find' && /替换/.test(focus.button ?? '')) {
      ok = change.kind === 'project' || change.kind === 'unit' || change.kind === 'indicator';
    } else if (focus.kind === 'findings' && /修复/.test(focus.button ?? '')) {
      ok = change.kind === 'project' || change.kind === 'indicator';
    }
    if (!ok) return `焦点之外的改动：${bad(change)}`;
  }
  return null;
}

/** Keys that may hand the keyboard back to the grid from a panel, the find bar or a dialog. */
const TO_GRID: Record<string, Focus['kind'][]> = {
  Escape: ['panel', 'find', 'findings', 'dialog', 'toolbar'],
  F6: ['panel', 'find', 'findings', 'toolbar'],
  'Shift+F6': ['panel', 'find', 'findings', 'toolbar'],
  'Control+j': ['panel'],
  // 新增项目: the new project's first cell takes the keyboard (issue: new things get the focus).
  'Control+Enter': ['panel', 'find', 'findings', 'toolbar'],
  'Control+f': [],
  'Control+h': [],
};

/**
 * Why the grid took the keyboard when it should not have, or null: from a panel field, the find
 * bar or a dialog the focus returns to the grid only by a key that says so (Esc, F6, Ctrl+J,
 * Enter on a dialog's or panel's button), never by Tab or typing.
 */
export function unexplainedJump(before: Focus, after: Focus, key: string): string | null {
  if (after.kind !== 'grid' && after.kind !== 'hidden') return null;
  if (before.kind === 'grid' || before.kind === 'none' || before.kind === 'hidden') return null;
  if (TO_GRID[key]?.includes(before.kind)) return null;
  if (key === 'Enter' && (before.kind === 'dialog' || before.button !== undefined)) return null;
  if (after.scrolledOut)
    return `焦点所在的控件滚出了视野（按键 ${key}）：${JSON.stringify(before)}`;
  return `焦点从 ${JSON.stringify(before)} 跳到了表格（按键 ${key}）`;
}
