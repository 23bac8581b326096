// The per-project form corpus, in the order test/fixtures/README.md lists it.
import type { FormFixture } from './html';
import { PROVINCIAL } from './provincial';
import { REGIONAL } from './regional';
import { TEMPLATES } from './templates';

export { fixtureHtml, type FormFixture } from './html';
export const FORM_FIXTURES: FormFixture[] = [...TEMPLATES, ...REGIONAL, ...PROVINCIAL];
