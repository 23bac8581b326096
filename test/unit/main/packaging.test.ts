/**
 * The installer configuration (electron-builder.yml), checked without building: electron-builder's
 * own schema validation, the settings a clerk's PC depends on, the icons, and the list of files
 * the app would contain — electron-builder's file patterns applied to this tree and its own
 * production-dependency collector. Building needs the Electron binaries (a runner with network).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher';
import { getCollectorByPackageManager, PM } from 'app-builder-lib/out/node-module-collector';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { TmpDir } from 'temp-file';
import { createRequire } from 'node:module';

/** electron-builder's own YAML reader (a dependency of app-builder-lib). */
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };

const ROOT = join(import.meta.dirname, '../../..');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  productName: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

const config: Configuration = await getConfig(ROOT, null, null);

/** A file or folder as electron-builder's filter sees it. */
function entry(isDirectory: boolean) {
  return { isDirectory: () => isDirectory } as never;
}

/**
 * The app files electron-builder would copy from `candidates` (paths relative to the project,
 * folders implied), walking top-down as its file walker does: a folder the filter rejects is
 * never entered.
 */
function packedFiles(candidates: string[]): string[] {
  const packager = {
    info: {
      projectDir: ROOT,
      buildResourcesDir: join(ROOT, config.directories?.buildResources ?? 'build'),
      config,
      isPrepackedAppAsar: false,
      debugLogger: new DebugLogger(false),
    },
  };
  const [matcher] = getMainFileMatchers(
    ROOT,
    '/app',
    (pattern: string) => pattern,
    {},
    packager as never,
    join(ROOT, config.directories?.output ?? 'dist'),
    false,
  );
  if (!matcher) throw new Error('electron-builder returned no file matcher');
  const filter = matcher.createFilter();
  return candidates.filter((file) => {
    const parts = file.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) {
      if (!filter(join(ROOT, ...parts.slice(0, depth)), entry(true))) return false;
    }
    return filter(join(ROOT, file), entry(false));
  });
}

/** Every file git knows here, plus what `npm run build` writes (out/ is not committed). */
function treeFiles(): string[] {
  const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((line) => line !== '');
  const built = [
    'out/main/index.js',
    'out/main/index.js.map',
    'out/preload/index.cjs',
    'out/preload/index.cjs.map',
    'out/renderer/index.html',
    'out/renderer/assets/index-abc123.js',
    'out/renderer/assets/index-abc123.js.map',
    'out/renderer/assets/index-abc123.css',
    'out/cli/jixiao.js',
  ];
  return [...tracked, ...built];
}

/** electron-builder's own function for the app's file patterns (internal, so not in its types). */
const getMainFileMatchers = (
  fileMatcher as unknown as {
    getMainFileMatchers: (...args: unknown[]) => Array<{
      createFilter: () => (file: string, stat: never) => boolean;
    }>;
  }
).getMainFileMatchers;

