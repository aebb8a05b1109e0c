/** Row -> object mappings shared by the SQLite and PostgreSQL stores (same column names). */
import type { Provenance } from '../types.js';

export function provenanceFromRow(r: Record<string, unknown>): Provenance {
  return {
    kind: r.kind as Provenance['kind'],
    of: (r.of_id as string | null) ?? null,
    confidence: Number(r.confidence),
    family: r.family as string,
    ...(r.evidence ? { evidence: r.evidence as string } : {}),
  };
}
