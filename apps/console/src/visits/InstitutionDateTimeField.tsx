import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, useTranslate, type FieldProps } from 'react-admin';

import { formatDateTime } from '../common/dateTime';
import { useInstitutionTimeZone } from './useInstitutionTimeZone';

/**
 * A `DateTime` shown in the signed-in user's institution's time zone, for records that do not
 * carry their institution (contacts, visits); the zone is in the tooltip.
 */
export const InstitutionDateTimeField = <
  RecordType extends Record<string, unknown> = Record<string, unknown>,
>(
  props: FieldProps<RecordType>,
) => {
  const value = useFieldValue(props);
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const timeZone = useInstitutionTimeZone();
  if (typeof value !== 'string') {
    return props.emptyText ? (
      <Typography component="span" variant="body2">
        {translate(props.emptyText, { _: props.emptyText })}
      </Typography>
    ) : null;
  }
  return (
    <Typography
      component="span"
      variant="body2"
      title={timeZone}
      className={props.className}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {formatDateTime(value, locale, timeZone)}
    </Typography>
  );
};
