import type { FuseV1Config } from '@electron/fuses';

export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

export const FUSES: FuseV1Config;
export function electronBinaryPath(context: PackContext): string;
export function readFuses(binary: string): Promise<Record<string, string>>;
export default function afterPack(context: PackContext): Promise<void>;