const ALLOWED = /^(package\.json|out\/(main|preload|renderer)\/.+|resources\/.+)$/;

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('fails electron-builder’s validation when a setting is misspelt (the check is real)', async () => {
    const broken = { ...config, nsis: { ...config.nsis, perMachin: false } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    );
  });

  it('names the product in Chinese and takes the version from package.json', () => {
    expect(config.productName).toBe('绩效目标表编辑器');
    expect(packageJson.productName).toBe('绩效目标表编辑器');
    expect(config.extraMetadata?.version).toBeUndefined();
    expect(JSON.stringify(config)).not.toContain(packageJson.version);
    expect(packageJson.scripts.dist).toMatch(/npm run build/);
    expect(packageJson.scripts.dist).toMatch(/electron-builder/);
  });

  it('builds a per-user Chinese NSIS installer and a portable .exe for Windows', () => {
    const targets = (config.win?.target ?? []) as Array<{ target: string; arch: string[] }>;
    expect(targets.map((target) => target.target).sort()).toEqual(['nsis', 'portable']);
    const nsis = config.nsis ?? {};
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowElevation).toBe(false);
    expect(nsis.installerLanguages).toEqual(['zh_CN']);
    expect(nsis.language).toBe('2052');
    expect(nsis.multiLanguageInstaller).toBe(false);
    expect(nsis.createDesktopShortcut).toBe('always');
    expect(nsis.createStartMenuShortcut).toBe(true);
    expect(nsis.shortcutName).toBe('绩效目标表编辑器');
  });

  it('has an uninstaller that leaves documents, settings and autosaved work alone', () => {
    const nsis = config.nsis ?? {};
    // The uninstaller removes the installation folder; a clerk cannot point it at Documents.
    expect(nsis.allowToChangeInstallationDirectory).toBe(false);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
    const script = readFileSync(join(ROOT, nsis.include ?? ''), 'utf8');
    const uninstall = /!macro customUnInstall([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
    expect(uninstall).toContain('DeleteRegKey');
    expect(script).not.toMatch(/^\s*(Delete|RMDir)\b/m);
    expect(uninstall).not.toMatch(/\$(DOCUMENTS|APPDATA|LOCALAPPDATA|PROFILE)/);
  });

  it('offers the app in Windows’ 打开方式 for documents and importable tables', () => {
    const script = readFileSync(join(ROOT, config.nsis?.include ?? ''), 'utf8');
    for (const extension of ['json', 'xlsx', 'xls', 'docx', 'pdf']) {
      expect(script).toMatch(new RegExp(`jixiaoOpenWith "${extension}"`));
      expect(script).toMatch(new RegExp(`jixiaoForgetOpenWith "${extension}"`));
    }
    expect(script).toContain(`'"$appExe" "%1"'`);
  });

  const makensis = ['/usr/bin/makensis', '/usr/local/bin/makensis'].find((path) =>
    existsSync(path),
  );
  it.skipIf(!makensis)('the 打开方式 script compiles with NSIS (makensis, when installed)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'jixiao-nsis-'));
    const stub = join(folder, 'stub.nsi');
    // The names electron-builder defines before it includes the script.
    const script = [
      'Unicode true',
      '!define APP_EXECUTABLE_FILENAME "绩效目标表编辑器.exe"',
      '!define PRODUCT_NAME "绩效目标表编辑器"',
      'Name "stub"',
      `OutFile "${join(folder, 'stub.exe')}"`,
      'RequestExecutionLevel user',
      'Var appExe',
      `!include "${join(ROOT, config.nsis?.include ?? '')}"`,
      'Section',
      '  SetShellVarContext current',
      '  StrCpy $appExe "$INSTDIR\\${APP_EXECUTABLE_FILENAME}"',
      '  !insertmacro customInstall',
      '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
      'SectionEnd',
      'Section "Uninstall"',
      '  !insertmacro customUnInstall',
      'SectionEnd',
    ].join('\n');
    writeFileSync(stub, `\uFEFF${script}\n`);
    const output = execFileSync(makensis ?? '', ['-V2', stub], { encoding: 'utf8' });
    expect(output).not.toMatch(/warning/i);
    expect(existsSync(join(folder, 'stub.exe'))).toBe(true);
  });
  if (!makensis)
    console.log('[packaging] makensis 未安装，跳过 NSIS 脚本编译检查（apt-get install nsis）。');

  it('builds .deb and AppImage for x64 and arm64, with the document type and import types', () => {
    const targets = (config.linux?.target ?? []) as Array<{ target: string; arch: string[] }>;
    expect(Object.fromEntries(targets.map((target) => [target.target, target.arch]))).toEqual({
      deb: ['x64', 'arm64'],
      AppImage: ['x64', 'arm64'],
    });
    expect(config.linux?.executableName).toBe('jixiao');
    const associations = [config.linux?.fileAssociations ?? []].flat();
    expect(associations).toContainEqual(
      expect.objectContaining({ ext: 'jixiao.json', mimeType: 'application/x-jixiao+json' }),
    );
    expect(config.linux?.mimeTypes).toEqual(
      expect.arrayContaining([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/vnd.ms-excel',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/pdf',
      ]),
    );
  });

  it('uses our icon: a Windows .ico with a 256 px image and Linux PNGs up to 512 px', () => {
    const ico = readFileSync(join(ROOT, String(config.win?.icon)));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon resource
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + 16 * index) || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (let index = 0; index < count; index += 1) {
      const length = ico.readUInt32LE(6 + 16 * index + 8);
      const offset = ico.readUInt32LE(6 + 16 * index + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
    }
    const folder = join(ROOT, String(config.linux?.icon));
    for (const size of [16, 32, 48, 128, 256, 512]) {
      const png = readFileSync(join(folder, `${size}x${size}.png`));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('flips the fuses in an afterPack hook that exists', () => {
    expect(config.afterPack).toBe('./scripts/packaging/after-pack.js');
    expect(existsSync(join(ROOT, String(config.afterPack)))).toBe(true);
    expect(config.asar).toBe(true);
  });
});

describe('what the packaged app contains', () => {
  const packed = packedFiles(treeFiles());

  it('contains the built app, its data and package.json', () => {
    for (const needed of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc123.js',
      'resources/sample/guangzhou-2025.jixiao.json',
      'resources/frameworks/gz-2025.json',
    ]) {
      expect(packed, needed).toContain(needed);
    }
  });

  it('contains nothing else: no sources, tests, fixtures, source maps, CLI or icon sources', () => {
    const extra = packed.filter(
      (file) => !ALLOWED.test(file) || file.startsWith('resources/icons/'),
    );
    expect(extra).toEqual([]);
    expect(packed.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(packed.filter((file) => /(^|\/)(test|fixtures)\//.test(file))).toEqual([]);
    expect(packed).not.toContain('out/cli/jixiao.js');
  });

  it('the file check is real: a test file or a map would be reported', () => {
    const wider = packedFiles(['test/fixtures/a.xlsx', 'out/main/index.js.map', 'README.md']);
    expect(wider).toEqual([]);
  });

  it('packs production dependencies only, and every package the main process imports', async () => {
    const collector = getCollectorByPackageManager(PM.NPM, ROOT, new TmpDir());
    const { nodeModules } = await collector.getNodeModules({ packageName: 'jixiao' });
    const names = new Set(nodeModules.map((module) => module.name));
    const devOnly = Object.keys(packageJson.devDependencies).filter(
      (name) => !name.startsWith('@types/'),
    );
    expect(devOnly.filter((name) => names.has(name))).toEqual([]);
    expect(names.has('electron')).toBe(false);
    // What out/main loads at run time (static imports and the import worker's require calls).
    const mainSources = execFileSync(
      'git',
      ['ls-files', 'electron/main', 'electron/host', 'shared'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(ROOT, file), 'utf8'))
      .join('\n');
    const imported = new Set<string>();
    for (const match of mainSources.matchAll(
      /(?:from\s+|load\(|require\()['"]([^'".][^'"]*)['"]/g,
    )) {
      const specifier = match[1] ?? '';
      const name = /^(@[^/]+\/)?[^/]+/.exec(specifier)?.[0] ?? specifier;
      if (!name.startsWith('node:') && name !== 'electron') imported.add(name);
    }
    expect(imported.size).toBeGreaterThan(3);
    for (const name of imported) {
      expect(packageJson.dependencies, name).toHaveProperty([name]);
      expect(names.has(name), name).toBe(true);
    }
  }, 60_000);
});

describe('the release workflow (runs on a hosted runner with network, not here)', () => {
  const workflow = load(readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
    on: { push: { tags: string[] } };
    jobs: Record<string, { 'runs-on': string; steps: Array<{ run?: string }> }>;
  };
  const commands = (job: string) =>
    (workflow.jobs[job]?.steps ?? []).map((step) => step.run ?? '').join('\n');

  it('builds on a version tag, for Windows and Linux, after the real Electron smoke tests', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const linux = commands('linux');
    const windows = commands('windows');
    expect(linux).toContain('xvfb-run -a npx playwright test test/e2e/electron.spec.ts');
    expect(linux.indexOf('electron.spec.ts')).toBeLessThan(
      linux.indexOf('electron-builder --linux'),
    );
    expect(windows).toContain('npx playwright test test/e2e/electron.spec.ts');
    expect(windows).toContain('electron-builder --win');
    expect(windows).toContain("'/S'");
    for (const job of ['linux', 'windows']) {
      expect(commands(job)).toContain('node node_modules/electron/install.js');
      expect(commands(job)).toContain('check-fuses.js');
    }
  });

  it('names only scripts that exist', () => {
    const all = Object.keys(workflow.jobs).map(commands).join('\n');
    for (const [, script] of all.matchAll(/node (scripts\/[\w/.-]+)/g)) {
      expect(existsSync(join(ROOT, script ?? '')), script).toBe(true);
    }
  });
});
