import { session } from '../auth';

/**
 * The signed-in user's institution, from the session the console keeps. Records that carry
 * no institution of their own (feedback, tasks, audit events, partner apps) belong to it:
 * the API shows a user their own institution's data only.
 */
export const sessionInstitution = () => session.user()?.institution;

/** The institution's IANA time zone, the zone the collection rules judge times in. */
export const institutionTimeZone = (): string | undefined => sessionInstitution()?.timeZone;
