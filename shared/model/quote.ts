/** Longest text a message quotes whole: the default limit of a name (settings.nameMaxLength). */
const QUOTED_LENGTH = 100;

/**
 * A name or value as a message quotes it: whole up to 100 characters, else its first 30 and its
 * length, so a pasted page of text does not fill every line of a report
 * (`长长长…（共 1000 字）`).
 */
export function quotedName(name: string): string {
  if (name.length <= QUOTED_LENGTH) return name;
  const characters = [...name];
  if (characters.length <= QUOTED_LENGTH) return name;
  return `${characters.slice(0, 30).join('')}…（共 ${characters.length} 字）`;
}

/** `「市机电技师学院教学信息化设备购置项目」`. */
export function projectLabel(project: { name: string }): string {
  return `「${quotedName(project.name.trim()) || '未命名项目'}」`;
}
