import { projectLabel } from '../model/quote';

/** Projects a warning names before it counts the rest. */
const NAMED = 3;

/** `「甲」「乙」`, or `「甲」「乙」「丙」等 14 个项目` when there are more than three. */
export function projectsNamed(names: readonly string[]): string {
  const named = names
    .slice(0, NAMED)
    .map((name) => projectLabel({ name }))
    .join('');
  return names.length <= NAMED ? named : `${named}等 ${names.length} 个项目`;
}

/**
 * One warning for each thing projects lack, naming the projects (the first few, then how many),
 * in the order the things first come up; a department's 200 projects without 中期资金 are one
 * line, not 200.
 */
export function warningsByLack(
  lacks: ReadonlyArray<{ name: string; lack: string }>,
  line: (projects: string, lack: string) => string,
): string[] {
  const groups = new Map<string, string[]>();
  for (const { name, lack } of lacks) {
    const names = groups.get(lack);
    if (names) names.push(name);
    else groups.set(lack, [name]);
  }
  return [...groups].map(([lack, names]) => line(projectsNamed(names), lack));
}
