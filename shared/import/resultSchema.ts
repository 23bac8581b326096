/**
 * The shape of what the import worker hands back, checked by the host before anything uses it:
 * a valid document and a report of bounded size. A worker is untrusted code's neighbour.
 */
import { z } from 'zod';
import { canonicalCheck, type CanonicalCheck, safeParseFast } from '../model/canonical';
import { documentSchema, sourceLocationSchema } from '../model';
import type { ImportResult } from './report';
import { stageReportSchema } from './stages/types';

const importEntrySchema = z.object({
  kind: z.enum(['normalised', 'raw', 'recovered', 'warning']),
  message: z.string().max(20_000),
  source: sourceLocationSchema.optional(),
  project: z.string().max(2000).optional(),
});

export const importResultSchema = z.object({
  document: documentSchema,
  report: z.object({
    format: z.string().max(200),
    entries: z.array(importEntrySchema).max(1_000_000),
    counts: z.object({
      units: z.number().int().min(0),
      projects: z.number().int().min(0),
      indicators: z.number().int().min(0),
    }),
    stage: stageReportSchema.optional(),
  }),
});

let canonicalResult: CanonicalCheck | undefined;

/**
 * The worker's result, validated; null when it is not a document and a report. A result already
 * as zod would return it is taken as it is, without zod's copy (canonical.ts).
 */
export function validImportResult(data: unknown): ImportResult | null {
  canonicalResult ??= canonicalCheck(importResultSchema);
  const parsed = safeParseFast(importResultSchema, canonicalResult, data);
  return parsed.success ? (parsed.data as ImportResult) : null;
}
