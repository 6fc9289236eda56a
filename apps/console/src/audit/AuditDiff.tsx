import {
  Box,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';

import { formatDateTime } from '../common/dateTime';
import { institutionTimeZone } from '../common/institution';
import { auditDiff, isIsoInstant, valueText, type DiffChange, type DiffRow } from './diff';

/** The API writes this in place of personal data and secrets. */
const REDACTED = '[redacted]';

const ROW_SX: Record<DiffChange, object> = {
  added: { bgcolor: 'success.main', color: 'success.contrastText' },
  removed: { bgcolor: 'error.main', color: 'error.contrastText' },
  changed: { bgcolor: 'warning.main', color: 'warning.contrastText' },
  unchanged: {},
};

/**
 * An audit event's before and after side by side, a row per property: what was added, removed
 * or changed is marked, instants are shown in the institution's time zone and redacted
 * personal data says so.
 */
export const AuditDiff = ({ before, after }: { before: unknown; after: unknown }) => {
  const translate = useTranslate();
  const rows = auditDiff(before, after);
  // A create has nothing before it, a delete nothing after it: no empty column for those.
  const showBefore = rows.some((row) => row.change !== 'added');
  const showAfter = rows.some((row) => row.change !== 'removed');
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('audit.diff.empty')}
      </Typography>
    );
  }
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('audit.diff.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('audit.diff.property')}</TableCell>
            <TableCell>{translate('audit.diff.change')}</TableCell>
            {showBefore ? <TableCell>{translate('audit.diff.before')}</TableCell> : null}
            {showAfter ? <TableCell>{translate('audit.diff.after')}</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <DiffTableRow
              key={row.path || '(value)'}
              row={row}
              showBefore={showBefore}
              showAfter={showAfter}
            />
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const DiffTableRow = ({
  row,
  showBefore,
  showAfter,
}: {
  row: DiffRow;
  showBefore: boolean;
  showAfter: boolean;
}) => {
  const translate = useTranslate();
  return (
    <TableRow data-change={row.change}>
      <TableCell sx={{ fontFamily: 'monospace', verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        {row.path || '—'}
      </TableCell>
      <TableCell sx={{ verticalAlign: 'top' }}>
        <Chip
          size="small"
          label={translate(`audit.diff.changes.${row.change}`)}
          sx={{ ...ROW_SX[row.change], fontWeight: 500 }}
          variant={row.change === 'unchanged' ? 'outlined' : 'filled'}
        />
      </TableCell>
      {showBefore ? (
        <TableCell
          sx={{
            verticalAlign: 'top',
            textDecoration: row.change === 'changed' ? 'line-through' : undefined,
            color: 'text.secondary',
          }}
        >
          <DiffValue value={row.before} present={row.change !== 'added'} />
        </TableCell>
      ) : null}
      {showAfter ? (
        <TableCell
          sx={{ verticalAlign: 'top', fontWeight: row.change === 'unchanged' ? undefined : 500 }}
        >
          <DiffValue value={row.after} present={row.change !== 'removed'} />
        </TableCell>
      ) : null}
    </TableRow>
  );
};

const DiffValue = ({ value, present }: { value: unknown; present: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!present) return null;
  if (value === null || value === undefined) {
    return (
      <Typography
        component="span"
        variant="body2"
        sx={{ fontStyle: 'italic' }}
        color="text.disabled"
      >
        {translate('audit.diff.null')}
      </Typography>
    );
  }
  if (value === REDACTED) {
    return (
      <Chip
        size="small"
        variant="outlined"
        label={translate('audit.diff.redacted')}
        title={translate('audit.diff.redactedHint')}
      />
    );
  }
  if (isIsoInstant(value)) {
    const zone = institutionTimeZone();
    return (
      <Typography component="span" variant="body2" title={`${value} (${zone ?? ''})`}>
        {formatDateTime(value, locale, zone)}
      </Typography>
    );
  }
  if (typeof value === 'boolean') {
    return (
      <Typography component="span" variant="body2">
        {translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}
      </Typography>
    );
  }
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{
        fontFamily: typeof value === 'string' ? undefined : 'monospace',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    >
      {valueText(value)}
    </Typography>
  );
};
