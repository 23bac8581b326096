/**
 * Draws the app icon from resources/icons/icon.svg: PNGs for Linux (resources/icons/png/NxN.png,
 * the layout electron-builder reads for .deb and AppImage) and resources/icons/icon.ico for
 * Windows (BMP entries up to 48 px, which every Windows and NSIS reads, and a PNG entry at 256 px).
 * The SVG is rasterised by the system Chromium (the e2e browser), so no image tool is needed.
 *
 * Run: npx tsx scripts/make-icons.ts
 */
/// <reference lib="dom" />
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const ICONS = join(import.meta.dirname, '../resources/icons');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_BMP_SIZES = [16, 24, 32, 48];

interface Raster {
  size: number;
  png: Buffer;
  rgba: Buffer;
}

/** A 32-bit BMP icon entry: header, bottom-up BGRA rows, then an all-clear AND mask. */
function bmpEntry({ size, rgba }: Raster): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows plus mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2] ?? 0;
      pixels[to + 1] = rgba[from + 1] ?? 0;
      pixels[to + 2] = rgba[from] ?? 0;
      pixels[to + 3] = rgba[from + 3] ?? 0;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** An .ico file from its entries (ICONDIR, one ICONDIRENTRY each, then the images). */
export function icoFile(entries: Array<{ size: number; data: Buffer }>): Buffer {
  const directory = Buffer.alloc(6 + 16 * entries.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(entries.length, 4);
  let offset = directory.length;
  entries.forEach(({ size, data }, index) => {
    const at = 6 + 16 * index;
    directory.writeUInt8(size >= 256 ? 0 : size, at);
    directory.writeUInt8(size >= 256 ? 0 : size, at + 1);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(data.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([directory, ...entries.map((entry) => entry.data)]);
}

async function rasterise(svg: string): Promise<Raster[]> {
  // The system Chromium (CHROMIUM_PATH, else `chromium` on the PATH); never a download.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    const results = await page.evaluate(
      async ({ source, sizes }) => {
        const image = new Image();
        image.src = `data:image/svg+xml;base64,${source}`;
        await image.decode();
        return sizes.map((size) => {
          const canvas = document.createElement('canvas');
          canvas.width = size;
          canvas.height = size;
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2d context');
          context.imageSmoothingQuality = 'high';
          context.drawImage(image, 0, 0, size, size);
          const rgba = Array.from(context.getImageData(0, 0, size, size).data);
          return { size, png: canvas.toDataURL('image/png').split(',')[1] ?? '', rgba };
        });
      },
      { source: Buffer.from(svg).toString('base64'), sizes: PNG_SIZES },
    );
    return results.map(({ size, png, rgba }) => ({
      size,
      png: Buffer.from(png, 'base64'),
      rgba: Buffer.from(rgba as number[]),
    }));
  } finally {
    await browser.close();
  }
}

const rasters = await rasterise(await readFile(join(ICONS, 'icon.svg'), 'utf8'));
await mkdir(join(ICONS, 'png'), { recursive: true });
for (const raster of rasters) {
  await writeFile(join(ICONS, 'png', `${raster.size}x${raster.size}.png`), raster.png);
}
const bySize = new Map(rasters.map((raster) => [raster.size, raster]));
const entries = [
  ...ICO_BMP_SIZES.map((size) => ({ size, data: bmpEntry(bySize.get(size) as Raster) })),
  { size: 256, data: (bySize.get(256) as Raster).png },
];
await writeFile(join(ICONS, 'icon.ico'), icoFile(entries));
console.log(`icons: ${rasters.length} PNG, icon.ico with ${entries.length} images`);
