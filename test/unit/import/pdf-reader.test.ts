/**
 * Parts of the PDF reader that its speed depends on: the scan for scripts in the raw bytes
 * (refuses what the old text scan refused, nothing more), and the built-in table a standby
 * worker reads before the clerk's file (it must go through the whole pipeline, or the warm-up
 * would leave the recognisers cold).
 */
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../electron/host/importFile';
import { namesScript } from '../../../electron/host/import/pdfReader';
import { WARM_UP_PDF_BASE64 } from '../../../electron/host/import/pdfWarmUpData';

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

describe('the table a standby worker reads first', () => {
  it('imports as a disclosure table with one project and its indicators', async () => {
    const result = await importBytes(
      new Uint8Array(Buffer.from(WARM_UP_PDF_BASE64, 'base64')),
      'warm-up.pdf',
    );
    expect(result.report.counts).toEqual({ units: 1, projects: 1, indicators: 2 });
    expect(result.document.units[0]?.projects[0]?.name).toBe('项目');
  });
});
