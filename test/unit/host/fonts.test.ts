import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  familiesFromFileNames,
  installedFonts,
  parseFcList,
  parseRegistryFonts,
  systemFontProbe,
  type FontProbe,
} from '../../../electron/host/fonts';
import { createHandlers } from '../../../electron/host/handlers';

/** `fc-list : family` as a UOS desktop with the Windows GB2312 faces copied in prints it. */
const UOS_FC_LIST = [
  'Noto Serif CJK SC,Noto Serif CJK SC SemiBold',
  '文泉驿微米黑,WenQuanYi Micro Hei,文泉驛微米黑',
  '仿宋_GB2312',
  'FZXiaoBiaoSong\\-B05S,方正小标宋简体',
  'DejaVu Sans',
  'Font\\, With Comma',
  '',
].join('\n');

/** `reg query HKLM\...\Fonts` on a Chinese Windows 10 (excerpt). */
const WINDOWS_REGISTRY = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts',
  '    Arial (TrueType)    REG_SZ    arial.ttf',
  '    SimSun & NSimSun (TrueType)    REG_SZ    simsun.ttc',
  '    FangSong (TrueType)    REG_SZ    simfang.ttf',
  '    KaiTi (TrueType)    REG_SZ    simkai.ttf',
  '    Microsoft YaHei & Microsoft YaHei UI (TrueType)    REG_SZ    msyh.ttc',
  '',
].join('\r\n');

function probe(
  platform: string,
  outputs: Record<string, string | Error>,
  folders: Record<string, string[]> = {},
  env: Record<string, string> = {},
): FontProbe & { calls: string[] } {
  const calls: string[] = [];
  return {
    platform,
    env,
    calls,
    async run(command, args) {
      const key = [command, ...args].join(' ');
      calls.push(key);
      const output = outputs[key];
      if (output === undefined || output instanceof Error) throw output ?? new Error('ENOENT');
      return output;
    },
    async list(folder) {
      const files = folders[folder];
      if (!files) throw new Error('ENOENT');
      return files;
    },
  };
}

describe('font detection', () => {
  it('reads fontconfig’s families on Linux, with localized names and escapes', async () => {
    const result = await installedFonts(probe('linux', { 'fc-list : family': UOS_FC_LIST }));
    expect(result.source).toBe('fontconfig');
    expect(result.families).toEqual(
      expect.arrayContaining([
        '仿宋_GB2312',
        '方正小标宋简体',
        'FZXiaoBiaoSong-B05S',
        'Noto Serif CJK SC',
        '文泉驿微米黑',
        'Font, With Comma',
      ]),
    );
    expect(result.families).not.toContain('');
    expect(new Set(result.families).size).toBe(result.families.length);
  });

  it('reads the registry (machine and user) and both font folders on Windows', async () => {
    const scripted = probe(
      'win32',
      {
        'reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts': WINDOWS_REGISTRY,
        'reg query HKCU\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts':
          '    方正小标宋简体 (TrueType)    REG_SZ    C:\\Users\\kj\\AppData\\Local\\Microsoft\\Windows\\Fonts\\FZXBSJW.TTF\r\n',
      },
      {
        'C:\\Windows/Fonts': ['SIMFANG.TTF', 'simsun.ttc', 'desktop.ini'],
        'C:\\Users\\kj\\AppData\\Local/Microsoft/Windows/Fonts': ['仿宋_GB2312.ttf'],
      },
      { WINDIR: 'C:\\Windows', LOCALAPPDATA: 'C:\\Users\\kj\\AppData\\Local' },
    );
    const result = await installedFonts(scripted);
    expect(result.source).toBe('windows');
    expect(result.families).toEqual(
      expect.arrayContaining([
        'FangSong',
        '仿宋',
        'SimSun',
        'NSimSun',
        'KaiTi',
        'Microsoft YaHei UI',
        '方正小标宋简体',
        '仿宋_GB2312',
      ]),
    );
    expect(result.families).not.toContain('desktop');
    expect(scripted.calls).not.toContain('fc-list : family');
  });

  it('says it cannot tell (no names) when the system cannot be asked', async () => {
    expect(await installedFonts(probe('linux', {}))).toEqual({
      ok: true,
      source: 'none',
      families: [],
    });
    expect(await installedFonts(probe('win32', {}))).toEqual({
      ok: true,
      source: 'none',
      families: [],
    });
  });

  it('keeps a Windows answer when only part of it can be read', async () => {
    const result = await installedFonts(
      probe('win32', {
        'reg query HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Fonts': WINDOWS_REGISTRY,
      }),
    );
    expect(result.source).toBe('windows');
    expect(result.families).toContain('FangSong');
  });

  it('parses the pieces on their own', () => {
    expect(parseFcList('a\\-b,c\n\nd')).toEqual(['a-b', 'c', 'd']);
    expect(
      parseRegistryFonts('    Batang & BatangChe & Gungsuh (TrueType)    REG_SZ    batang.ttc'),
    ).toEqual(['Batang', 'BatangChe', 'Gungsuh']);
    expect(familiesFromFileNames(['simhei.ttf', 'notes.txt', 'My Face.otf'])).toEqual([
      '黑体',
      'SimHei',
      'My Face',
    ]);
  });

  it('answers listFonts through the host handlers', async () => {
    const handlers = createHandlers({
      dialogs: {
        chooseOpenPath: async () => null,
        chooseSavePath: async () => null,
        chooseExportPath: async () => null,
        confirmUnsaved: async () => 'cancel' as const,
      },
      clock: { now: () => new Date() },
      config: {
        appName: 'x',
        version: '1',
        platform: 'linux',
        userDataDir: '/nonexistent-jixiao',
        samplePath: '/nonexistent-jixiao/sample',
      },
      fontProbe: probe('linux', { 'fc-list : family': '仿宋_GB2312\n' }),
    });
    expect(await handlers.listFonts(undefined)).toEqual({
      ok: true,
      source: 'fontconfig',
      families: ['仿宋_GB2312'],
    });
  });

  const hasFcList = (() => {
    try {
      execFileSync('fc-list', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasFcList)('finds this machine’s CJK fonts through the real fc-list', async () => {
    const result = await installedFonts(systemFontProbe('linux'));
    expect(result.source).toBe('fontconfig');
    expect(result.families.some((name) => /CJK|宋|仿宋|黑/.test(name))).toBe(true);
  });
});
