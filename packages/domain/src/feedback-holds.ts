import { FeedbackCategory, FeedbackKind, HoldKind } from './enums.js';

/** Complaints about conduct the rules forbid: collection waits until a supervisor resolves them. */
const HOLDING_COMPLAINTS: ReadonlySet<FeedbackCategory> = new Set<FeedbackCategory>([
  FeedbackCategory.THREAT,
  FeedbackCategory.HARASSMENT,
  FeedbackCategory.CONTACT_AT_NIGHT,
  FeedbackCategory.PRIVACY_LEAK,
  FeedbackCategory.THIRD_PARTY_CONTACT,
]);

/**
 * The hold a borrower's feedback puts on the case, if any: a complaint about threats,
 * harassment, contact at night, privacy or third-party contact holds it while under review;
 * a dispute holds collection until it is answered. A hardship request does not hold: it
 * flags the case for review.
 */
export function holdForFeedback(kind: FeedbackKind, category: FeedbackCategory): HoldKind | null {
  if (kind === FeedbackKind.DISPUTE) return HoldKind.DISPUTE;
  if (kind === FeedbackKind.COMPLAINT && HOLDING_COMPLAINTS.has(category))
    return HoldKind.COMPLAINT;
  return null;
}
