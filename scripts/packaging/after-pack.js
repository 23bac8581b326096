// electron-builder afterPack hook (electron-builder.yml): flips the packaged Electron's fuses
// before anything is signed. See https://www.electronjs.org/docs/latest/tutorial/fuses
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** The fuses of a packaged jixiao: no Node mode, no NODE_OPTIONS, no inspector, app from ASAR only. */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/**
 * The file that carries the fuse wire in a packed app folder, named as electron-builder names
 * the executable: `executableName` on Linux, the product file name (.exe) on Windows.
 */
export function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'linux') return join(appOutDir, packager.executableName);
  if (electronPlatformName === 'win32')
    return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, `${packager.appInfo.productFilename}.app`);
}

/** Fuse states read back from a binary, by option name (`'1'` on, `'0'` off). */
export async function readFuses(binary) {
  const wire = await getCurrentFuseWire(binary);
  const states = {};
  for (const [name, index] of Object.entries(FuseV1Options)) {
    if (typeof index === 'number' && wire[index] !== undefined)
      states[name] = String.fromCharCode(wire[index]);
  }
  return states;
}

export default async function afterPack(context) {
  const binary = electronBinaryPath(context);
  await flipFuses(binary, FUSES);
  console.log(`[jixiao] fuses set on ${binary}:`, await readFuses(binary));
}
