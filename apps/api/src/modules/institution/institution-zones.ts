import type { EntityManager } from '@mikro-orm/core';
import { Institution } from './institution.entity.js';

/**
 * Each institution's time zone, kept for the life of the process: DPD and buckets are judged
 * in it on nearly every read, and it never changes once the institution exists (no API call
 * sets it). A miss is read through the caller's EntityManager (tenant-filtered); a zone only
 * ever shapes conditions on rows that filter already limits.
 */
const known = new Map<string, string>();

export async function institutionZones(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    const rows = await em.find(
      Institution,
      { id: { $in: [...new Set(missing)] } },
      { fields: ['id', 'timeZone'] },
    );
    for (const row of rows) known.set(row.id, row.timeZone);
  }
  const zones = new Map<string, string>();
  for (const id of ids) {
    const zone = known.get(id);
    if (zone) zones.set(id, zone);
  }
  return zones;
}
