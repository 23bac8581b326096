// Writes form fixtures as a clerk receives them: the HTML kept under test/fixtures/source/<folder>,
// converted by LibreOffice (`soffice`) to Word (.docx), Excel (.xlsx) and, for some, a PDF printed
// by Writer, into test/fixtures/<folder>.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureHtml, type FormFixture } from './html';

const ROOT = join(import.meta.dirname, '../..');

const TARGETS = {
  docx: ['HTML (StarWriter)', 'docx:MS Word 2007 XML'],
  xlsx: ['HTML (StarCalc)', 'xlsx'],
  pdf: ['HTML (StarWriter)', 'pdf:writer_pdf_Export'],
} as const;

function convert(source: string, filter: string, target: string, outdir: string): void {
  execFileSync(
    'soffice',
    ['--headless', `--infilter=${filter}`, '--convert-to', target, '--outdir', outdir, source],
    { stdio: 'ignore', timeout: 120_000 },
  );
}

/** Converts every fixture to each of its targets; prints each file written. */
export function writeFormFixtures(fixtures: readonly FormFixture[], folder: string): void {
  const out = join(ROOT, 'test/fixtures', folder);
  const sourceDir = join(ROOT, 'test/fixtures/source', folder);
  const work = mkdtempSync(join(tmpdir(), `jixiao-${folder}-`));
  mkdirSync(out, { recursive: true });
  mkdirSync(sourceDir, { recursive: true });
  for (const fixture of fixtures) {
    const html = fixtureHtml(fixture);
    writeFileSync(join(sourceDir, `${fixture.name}.html`), html);
    for (const target of fixture.targets) {
      const dir = join(work, target);
      mkdirSync(dir, { recursive: true });
      const source = join(dir, `${fixture.name}.html`);
      writeFileSync(source, html);
      const [filter, format] = TARGETS[target];
      convert(source, filter, format, dir);
      copyFileSync(join(dir, `${fixture.name}.${target}`), join(out, `${fixture.name}.${target}`));
      process.stdout.write(`test/fixtures/${folder}/${fixture.name}.${target}\n`);
    }
  }
}
