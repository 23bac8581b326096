import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import afterPack, { electronBinaryPath, readFuses } from '../../../scripts/packaging/after-pack.js';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * A stand-in for a packed Electron executable: bytes around the fuse wire exactly as Electron
 * lays it out (sentinel, wire version 1, length, one byte per fuse), with Electron's defaults:
 * RunAsNode, NODE_OPTIONS and the inspector on, cookie encryption and ASAR checks off.
 */
function fakeElectron(): Buffer {
  const defaults = '10110001';
  return Buffer.concat([
    Buffer.from('\x7fELF padding before the wire'),
    Buffer.from(SENTINEL, 'latin1'),
    Buffer.from([1, defaults.length]),
    Buffer.from(defaults, 'latin1'),
    Buffer.from('padding after the wire'),
  ]);
}

async function packedApp(platform: 'linux' | 'win32') {
  const appOutDir = await mkdtemp(join(tmpdir(), `jixiao-pack-${platform}-`));
  const context = {
    appOutDir,
    electronPlatformName: platform,
    packager: { executableName: 'jixiao', appInfo: { productFilename: '绩效目标表编辑器' } },
  };
  await mkdir(appOutDir, { recursive: true });
  await writeFile(electronBinaryPath(context), fakeElectron());
  return { context, binary: electronBinaryPath(context) };
}

describe('the afterPack hook (Electron fuses)', () => {
  it('finds the executable as electron-builder names it', () => {
    const packager = { executableName: 'jixiao', appInfo: { productFilename: '绩效目标表编辑器' } };
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe(
      '/o/jixiao',
    );
    expect(electronBinaryPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe(
      '/o/绩效目标表编辑器.exe',
    );
  });

  for (const platform of ['linux', 'win32'] as const) {
    it(`turns Node mode, NODE_OPTIONS and the inspector off and ASAR checks on (${platform})`, async () => {
      const { context, binary } = await packedApp(platform);
      expect((await readFuses(binary)).RunAsNode).toBe('1');
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      await afterPack(context);
      expect(await readFuses(binary)).toEqual({
        RunAsNode: '0',
        EnableCookieEncryption: '1',
        EnableNodeOptionsEnvironmentVariable: '0',
        EnableNodeCliInspectArguments: '0',
        EnableEmbeddedAsarIntegrityValidation: '1',
        OnlyLoadAppFromAsar: '1',
        LoadBrowserProcessSpecificV8Snapshot: '0',
        GrantFileProtocolExtraPrivileges: '0',
      });
      // Only the wire changed: the rest of the executable is byte for byte the same.
      const after = await readFile(binary);
      const before = fakeElectron();
      expect(after.length).toBe(before.length);
      const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
      expect(after.subarray(0, wireStart)).toEqual(before.subarray(0, wireStart));
      expect(after.subarray(wireStart + 8)).toEqual(before.subarray(wireStart + 8));
    });
  }

  it('fails the build when the executable has no fuse wire', async () => {
    const { context, binary } = await packedApp('linux');
    await writeFile(binary, 'not electron');
    await expect(afterPack(context)).rejects.toThrow(/sentinel/);
  });

  it('the CI check reports a binary whose fuses were not set, and passes one that was', async () => {
    const script = join(import.meta.dirname, '../../../scripts/packaging/check-fuses.js');
    const { context, binary } = await packedApp('linux');
    const check = () => {
      try {
        return { code: 0, output: execFileSync('node', [script, binary], { encoding: 'utf8' }) };
      } catch (error) {
        const failed = error as { status: number; stderr: string };
        return { code: failed.status, output: failed.stderr };
      }
    };
    const before = check();
    expect(before.code).toBe(1);
    expect(before.output).toContain('RunAsNode: 应为 0，实际为 1');
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await afterPack(context);
    expect(check().code).toBe(0);
  });
});
