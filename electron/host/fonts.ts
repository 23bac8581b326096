import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { InstalledFontList } from '../../shared/ipc';

/**
 * Which font families this computer has, so 打印预览 and the export dialog can say what the
 * official faces (仿宋_GB2312, 方正小标宋简体 …) will print or display as. Linux (UOS, 麒麟) asks
 * fontconfig; Windows reads the font registry and the system and per-user font folders.
 */

/** How the host reaches the system; tests script it. */
export interface FontProbe {
  platform: string;
  /** Runs a program and returns its standard output (rejects when it cannot run). */
  run(command: string, args: readonly string[]): Promise<string>;
  /** File names in a folder (rejects when the folder cannot be read). */
  list(folder: string): Promise<string[]>;
  env: Readonly<Record<string, string | undefined>>;
}

/** Well above any real font list; a runaway tool output cannot flood the renderer. */
const MAX_FAMILIES = 5000;

/** The real system: child processes with a time limit, the file system. */
export function systemFontProbe(platform: string = process.platform): FontProbe {
  return {
    platform,
    env: process.env,
    run: (command, args) =>
      new Promise((resolve, reject) => {
        execFile(
          command,
          [...args],
          { encoding: 'utf8', timeout: 10_000, maxBuffer: 8 * 1024 * 1024, windowsHide: true },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      }),
    list: (folder) => readdir(folder),
  };
}

/** Family names from `fc-list : family` (one font per line, names separated by unescaped commas). */
export function parseFcList(output: string): string[] {
  const names: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    for (const part of line.split(/(?<!\\),/)) {
      const name = part.replace(/\\(.)/g, '$1').trim();
      if (name !== '') names.push(name);
    }
  }
  return names;
}

/**
 * Family names from `reg query …\Fonts`: value names such as `FangSong (TrueType)` or
 * `SimSun & NSimSun (TrueType)`.
 */
export function parseRegistryFonts(output: string): string[] {
  const names: string[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = /^\s{2,}(.+?)\s+REG_(?:SZ|EXPAND_SZ)\s/.exec(line);
    if (!match?.[1]) continue;
    const value = match[1].replace(/\s*\((TrueType|OpenType|Type 1|VGA res)\)\s*$/i, '');
    for (const name of value.split(/\s+&\s+/)) if (name.trim() !== '') names.push(name.trim());
  }
  return names;
}

/** File names Windows ships the Chinese faces under, with the families they hold. */
const WINDOWS_FONT_FILES: Readonly<Record<string, readonly string[]>> = {
  'simfang.ttf': ['仿宋', 'FangSong'],
  'simkai.ttf': ['楷体', 'KaiTi'],
  'simsun.ttc': ['宋体', 'SimSun', '新宋体', 'NSimSun'],
  'simhei.ttf': ['黑体', 'SimHei'],
  'msyh.ttc': ['微软雅黑', 'Microsoft YaHei'],
  'stzhongs.ttf': ['华文中宋', 'STZhongsong'],
  'stfangso.ttf': ['华文仿宋', 'STFangsong'],
  'fzxbsjw.ttf': ['方正小标宋简体', 'FZXiaoBiaoSong-B05S'],
};

/**
 * Family guesses from font file names: the known Windows files, and otherwise the file's stem
 * (fonts a clerk copies in are often named after their family: `仿宋_GB2312.ttf`).
 */
export function familiesFromFileNames(files: readonly string[]): string[] {
  const names: string[] = [];
  for (const file of files) {
    const lower = file.toLowerCase();
    if (!/\.(ttf|ttc|otf|otc)$/.test(lower)) continue;
    const known = WINDOWS_FONT_FILES[lower];
    if (known) names.push(...known);
    else names.push(file.replace(/\.[^.]+$/, ''));
  }
  return names;
}

const REGISTRY_KEYS = [
  'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts',
  'HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts',
];

async function windowsFamilies(probe: FontProbe): Promise<string[] | null> {
  const outputs = await Promise.all([
    ...REGISTRY_KEYS.map((key) =>
      probe
        .run('reg', ['query', key])
        .then(parseRegistryFonts)
        .catch(() => null),
    ),
    ...[
      probe.env.WINDIR ? join(probe.env.WINDIR, 'Fonts') : null,
      probe.env.LOCALAPPDATA ? join(probe.env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts') : null,
    ].map((folder) =>
      folder
        ? probe
            .list(folder)
            .then(familiesFromFileNames)
            .catch(() => null)
        : Promise.resolve(null),
    ),
  ]);
  const found = outputs.filter((names): names is string[] => names !== null);
  return found.length === 0 ? null : found.flat();
}

async function fontconfigFamilies(probe: FontProbe): Promise<string[] | null> {
  try {
    return parseFcList(await probe.run('fc-list', [':', 'family']));
  } catch {
    return null;
  }
}

/** The families installed here; `source: 'none'` (and no names) when the system cannot say. */
export async function installedFonts(probe: FontProbe): Promise<InstalledFontList> {
  const windows = probe.platform === 'win32';
  const families = windows ? await windowsFamilies(probe) : await fontconfigFamilies(probe);
  if (families === null) return { ok: true, source: 'none', families: [] };
  const unique = [...new Set(families)].sort((a, b) => a.localeCompare(b));
  return {
    ok: true,
    source: windows ? 'windows' : 'fontconfig',
    families: unique.slice(0, MAX_FAMILIES),
  };
}
