import { Typography } from '@mui/material';
import {
  useFieldValue,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';

import { formatDateTime } from './dateTime';

/**
 * A `DateTime` shown in `timeZone` (in the tooltip too), or `emptyText` when the record has
 * none. The fields below pick the zone: the record's institution's, or the signed-in user's.
 */
export const ZonedDateTimeField = <
  RecordType extends Record<string, unknown> = Record<string, unknown>,
>({
  timeZone,
  ...props
}: FieldProps<RecordType> & { timeZone: string | undefined }) => {
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

/**
 * A `DateTime` shown in the time zone of the record's institution (`institution.timeZone`),
 * which is the zone the collection rules judge times in; the zone is in the tooltip.
 */
export const DateTimeField = <RecordType extends Record<string, unknown> = Record<string, unknown>>(
  props: FieldProps<RecordType>,
) => {
  const record = useRecordContext(props);
  return <ZonedDateTimeField {...props} timeZone={institutionTimeZone(record)} />;
};

const institutionTimeZone = (record: unknown): string | undefined => {
  if (typeof record !== 'object' || record === null || !('institution' in record)) return undefined;
  const { institution } = record;
  if (typeof institution !== 'object' || institution === null || !('timeZone' in institution)) {
    return undefined;
  }
  return typeof institution.timeZone === 'string' ? institution.timeZone : undefined;
};
