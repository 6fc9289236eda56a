import type { FieldProps } from 'react-admin';

import { ZonedDateTimeField } from './DateTimeField';
import { useInstitutionTimeZone } from './institution';

/**
 * A `DateTime` shown in the signed-in user's institution's time zone, for records that do not
 * carry their institution (contacts, visits, feedback, tasks, audit events, partner apps; see
 * `DateTimeField` for those that do); the zone is in the tooltip.
 */
export const InstitutionDateTimeField = <
  RecordType extends Record<string, unknown> = Record<string, unknown>,
>(
  props: FieldProps<RecordType>,
) => <ZonedDateTimeField {...props} timeZone={useInstitutionTimeZone()} />;
