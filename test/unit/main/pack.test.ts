/**
 * electron-builder really packs the app (`--linux dir`), with a stand-in for the Electron
 * download (`electronDist`: an executable carrying Electron's fuse wire). What this proves here,
 * without network: the configuration loads, the app.asar holds exactly the app's files, the
 * afterPack hook runs inside electron-builder and sets the fuses. Installers themselves (NSIS,
 * .deb, AppImage) need tools electron-builder downloads: the release workflow builds them.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readFuses } from '../../../scripts/packaging/after-pack.js';

const ROOT = join(import.meta.dirname, '../../..');
const { listPackage, extractFile } = createRequire(import.meta.url)('@electron/asar') as {
  listPackage: (archive: string) => string[];
  extractFile: (archive: string, file: string) => Buffer;
};

/** A folder shaped like Electron's Linux download, whose `electron` only carries the fuse wire. */
async function standInElectron(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'jixiao-electron-dist-'));
  await mkdir(join(folder, 'resources'));
  const executable = join(folder, 'electron');
  await writeFile(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho stand-in\n'),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'),
      Buffer.from([1, 8]),
      Buffer.from('10110001', 'latin1'),
    ]),
  );
  await chmod(executable, 0o755);
  await writeFile(join(folder, 'version'), '45.4.1');
  await writeFile(join(folder, 'LICENSE'), 'stand-in');
  return folder;
}

function electronBuilder(args: string[]): Promise<string> {
  const cli = join(ROOT, 'node_modules/electron-builder/cli.js');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: ROOT, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, CI: '1' } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout),
    );
  });
}

describe('electron-builder packs the app (stand-in Electron, no network)', () => {
  it('puts only the app into app.asar and sets the fuses in afterPack', async () => {
    expect(existsSync(join(ROOT, 'out/main/index.js')), 'run npm run build first').toBe(true);
    const output = await mkdtemp(join(tmpdir(), 'jixiao-dist-'));
    const electronDist = await standInElectron();
    onTestFinished(async () => {
      await rm(output, { recursive: true, force: true });
      await rm(electronDist, { recursive: true, force: true });
    });
    const log = await electronBuilder([
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
      '-c.npmRebuild=false',
    ]);
    expect(log).toContain('fuses set on');
    const unpacked = join(output, 'linux-unpacked');
    expect(await readFuses(join(unpacked, 'jixiao'))).toMatchObject({
      RunAsNode: '0',
      EnableNodeOptionsEnvironmentVariable: '0',
      OnlyLoadAppFromAsar: '1',
      EnableEmbeddedAsarIntegrityValidation: '1',
    });

    const files = listPackage(join(unpacked, 'resources/app.asar')).map((file) =>
      file.replace(/\\/g, '/').replace(/^\//, ''),
    );
    const own = files.filter((file) => !file.startsWith('node_modules'));
    for (const needed of [
      'package.json',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'resources/sample/guangzhou-2025.jixiao.json',
      'resources/frameworks/gz-2025.json',
    ]) {
      expect(own, needed).toContain(needed);
    }
    const allowed = /^(package\.json|out(\/(main|preload|renderer)(\/.*)?)?|resources(\/.*)?)$/;
    expect(own.filter((file) => !allowed.test(file))).toEqual([]);
    expect(own.filter((file) => /\.map$|^resources\/icons|^out\/cli/.test(file))).toEqual([]);

    const packages = new Set(
      files
        .filter((file) => file.startsWith('node_modules/'))
        .map((file) => file.split('/').slice(1, file.split('/')[1]?.startsWith('@') ? 3 : 2))
        .map((parts) => parts.join('/')),
    );
    for (const runtime of ['exceljs', 'xlsx', 'fflate', '@xmldom/xmldom', 'lowdb', 'zod', 'docx']) {
      expect(packages.has(runtime), runtime).toBe(true);
    }
    for (const devOnly of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript']) {
      expect(packages.has(devOnly), devOnly).toBe(false);
    }
    // The packed package.json carries the project's version and starts the built main.
    const project = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const packed = JSON.parse(
      extractFile(join(unpacked, 'resources/app.asar'), 'package.json').toString('utf8'),
    ) as { version: string; main: string };
    expect(packed.version).toBe(project.version);
    expect(packed.main).toBe('out/main/index.js');
  }, 240_000);
});
