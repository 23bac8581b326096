import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentSchema, type JixiaoDocument } from '../../../shared/model';

/** The shipped sample (the real published table), parsed as the app opens it. */
export function sampleDocument(): JixiaoDocument {
  const text = readFileSync(
    join(import.meta.dirname, '../../../resources/sample/guangzhou-2025.jixiao.json'),
    'utf8',
  );
  return documentSchema.parse(JSON.parse(text));
}
