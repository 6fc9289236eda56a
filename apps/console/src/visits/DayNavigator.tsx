import NextIcon from '@mui/icons-material/ChevronRight';
import PreviousIcon from '@mui/icons-material/ChevronLeft';
import { Button, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

import { isLocalDate } from './time';

export interface DayNavigatorProps {
  /** The day shown ("YYYY-MM-DD"). */
  date: string;
  /** The heading, e.g. the day or the week's first and last days. */
  heading: string;
  onChange: (date: string) => void;
  /** One step back and forward (a day, a week). */
  previous: string;
  next: string;
  today: string;
  /** Translation keys of the buttons. */
  labels: { previous: string; next: string; today: string; pick: string };
}

/** Previous / today / next and a date picker, above the agenda and the week. */
export const DayNavigator = ({
  date,
  heading,
  onChange,
  previous,
  next,
  today,
  labels,
}: DayNavigatorProps) => {
  const translate = useTranslate();
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}
    >
      <Tooltip title={translate(labels.previous)}>
        <IconButton aria-label={translate(labels.previous)} onClick={() => onChange(previous)}>
          <PreviousIcon />
        </IconButton>
      </Tooltip>
      <Button
        variant="outlined"
        size="small"
        onClick={() => onChange(today)}
        disabled={date === today}
      >
        {translate(labels.today)}
      </Button>
      <Tooltip title={translate(labels.next)}>
        <IconButton aria-label={translate(labels.next)} onClick={() => onChange(next)}>
          <NextIcon />
        </IconButton>
      </Tooltip>
      <Typography variant="h6" component="h2" sx={{ mx: 1 }} aria-live="polite">
        {heading}
      </Typography>
      <TextField
        type="date"
        size="small"
        label={translate(labels.pick)}
        value={date}
        onChange={(event) => {
          if (isLocalDate(event.target.value)) onChange(event.target.value);
        }}
        fullWidth={false}
        sx={{ width: 180 }}
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </Stack>
  );
};
