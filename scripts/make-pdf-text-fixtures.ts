// Writes test/fixtures/seed-pdftotext.txt and seed-pdftotext-layout.txt: the seed printed to PDF
// by LibreOffice (A4 landscape, as published) and extracted by poppler's pdftotext, in its
// default reading order and with -layout (see test/fixtures/README.md).
// Run: npx tsx scripts/make-pdf-text-fixtures.ts   (needs soffice and pdftotext on the PATH)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test/fixtures');
const work = mkdtempSync(join(tmpdir(), 'jixiao-pdf-text-'));

/** Column widths in pixels of a 1000-pixel table: name, four amounts, goal, indicators. */
const WIDTHS = [140, 60, 60, 60, 60, 260, 360];

// The Word fixture's HTML (one table per seed page, title block before each) laid out for print:
// A4 landscape, 9 pt cells with Word's default cell margins (about 0.19 cm).
const word = readFileSync(join(FIXTURES, 'source/seed-word.html'), 'utf8');
const style =
  '<style>@page { size: 29.7cm 21cm; margin: 1.5cm; } td { font-size: 9pt; } p { font-size: 10pt; }</style>';
const columns = `<colgroup>${WIDTHS.map((width) => `<col width="${width}">`).join('')}</colgroup>`;
const print = word
  .replace('</head>', `${style}</head>`)
  .replaceAll(
    '<table border="1">',
    `<table border="1" width="1000" cellpadding="7" cellspacing="0">${columns}`,
  );
writeFileSync(join(FIXTURES, 'source/seed-print.html'), print);

copyFileSync(join(FIXTURES, 'source/seed-print.html'), join(work, 'seed-print.html'));
execFileSync(
  'soffice',
  [
    '--headless',
    '--infilter=HTML (StarWriter)',
    '--convert-to',
    'pdf:writer_pdf_Export',
    '--outdir',
    work,
    join(work, 'seed-print.html'),
  ],
  { stdio: 'ignore' },
);
const pdf = join(work, 'seed-print.pdf');
execFileSync('pdftotext', [pdf, join(FIXTURES, 'seed-pdftotext.txt')]);
execFileSync('pdftotext', ['-layout', pdf, join(FIXTURES, 'seed-pdftotext-layout.txt')]);
console.log(`PDF kept at ${pdf}`);
