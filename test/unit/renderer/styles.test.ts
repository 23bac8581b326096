import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Where the renderer's CSS lives: each component's rules beside it, in a stylesheet its folder
 * imports; `styles.css` only for what many components share. Class names are read from the
 * selectors; a class counts as used where a string in the code spells it (`finding-${severity}`
 * counts for every `finding-…`).
 */
const SOURCE = join(import.meta.dirname, '../../../renderer/src');
const GLOBAL = join(SOURCE, 'styles.css');

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

const files = filesUnder(SOURCE);
const stylesheets = files.filter((file) => file.endsWith('.css'));
const modules = files.filter((file) => /\.tsx?$/.test(file));

/** The room a file belongs to: its folder under renderer/src ('' for the root files). */
function room(file: string): string {
  return relative(SOURCE, dirname(file));
}

/** The selectors of each rule (comments, declarations and @keyframes steps left out). */
function selectors(file: string): string[] {
  let css = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  css = css.replace(/@keyframes[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, '');
  return css
    .replace(/\{[^{}]*\}/g, '\n')
    .split('\n')
    .flatMap((line) => line.split(','))
    .map((selector) => selector.trim())
    .filter((selector) => selector !== '' && !selector.startsWith('@'));
}

function classesOf(selector: string): string[] {
  return [...selector.replace(/\[[^\]]*\]/g, '').matchAll(/\.([a-zA-Z][\w-]*)/g)].map(
    (match) => match[1] ?? '',
  );
}

/** The words a module's strings spell, and the prefixes its templates end with (`finding-`). */
function classWords(file: string): { words: Set<string>; prefixes: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const words = new Set<string>();
  const prefixes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      const parts = node.text.split(/\s+/).filter(Boolean);
      const open = ts.isTemplateHead(node) || ts.isTemplateMiddle(node);
      const last = parts.at(-1);
      if (open && last && /-$/.test(last) && !/\s$/.test(node.text)) prefixes.push(last);
      for (const part of parts) words.add(part);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { words, prefixes };
}

const usage = new Map<string, { words: Set<string>; prefixes: string[] }>();
for (const file of modules) {
  const found = classWords(file);
  const entry = usage.get(room(file)) ?? { words: new Set<string>(), prefixes: [] };
  for (const word of found.words) entry.words.add(word);
  entry.prefixes.push(...found.prefixes);
  usage.set(room(file), entry);
}

/** The rooms whose code spells the class. */
function roomsUsing(name: string): string[] {
  return [...usage]
    .filter(
      ([, found]) =>
        found.words.has(name) || found.prefixes.some((prefix) => name.startsWith(prefix)),
    )
    .map(([folder]) => folder);
}

const globalClasses = new Set(selectors(GLOBAL).flatMap(classesOf));

/**
 * States that must win over every component's field rules of the same weight: main.tsx imports
 * styles.css after the components, so only the global sheet comes after all of them.
 */
const GLOBAL_STATES = new Set(['invalid']);

describe('the renderer keeps each component’s styles beside it', () => {
  it('finds the stylesheets and the classes the code spells', () => {
    expect(stylesheets.length).toBeGreaterThan(10);
    expect(roomsUsing('grid-scroll')).toEqual(['grid']);
    expect(roomsUsing('finding-error')).toContain('findings');
  });

  it('styles.css holds only classes that the root or at least two rooms use', () => {
    const local = [...globalClasses]
      .map((name) => ({ name, rooms: roomsUsing(name) }))
      .filter(({ name }) => !GLOBAL_STATES.has(name))
      .filter(({ rooms }) => !rooms.includes('') && rooms.length < 2)
      .map(({ name, rooms }) => `.${name} (${rooms.join(', ') || '无人使用'})`);
    expect(local, '只属于一个组件的样式应放在该组件旁边的 CSS 文件中').toEqual([]);
  });

  it('every rule of a component stylesheet names a class of its own room, and no class is unused', () => {
    const misplaced: string[] = [];
    for (const file of stylesheets.filter((sheet) => sheet !== GLOBAL)) {
      const folder = room(file);
      for (const selector of selectors(file)) {
        const classes = classesOf(selector);
        const unused = classes.filter(
          (name) => !globalClasses.has(name) && roomsUsing(name).length === 0,
        );
        const anchored = classes.some((name) => roomsUsing(name).includes(folder));
        if (unused.length > 0 || !anchored)
          misplaced.push(`${folder}/${basename(file)}: ${selector}`);
      }
    }
    expect(misplaced).toEqual([]);
  });

  it('every stylesheet is imported by a module of its own folder', () => {
    const orphans = stylesheets.filter((sheet) => {
      const line = `import './${basename(sheet)}';`;
      return !modules.some(
        (file) => dirname(file) === dirname(sheet) && readFileSync(file, 'utf8').includes(line),
      );
    });
    expect(orphans.map((sheet) => relative(SOURCE, sheet))).toEqual([]);
  });
});
