/**
 * How 与上年对比 finds last year's unit, project or indicator for this year's: by name, since a
 * rolled-forward document has new ids. Names are compared after Unicode NFKC (full-width brackets
 * and digits) with all whitespace removed; what is still unmatched is then compared with every year
 * number (1980–2199) replaced, so `2024年-2025年…项目` finds `2025年-2026年…项目`.
 */

const YEAR = /(?<!\d)(?:19[89]\d|20\d\d|21\d\d)(?!\d)/gu;

/** A name as matched: NFKC, no whitespace. */
export function matchName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

/** A name as matched in the second pass: year numbers replaced. */
function withoutYears(name: string): string {
  return matchName(name).replace(YEAR, '#');
}

function yearsIn(name: string): number[] {
  return [...matchName(name).matchAll(YEAR)].map((match) => Number(match[0]));
}

/** How far two names' year numbers are from moving on by `shift` years each. */
function yearDistance(previous: string, current: string, shift: number): number {
  const from = yearsIn(previous);
  return yearsIn(current).reduce(
    (sum, year, index) => sum + Math.abs(year - (from[index] ?? year) - shift),
    0,
  );
}

/**
 * Pairs last year's items with this year's by name: exact names first (in order when repeated),
 * then names without year numbers, preferring the candidate whose years moved on by `shift`
 * (`2025年-2026年` → `2026年-2027年` rather than `2024年-2025年` when a table has both). Returns for
 * each of this year's items the index of its partner last year, or -1.
 */
export function pair<A, B>(
  previous: readonly A[],
  current: readonly B[],
  nameOfPrevious: (item: A) => string,
  nameOfCurrent: (item: B) => string,
  shift: number,
): number[] {
  const partner = current.map(() => -1);
  const taken = new Set<number>();
  const exact = new Map<string, number[]>();
  previous.forEach((item, index) => {
    const key = matchName(nameOfPrevious(item));
    exact.set(key, [...(exact.get(key) ?? []), index]);
  });
  current.forEach((item, index) => {
    const found = exact.get(matchName(nameOfCurrent(item)))?.shift();
    if (found === undefined) return;
    partner[index] = found;
    taken.add(found);
  });
  current.forEach((item, index) => {
    if (partner[index] !== -1) return;
    const name = nameOfCurrent(item);
    const key = withoutYears(name);
    let best = -1;
    let bestDistance = Number.POSITIVE_INFINITY;
    previous.forEach((candidate, candidateIndex) => {
      if (taken.has(candidateIndex)) return;
      const other = nameOfPrevious(candidate);
      if (withoutYears(other) !== key) return;
      const distance = yearDistance(other, name, shift);
      if (distance < bestDistance) [best, bestDistance] = [candidateIndex, distance];
    });
    if (best === -1) return;
    partner[index] = best;
    taken.add(best);
  });
  return partner;
}
