import type { Project } from '../../../shared/model';

export interface RowKeys {
  projectId: string;
  /** The indicators' ids in order, and each one's key. */
  ids: readonly string[];
  keys: readonly number[];
}

/**
 * The indicator rows' React keys. While the panel shows one project an indicator keeps its key
 * (a move, insert or delete reorders rows by identity, and a new indicator gets a key never used
 * in this project's view); another project's indicators take the keys in order, so moving
 * through the grid updates the rows in place instead of building some 900 elements anew.
 */
export function nextRowKeys(previous: RowKeys | null, project: Project): RowKeys {
  const ids = project.indicators.map((indicator) => indicator.id);
  if (previous?.projectId !== project.id) {
    return { projectId: project.id, ids, keys: ids.map((_, index) => index) };
  }
  if (ids.length === previous.ids.length && ids.every((id, index) => id === previous.ids[index])) {
    return previous;
  }
  const known = new Map(previous.ids.map((id, index) => [id, previous.keys[index] as number]));
  let fresh = 0;
  for (const key of previous.keys) fresh = Math.max(fresh, key + 1);
  return { projectId: project.id, ids, keys: ids.map((id) => known.get(id) ?? fresh++) };
}
