import { session } from '../auth';
import { safeTimeZone } from './dateTime';

/**
 * The signed-in user's institution, from the session the console keeps. Records that carry
 * no institution of their own (feedback, tasks, audit events, partner apps) belong to it:
 * the API shows a user their own institution's data only.
 */
export const sessionInstitution = () => session.user()?.institution;

/** The institution's IANA time zone, the zone the collection rules judge times in. */
export const institutionTimeZone = (): string | undefined => sessionInstitution()?.timeZone;

/**
 * The institution's time zone, or the API's default one when the session has none Intl knows:
 * the zone visit windows, agendas, weeks and times are shown and entered in (the zone the
 * collection rules judge by), whatever the browser's is.
 */
export const useInstitutionTimeZone = (): string => safeTimeZone(institutionTimeZone());
