import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

import { formatYuan } from './money';

/** A `Decimal` amount in yuan, e.g. ¥12,345.60, formatted from its string (never a float). */
export const MoneyField = <RecordType extends Record<string, unknown> = Record<string, unknown>>(
  props: FieldProps<RecordType>,
) => {
  const value = useFieldValue(props);
  if (typeof value !== 'string') return null;
  return (
    <Typography
      component="span"
      variant="body2"
      className={props.className}
      sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
    >
      {formatYuan(value)}
    </Typography>
  );
};
