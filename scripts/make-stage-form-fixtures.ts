// Regenerates the filled 监控表/自评表 fixtures in test/fixtures/stage-forms from the HTML this script writes
// to test/fixtures/source/stage-forms, converted by LibreOffice (`soffice`) as a clerk receives the
// files: Word (.docx), Excel (.xlsx) and, for some, a PDF printed by Writer.
// Run: npx tsx scripts/make-stage-form-fixtures.ts   (needs soffice on the PATH)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGE_FORM_FIXTURES as FORM_FIXTURES } from './stage-form-fixtures';
import { fixtureHtml } from './form-fixtures';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test/fixtures/stage-forms');
const SOURCE = join(ROOT, 'test/fixtures/source/stage-forms');
const work = mkdtempSync(join(tmpdir(), 'jixiao-stage-forms-'));

function convert(source: string, filter: string, target: string, outdir: string): void {
  execFileSync(
    'soffice',
    ['--headless', `--infilter=${filter}`, '--convert-to', target, '--outdir', outdir, source],
    { stdio: 'ignore', timeout: 120_000 },
  );
}

const TARGETS = {
  docx: ['HTML (StarWriter)', 'docx:MS Word 2007 XML'],
  xlsx: ['HTML (StarCalc)', 'xlsx'],
  pdf: ['HTML (StarWriter)', 'pdf:writer_pdf_Export'],
} as const;

mkdirSync(OUT, { recursive: true });
mkdirSync(SOURCE, { recursive: true });
for (const fixture of FORM_FIXTURES) {
  const html = fixtureHtml(fixture);
  writeFileSync(join(SOURCE, `${fixture.name}.html`), html);
  for (const target of fixture.targets) {
    const dir = join(work, target);
    mkdirSync(dir, { recursive: true });
    const source = join(dir, `${fixture.name}.html`);
    writeFileSync(source, html);
    const [filter, format] = TARGETS[target];
    convert(source, filter, format, dir);
    copyFileSync(join(dir, `${fixture.name}.${target}`), join(OUT, `${fixture.name}.${target}`));
    process.stdout.write(`test/fixtures/stage-forms/${fixture.name}.${target}\n`);
  }
}
