let counter = 0;

/** A short unique id for units, projects and indicators (not a security token). */
export function newId(prefix: string): string {
  counter = (counter + 1) % 1_679_616;
  const random = Math.floor(Math.random() * 2_176_782_336).toString(36);
  return `${prefix}-${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}${random}`;
}

/**
 * The same document with ids renumbered in document order (`u1`, `p1`, `i1` …): for the shipped
 * sample and for comparing two imports of one table.
 */
export function withSequentialIds<
  T extends {
    units: Array<{
      id: string;
      projects: Array<{ id: string; indicators: Array<{ id: string }> }>;
    }>;
  },
>(document: T): T {
  let project = 0;
  let indicator = 0;
  return {
    ...document,
    units: document.units.map((unit, unitIndex) => ({
      ...unit,
      id: `u${unitIndex + 1}`,
      projects: unit.projects.map((item) => ({
        ...item,
        id: `p${(project += 1)}`,
        indicators: item.indicators.map((entry) => ({ ...entry, id: `i${(indicator += 1)}` })),
      })),
    })),
  };
}
