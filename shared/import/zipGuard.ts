/**
 * Zip-bomb guard for .xlsx and .docx: reads the zip's central directory (no inflating) and refuses
 * archives whose declared sizes, compression ratios or entry counts no office file has. The
 * worker's heap limit stops an archive that lies about its sizes.
 */

export interface ZipLimits {
  maxEntries: number;
  /** Sum of declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Declared uncompressed size ÷ compressed size, for entries over 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxTotalBytes: 300 * 1024 * 1024,
  maxRatio: 200,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

export type ZipCheck = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/** True when the bytes start like a zip archive (`PK\3\4`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Lists a zip's entries from its central directory and checks them against the limits. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  const broken: ZipCheck = { ok: false, message: '文件已损坏：压缩包目录不完整。' };
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return broken;
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    return { ok: false, message: '不支持 ZIP64 格式的压缩包（办公文件不会这么大）。' };
  }
  if (count > limits.maxEntries) {
    return { ok: false, message: `压缩包中的文件过多（${count} 个），不是正常的办公文档。` };
  }
  if (directoryOffset + directorySize > end) return broken;
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) return broken;
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > end) return broken;
    let name = '';
    for (let n = 0; n < nameLength; n += 1) name += String.fromCharCode(bytes[at + 46 + n] ?? 0);
    if (compressedSize === 0xffffffff || size === 0xffffffff) {
      return { ok: false, message: '不支持 ZIP64 格式的压缩包（办公文件不会这么大）。' };
    }
    if (size > 1024 * 1024 && size > compressedSize * limits.maxRatio) {
      return {
        ok: false,
        message: `压缩包中的「${name}」压缩比异常（${compressedSize} 字节解压为 ${size} 字节），疑似压缩炸弹，已拒绝。`,
      };
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      return {
        ok: false,
        message: `压缩包解压后超过 ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB，已拒绝。`,
      };
    }
    entries.push({ name, compressedSize, size });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}
