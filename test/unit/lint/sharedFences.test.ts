import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

/** Messages of the shared/ fence rule for a file at `filePath` holding `source`. */
async function fenceMessages(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'jixiao/shared-fences')
    .map((message) => message.message);
}

/** The fence graph as the lint config holds it (folder → folders directly below). */
async function configuredFences(): Promise<Record<string, string[]>> {
  const config = (await eslint.calculateConfigForFile('shared/model/fixture.ts')) as {
    rules: Record<string, [unknown, Record<string, string[]>]>;
  };
  return config.rules['jixiao/shared-fences']![1];
}

function reachable(fences: Record<string, string[]>, from: string): Set<string> {
  const reach = new Set<string>([from]);
  const queue = [from];
  for (let folder = queue.pop(); folder !== undefined; folder = queue.pop()) {
    for (const below of fences[folder] ?? []) {
      if (reach.has(below)) continue;
      reach.add(below);
      queue.push(below);
    }
  }
  return reach;
}

const line = (spec: string) => `import { thing } from '${spec}';\nexport const used = thing;\n`;

describe('fences inside shared/ (npm run check fails on these)', () => {
  it.each([
    ['export', '../import/grid', 'a writer reads nothing of the importers'],
    ['import', '../export/html', 'an importer knows no writer'],
    ['ipc', '../import/report', 'the IPC contract speaks the model only'],
    ['ipc', '../edit', 'the IPC contract knows no editor action'],
    ['model', '../frameworks', 'the model is the bottom'],
    ['rules', '../edit/actions', 'checks do not edit'],
    ['scoring', '../rules', 'scoring reads the model and the frameworks only'],
    ['export', '../export/../rules/check', 'a path that climbs back out is still checked'],
  ])('shared/%s may not import %s (%s)', async (from, spec) => {
    const messages = await fenceMessages(`shared/${from}/fixture.ts`, line(spec));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^shared\/\w+ 不得引用 shared\/\w+：只能引用/u);
  });

  it('catches re-exports and dynamic imports, and nested folders by the folder they sit in', async () => {
    expect(
      await fenceMessages('shared/export/fixture.ts', "export * from '../edit';\n"),
    ).toHaveLength(1);
    expect(
      await fenceMessages('shared/export/fixture.ts', "export { a } from '../import';\n"),
    ).toHaveLength(1);
    expect(
      await fenceMessages(
        'shared/export/fixture.ts',
        "export const load = () => import('../ipc/contract');\n",
      ),
    ).toHaveLength(1);
    expect(
      await fenceMessages('shared/import/forms/fixture.ts', line('../../export/docx')),
    ).toHaveLength(1);
    expect(await fenceMessages('shared/import/forms/fixture.ts', line('../../model'))).toEqual([]);
  });

  it.each([
    ['edit', '../import/delimited'],
    ['edit', '../export/indicatorText'],
    ['edit', '../rules/fixes'],
    ['edit', '../model'],
    ['export', '../model/cellAddress'],
    ['import', '../frameworks'],
    ['ipc', '../model/importReport'],
    ['scoring', '../../resources/scoring/central-2020.json'],
  ])('shared/%s may import %s', async (from, spec) => {
    expect(await fenceMessages(`shared/${from}/fixture.ts`, line(spec))).toEqual([]);
  });

  it('every pair of folders is allowed exactly when the lower one is reachable down the arrows', async () => {
    const fences = await configuredFences();
    const folders = Object.keys(fences);
    expect(folders.sort()).toEqual(
      ['edit', 'export', 'frameworks', 'import', 'ipc', 'model', 'rules', 'scoring', 'text'].sort(),
    );
    for (const from of folders) {
      const reach = reachable(fences, from);
      for (const to of folders) {
        const messages = await fenceMessages(`shared/${from}/fixture.ts`, line(`../${to}/x`));
        expect({ from, to, allowed: messages.length === 0 }).toEqual({
          from,
          to,
          allowed: reach.has(to),
        });
      }
    }
  });
});
