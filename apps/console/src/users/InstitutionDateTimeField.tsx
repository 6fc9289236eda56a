import { Typography } from '@mui/material';
import { useFieldValue, useLocaleState, useTranslate, type FieldProps } from 'react-admin';

import { formatDateTime } from '../common/dateTime';
import { institutionTimeZone } from './institution';

/**
 * A `DateTime` in the signed-in user's institution's time zone, for records that do not carry
 * their institution (see `common/DateTimeField` for those that do); the zone is in the tooltip.
 */
export const InstitutionDateTimeField = <
  RecordType extends Record<string, unknown> = Record<string, unknown>,
>(
  props: FieldProps<RecordType>,
) => {
  const value = useFieldValue(props);
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (typeof value !== 'string') {
    return props.emptyText ? (
      <Typography component="span" variant="body2" color="text.secondary">
        {translate(props.emptyText, { _: props.emptyText })}
      </Typography>
    ) : null;
  }
  const timeZone = institutionTimeZone();
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
