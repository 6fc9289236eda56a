import { session } from '../auth';
import { safeTimeZone } from './time';

/**
 * The signed-in user's institution's time zone: the zone visit windows, agendas and weeks are
 * shown and entered in (the zone the collection rules judge by), whatever the browser's is.
 */
export const useInstitutionTimeZone = (): string =>
  safeTimeZone(session.user()?.institution.timeZone);
