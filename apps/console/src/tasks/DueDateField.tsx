import { Chip, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

import { institutionTimeZone } from '../common/institution';
import type { TaskRecord } from '../dataProvider/types';
import { daysBetween, formatLocalDate, taskDueState, todayIn } from './due';

/** A task's due day, flagged when an open task is due today or overdue (in the institution's days). */
export const DueDateField = () => {
  const record = useRecordContext<TaskRecord>();
  const [locale] = useLocaleState();
  const translate = useTranslate();
  if (!record?.dueDate) return null;
  const today = todayIn(institutionTimeZone());
  const state = taskDueState(record, today);
  return (
    <Stack
      direction="row"
      useFlexGap
      spacing={0.5}
      sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 1 }}
    >
      <Typography
        component="span"
        variant="body2"
        color={state === 'overdue' ? 'error' : undefined}
        sx={{ whiteSpace: 'nowrap', fontWeight: state === 'overdue' ? 600 : undefined }}
      >
        {formatLocalDate(record.dueDate, locale)}
      </Typography>
      {state === 'overdue' ? (
        <Chip
          size="small"
          color="error"
          label={translate('tasks.due.overdue', {
            smart_count: daysBetween(record.dueDate, today),
          })}
        />
      ) : state === 'today' ? (
        <Chip size="small" color="warning" label={translate('tasks.due.today')} />
      ) : null}
    </Stack>
  );
};
