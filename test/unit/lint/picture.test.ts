/**
 * The layer picture in docs/ARCHITECTURE.md is the lint config: for every pair of boxes, one
 * import from the first into the second passes lint exactly when the picture allows it.
 */
import { readFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: ROOT });

const SHARED = [
  'ipc',
  'edit',
  'import',
  'export',
  'rules',
  'scoring',
  'frameworks',
  'model',
  'text',
];

/** Where a fixture of each box sits, and the module another box imports from it. */
const BOXES: Record<string, { file: string; module: string }> = {
  main: { file: 'electron/main/fixture.ts', module: 'electron/main/index' },
  preload: { file: 'electron/preload/fixture.ts', module: 'electron/preload/index' },
  cli: { file: 'electron/cli/fixture.ts', module: 'electron/cli/index' },
  serve: { file: 'electron/serve/fixture.ts', module: 'electron/serve/server' },
  host: { file: 'electron/host/fixture.ts', module: 'electron/host/gate/dispatch' },
  renderer: { file: 'renderer/src/fixture.ts', module: 'renderer/src/App' },
  browser: { file: 'browser/fixture.ts', module: 'browser/client' },
  ...Object.fromEntries(
    SHARED.map((folder) => [
      folder,
      {
        file: `shared/${folder}/fixture.ts`,
        module: folder === 'ipc' ? 'shared/ipc/contract' : `shared/${folder}/fixture`,
      },
    ]),
  ),
};

interface Picture {
  /** `A --> B`: A may import B and what B may import. */
  solid: Array<[string, string]>;
  /** `A -. m1, m2 .-> B`: A may import only those modules of B. */
  dotted: Array<[string, string, string[]]>;
}

function readPicture(): Picture {
  const doc = readFileSync(`${ROOT}docs/ARCHITECTURE.md`, 'utf8');
  const block = /```mermaid\n([\s\S]*?)```/u.exec(doc)?.[1] ?? '';
  const picture: Picture = { solid: [], dotted: [] };
  for (const line of block.split('\n')) {
    const solid = /^\s*(\w+)\s*-->\s*(\w+)\s*$/u.exec(line);
    if (solid) picture.solid.push([solid[1]!, solid[2]!]);
    const dotted = /^\s*(\w+)\s*-\.\s*(.+?)\s*\.->\s*(\w+)\s*$/u.exec(line);
    if (dotted) picture.dotted.push([dotted[1]!, dotted[3]!, dotted[2]!.split(/,\s*/u)]);
  }
  return picture;
}

function reachable(edges: Array<[string, string]>, from: string): Set<string> {
  const reach = new Set<string>();
  const queue = [from];
  for (let box = queue.pop(); box !== undefined; box = queue.pop()) {
    for (const [a, b] of edges) {
      if (a !== box || reach.has(b)) continue;
      reach.add(b);
      queue.push(b);
    }
  }
  return reach;
}

/** Whether lint lets the file of box `from` import `module` (a repository path). */
async function allowed(from: string, module: string): Promise<boolean> {
  const file = BOXES[from]!.file;
  let spec = posix.relative(dirname(file), module);
  if (!spec.startsWith('.')) spec = `./${spec}`;
  const source = `import { thing } from '${spec}';\nexport const used = thing;\n`;
  const [result] = await eslint.lintText(source, { filePath: file });
  return !(result?.messages ?? []).some(
    (message) =>
      message.ruleId === 'no-restricted-imports' || message.ruleId === 'jixiao/shared-fences',
  );
}

describe('the layer picture in docs/ARCHITECTURE.md is what lint enforces', () => {
  const picture = readPicture();

  it('draws every box and only known boxes', () => {
    const drawn = new Set([...picture.solid.flat(), ...picture.dotted.flatMap(([a, b]) => [a, b])]);
    expect([...drawn].sort()).toEqual(Object.keys(BOXES).sort());
  });

  it('draws the shared/ fences exactly as the lint config lists them', async () => {
    const config = (await eslint.calculateConfigForFile('shared/model/fixture.ts')) as {
      rules: Record<string, [unknown, Record<string, string[]>]>;
    };
    const fences = config.rules['jixiao/shared-fences']![1];
    const configured = Object.entries(fences).flatMap(([from, below]) =>
      below.map((to) => `${from} --> ${to}`),
    );
    const drawn = picture.solid
      .filter(([from]) => SHARED.includes(from))
      .map(([from, to]) => `${from} --> ${to}`);
    expect(drawn.sort()).toEqual(configured.sort());
  });

  it('allows an import between two boxes exactly when an arrow path leads there', async () => {
    const disagreements: string[] = [];
    for (const from of Object.keys(BOXES)) {
      const reach = reachable(picture.solid, from);
      for (const to of Object.keys(BOXES)) {
        if (to === from) continue;
        const lint = await allowed(from, BOXES[to]!.module);
        if (lint !== reach.has(to)) {
          disagreements.push(`${from} → ${to}: lint ${lint ? 'allows' : 'forbids'} it`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('allows a dotted arrow its named modules only', async () => {
    expect(picture.dotted.length).toBeGreaterThan(0);
    for (const [from, to, modules] of picture.dotted) {
      for (const name of modules) {
        expect(await allowed(from, `shared/${to}/${name}`), `${from} → ${to}/${name}`).toBe(true);
      }
      expect(await allowed(from, BOXES[to]!.module), `${from} → ${to}`).toBe(false);
    }
  });
});
