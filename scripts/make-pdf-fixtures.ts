// Writes test/fixtures/pdf/: the seed and the form fixtures printed to PDF the two ways clerks
// receive them — by LibreOffice (the .docx and .xlsx fixtures and the printable seed HTML) and by
// Chromium's print (the HTML sources) — for the PDF import tests (see test/fixtures/README.md).
// Run: npx tsx scripts/make-pdf-fixtures.ts   (needs soffice and chromium on the PATH)
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test/fixtures');
const OUT = join(FIXTURES, 'pdf');
const work = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
mkdirSync(OUT, { recursive: true });

/** Office files and the printable seed, as LibreOffice prints them: `<name>-<ext>.pdf`. */
// (LibreOffice prints the .xlsx fixtures without grid lines and spreads their columns over
// several pages; those prints are not among the fixtures.)
const OFFICE = [
  'seed-libreoffice.docx',
  'form-national-midterm.docx',
  'form-annual-yuan.docx',
  'source/seed-print.html',
];

for (const file of OFFICE) {
  const extension = extname(file).slice(1);
  const name = basename(file, extname(file));
  const copy = join(work, `${name}.${extension}`);
  copyFileSync(join(FIXTURES, file), copy);
  const filter = extension === 'html' ? ['--infilter=HTML (StarWriter)'] : [];
  execFileSync(
    'soffice',
    ['--headless', ...filter, '--convert-to', 'pdf', '--outdir', work, copy],
    { stdio: 'ignore' },
  );
  renameSync(join(work, `${name}.pdf`), join(OUT, `${name}-${extension}.pdf`));
}

/** The HTML sources as Chromium prints them: `<name>-chromium.pdf`. */
const HTML = readdirSync(join(FIXTURES, 'source')).filter((name) => name.endsWith('.html'));
for (const file of HTML) {
  execFileSync(
    'chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-pdf-header-footer',
      `--print-to-pdf=${join(OUT, `${basename(file, '.html')}-chromium.pdf`)}`,
      pathToFileURL(join(FIXTURES, 'source', file)).href,
    ],
    { stdio: 'ignore' },
  );
}
// Refused ones: a form encrypted with an open password, and a scan (the seed's first page as an
// image, no text layer).
const encrypted = join(work, 'encrypted.docx');
copyFileSync(join(FIXTURES, 'form-annual-yuan.docx'), encrypted);
execFileSync(
  'soffice',
  [
    '--headless',
    '--convert-to',
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"jixiao"}}',
    '--outdir',
    OUT,
    encrypted,
  ],
  { stdio: 'ignore' },
);
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '60',
  '-f',
  '1',
  '-l',
  '1',
  '-singlefile',
  join(OUT, 'seed-print-html.pdf'),
  join(work, 'scan'),
]);
writeFileSync(join(work, 'scan.html'), '<img src="scan.png" style="width: 100%">');
execFileSync(
  'chromium',
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-pdf-header-footer',
    `--print-to-pdf=${join(OUT, 'scan.pdf')}`,
    pathToFileURL(join(work, 'scan.html')).href,
  ],
  { stdio: 'ignore' },
);
console.log(`Wrote ${readdirSync(OUT).length} PDFs to test/fixtures/pdf/`);
