import { Bucket } from './enums.js';
import { ValidationError } from './errors.js';
import { addDays, diffDays, localDate } from './time.js';

/**
 * Days past due counts calendar days in a zone: the day a loan first is overdue is DPD 1.
 * Cases store that day (`overdueSince`) rather than a DPD, which would go stale every midnight.
 */
export function daysPastDue(overdueSince: string, at: Date, timeZone: string): number {
  return Math.max(0, diffDays(localDate(at, timeZone), overdueSince) + 1);
}

// The bucket ladder, in order; only the last one is open-ended.
const BUCKETS: readonly { bucket: Bucket; min: number; max: number | null }[] = [
  { bucket: Bucket.CURRENT, min: 0, max: 0 },
  { bucket: Bucket.M1, min: 1, max: 30 },
  { bucket: Bucket.M2, min: 31, max: 60 },
  { bucket: Bucket.M3, min: 61, max: 90 },
  { bucket: Bucket.M4, min: 91, max: 120 },
  { bucket: Bucket.M5, min: 121, max: 150 },
  { bucket: Bucket.M6_PLUS, min: 151, max: null },
];

/** @throws RangeError unless `dpd` is a non-negative integer. */
export function bucketForDpd(dpd: number): Bucket {
  if (!Number.isSafeInteger(dpd) || dpd < 0) {
    throw new RangeError(`Days past due must be a non-negative integer, got ${dpd}`);
  }
  // The last row has no maximum, so a match always exists.
  return BUCKETS.find(({ max }) => max === null || dpd <= max)!.bucket;
}

/** Inclusive DPD range of a bucket; `max` is null for the open-ended M6+. */
export function dpdRangeOfBucket(bucket: Bucket): { min: number; max: number | null } {
  const row = BUCKETS.find((b) => b.bucket === bucket);
  if (!row) throw new RangeError(`Unknown bucket ${bucket}`);
  return { min: row.min, max: row.max };
}

function checkDpdBound(value: number | null, field: string): void {
  if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
    throw new ValidationError(field, 'must be a whole number of days, 0 or more');
  }
}

/**
 * Turns a DPD filter into a filter on the overdueSince date column, so the database can use an
 * index instead of computing DPD per row. Returns the inclusive range of overdueSince dates
 * whose DPD at `at` lies in [dpdMin, dpdMax]; a null bound is unbounded, and a null side of
 * the result means no condition. When dpdMin > dpdMax the range is empty (earliest > latest).
 */
export function overdueSinceBounds(
  dpdMin: number | null,
  dpdMax: number | null,
  at: Date,
  timeZone: string,
): { earliest: string | null; latest: string | null } {
  checkDpdBound(dpdMin, 'dpdMin');
  checkDpdBound(dpdMax, 'dpdMax');
  const today = localDate(at, timeZone);
  // For overdueSince ≤ today, DPD = today − overdueSince + 1, so DPD ≥ n ⇔ overdueSince ≤
  // today − (n − 1), and DPD ≤ n ⇔ overdueSince ≥ today − (n − 1). A future overdueSince has
  // DPD 0: it meets every maximum (the second rule still holds, even for n = 0) but no minimum
  // above 0 — and a minimum of 0 is no condition at all.
  return {
    earliest: dpdMax === null ? null : addDays(today, 1 - dpdMax),
    latest: dpdMin === null || dpdMin === 0 ? null : addDays(today, 1 - dpdMin),
  };
}
