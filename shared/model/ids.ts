let counter = 0;

/**
 * `value.toString(36)` for an integer below 36⁶, in two halves below 36³: the engine converts
 * small integers quickly but numbers past 2³¹ slowly (an import of 80,000 ids spent 30 ms there).
 */
function base36(value: number): string {
  const high = Math.floor(value / 46_656);
  const low = (value % 46_656).toString(36);
  return high === 0 ? low : `${high.toString(36)}${low.padStart(3, '0')}`;
}

/** The clock in base 36, converted once per millisecond rather than once per id. */
let clock = { at: -1, text: '' };

/** A short unique id for units, projects and indicators (not a security token). */
export function newId(prefix: string): string {
  counter = (counter + 1) % 1_679_616;
  const random = base36(Math.floor(Math.random() * 2_176_782_336));
  const now = Date.now();
  if (now !== clock.at) clock = { at: now, text: now.toString(36) };
  return `${prefix}-${clock.text}${counter.toString(36).padStart(4, '0')}${random}`;
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
