// Regenerates the filled 监控表/自评表 fixtures in test/fixtures/stage-forms from the HTML this script writes
// to test/fixtures/source/stage-forms, converted by LibreOffice (`soffice`) as a clerk receives the
// files: Word (.docx), Excel (.xlsx) and, for some, a PDF printed by Writer.
// Run: npx tsx scripts/make-stage-form-fixtures.ts   (needs soffice on the PATH)
import { writeFormFixtures } from './form-fixtures/convert';
import { STAGE_FORM_FIXTURES } from './stage-form-fixtures';

writeFormFixtures(STAGE_FORM_FIXTURES, 'stage-forms');
