/**
 * Parts of the PDF reader that its speed depends on: the scan for scripts in the raw bytes
 * (refuses what the old text scan refused, nothing more), and the built-in tables a standby
 * worker reads before the clerk's file (LibreOffice's must go through the whole pipeline, or the
 * warm-up would leave the recognisers cold; Chromium's must at least be read).
 */
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../electron/host/importFile';
import { namesScript } from '../../../electron/host/import/pdfReader';
import { WARM_UP_PDFS_BASE64 } from '../../../electron/host/import/pdfWarmUpData';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('the scan for scripts', () => {
  it('finds /JavaScript and /JS names followed by a delimiter', () => {
    for (const text of [
      '<< /S /JavaScript /JS (app.alert(1)) >>',
      '<</JS(x)>>',
      '/JS<feff>',
      '/JavaScript[',
      '/JS\u00a0(x)',
      'obj\n/JS\r\n(x)',
    ]) {
      expect(namesScript(bytes(text)), text).toBe(true);
    }
  });

  it('passes names that only begin like them, and text without the slash', () => {
    for (const text of [
      '/JSX (x)',
      '/Javascript (x)',
      '/JavaScriptX',
      'JS (x)',
      '/js (x)',
      '/JS',
    ]) {
      expect(namesScript(bytes(text)), text).toBe(false);
    }
  });

  it('reads a view into a larger buffer from its own start and end', () => {
    const whole = bytes('/JS (x) %PDF-1.7 body /JS');
    expect(namesScript(whole.subarray(4))).toBe(false);
    expect(namesScript(whole.subarray(0, 5))).toBe(true);
  });
});

describe('the tables a standby worker reads first', () => {
  const [libreOffice, chromium] = WARM_UP_PDFS_BASE64.map(
    (base64) => new Uint8Array(Buffer.from(base64, 'base64')),
  );

  it('imports LibreOffice’s as a disclosure table with one project and its indicators', async () => {
    const result = await importBytes(libreOffice as Uint8Array, 'warm-up.pdf');
    expect(result.report.counts).toEqual({ units: 1, projects: 1, indicators: 2 });
    expect(result.document.units[0]?.projects[0]?.name).toBe('项目');
  });

  it('reads Chromium’s text and borders (too small a table to be a budget table)', async () => {
    const error = await importBytes(chromium as Uint8Array, 'warm-up.pdf').then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    // Read to the end: refused by the recognisers, not as a broken or empty PDF.
    expect(error?.message).toMatch(/没有找到项目支出绩效目标表/u);
  });
});
