import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import { useInstitutionTimeZone } from '../common/institution';
import type { VisitRecord } from '../dataProvider/types';
import { formatLocalDate, formatWindow, localDateOf } from './time';

/** A visit's window with its day, in the institution's time zone: "2026/11/24 周二 11:00–13:00". */
export const VisitWindowField = (props: FieldProps<VisitRecord>) => {
  const record = useRecordContext<VisitRecord>(props);
  const [locale] = useLocaleState();
  const timeZone = useInstitutionTimeZone();
  if (!record) return null;
  const day = localDateOf(record.windowStart, timeZone);
  return (
    <Typography
      component="span"
      variant="body2"
      title={timeZone}
      sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {formatLocalDate(day, locale)} {formatWindow(record.windowStart, record.windowEnd, timeZone)}
    </Typography>
  );
};

/** A visit's collectors by name. */
export const CollectorsField = (props: FieldProps<VisitRecord>) => {
  const record = useRecordContext<VisitRecord>(props);
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {record.collectors.map((c) => c.displayName).join(translate('visits.listSeparator'))}
    </Typography>
  );
};

/** Yes / No for the check-in's booleans, empty when not recorded. */
export const YesNoField = ({ source }: { source: 'idShown' | 'consentToEnter' }) => {
  const record = useRecordContext<VisitRecord>();
  const translate = useTranslate();
  const value = record?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(value ? 'visits.yes' : 'visits.no')}
    </Typography>
  );
};
