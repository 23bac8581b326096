import { projectLabel } from '../model/quote';

/**
 * A line for the clerk before a file goes out. When it names only the first few projects it is
 * about, `projects` lists them all, for the dialog to show on request.
 */
export interface ExportWarning {
  text: string;
  projects?: readonly string[];
}

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

/** A warning about `names`, worded by `line` with the first few named (all kept when cut). */
export function projectsWarning(
  names: readonly string[],
  line: (projects: string) => string,
): ExportWarning {
  const text = line(projectsNamed(names));
  return names.length > NAMED ? { text, projects: [...names] } : { text };
}

/**
 * One warning for each thing projects lack, naming the projects (the first few, then how many),
 * in the order the things first come up; a department's 200 projects without 中期资金 are one
 * line, not 200.
 */
export function warningsByLack(
  lacks: ReadonlyArray<{ name: string; lack: string }>,
  line: (projects: string, lack: string) => string,
): ExportWarning[] {
  const groups = new Map<string, string[]>();
  for (const { name, lack } of lacks) {
    const names = groups.get(lack);
    if (names) names.push(name);
    else groups.set(lack, [name]);
  }
  return [...groups].map(([lack, names]) => projectsWarning(names, (named) => line(named, lack)));
}

/** Every project of a warning that named only the first few: `全部 14 个项目：「甲」「乙」…`. */
export function allProjectsText(projects: readonly string[]): string {
  return `全部 ${projects.length} 个项目：${projects.map((name) => projectLabel({ name })).join('')}`;
}
