// Writes electron/host/import/pdfWarmUpData.ts: the PDFs a standby import worker reads before any
// file arrives (electron/host/import/pdfWarmUp.ts) — a one-page disclosure table (one project, two
// indicators) printed by LibreOffice Writer (Type 1 and TrueType fonts), and a small bordered
// table printed by Chromium (Type 3 fonts, borders as filled bars, a CID TrueType font).
// Run: npx tsx scripts/make-pdf-warm-up.ts (needs soffice and chromium)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');

// The printable seed's page and columns (test/fixtures/source/seed-print.html), few characters:
// the embedded font subset is most of the file.
const HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>warm-up</title><style>@page { size: 29.7cm 21cm; margin: 1.5cm; } td { font-size: 9pt; } p { font-size: 10pt; }</style></head><body><p>项目支出绩效目标表</p>
<p>单位：万元</p>
<table border="1" width="1000" cellpadding="7" cellspacing="0"><colgroup><col width="140"><col width="60"><col width="60"><col width="60"><col width="60"><col width="260"><col width="360"></colgroup><tr><td>项目名称（资金使用单位）</td><td>总计</td><td>财政拨款</td><td>财政专户拨款</td><td>其他资金</td><td>绩效目标</td><td>绩效指标</td></tr>
<tr><td>合计</td><td>1.00</td><td>1.00</td><td></td><td></td><td></td><td></td></tr>
<tr><td>项目单位</td><td>1.00</td><td>1.00</td><td></td><td></td><td></td><td></td></tr>
<tr><td>项目</td><td>1.00</td><td>1.00</td><td></td><td></td><td>完成项目目标。</td><td>1、1-产出指标；11-数量指标；完成项目数；实施周期指标值：1个；年度指标值：1个。2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值：90%；年度指标值：90%。</td></tr>
</table></body></html>
`;

const work = mkdtempSync(join(tmpdir(), 'jixiao-warm-up-'));
writeFileSync(join(work, 'warm-up.html'), HTML);
execFileSync(
  'soffice',
  [
    '--headless',
    '--infilter=HTML (StarWriter)',
    '--convert-to',
    'pdf:writer_pdf_Export',
    '--outdir',
    work,
    join(work, 'warm-up.html'),
  ],
  { stdio: 'ignore', timeout: 120_000 },
);
// Few characters: each printed glyph is a Type 3 procedure of its own.
const SMALL = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>td { font-size: 9pt; }</style></head><body><p>项目表</p><table border="1"><tr><td>项目</td><td>总计</td></tr><tr><td>目标</td><td>1.00</td></tr><tr><td>指标</td><td>10%</td></tr></table></body></html>
`;
writeFileSync(join(work, 'small.html'), SMALL);
execFileSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-pdf-header-footer',
    `--print-to-pdf=${join(work, 'small.pdf')}`,
    pathToFileURL(join(work, 'small.html')).href,
  ],
  { stdio: 'ignore', timeout: 120_000 },
);

const literal = (file: string) => {
  const base64 = readFileSync(join(work, file)).toString('base64');
  console.log(`${file}: ${base64.length} base64 characters`);
  return (base64.match(/.{1,96}/gu) ?? []).map((line) => `    '${line}'`).join(' +\n');
};
writeFileSync(
  join(ROOT, 'electron/host/import/pdfWarmUpData.ts'),
  `// Written by scripts/make-pdf-warm-up.ts: LibreOffice Writer's print of a one-page table, and\n` +
    `// Chromium's print of a small one.\n` +
    `export const WARM_UP_PDFS_BASE64: readonly string[] = [\n` +
    `${literal('warm-up.pdf')},\n${literal('small.pdf')},\n];\n`,
);
