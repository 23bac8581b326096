// Regenerates the per-project form corpus in test/fixtures/forms from the HTML this script writes
// to test/fixtures/source/forms, converted by LibreOffice (`soffice`) as a clerk receives the
// files: Word (.docx), Excel (.xlsx) and, for some, a PDF printed by Writer.
// Run: npx tsx scripts/make-form-fixtures.ts   (needs soffice on the PATH)
import { FORM_FIXTURES } from './form-fixtures';
import { writeFormFixtures } from './form-fixtures/convert';

writeFormFixtures(FORM_FIXTURES, 'forms');
