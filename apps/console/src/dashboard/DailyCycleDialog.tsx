import UpdateIcon from '@mui/icons-material/Update';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableRow,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  useDataProvider,
  useGetIdentity,
  useLocaleState,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { formatDateTime } from '../common/dateTime';
import type { ArrearsDataProvider } from '../dataProvider';
import type { DailyCycleReport } from '../dataProvider/types';
import { formatCount } from './format';

const COUNTS = [
  'casesExamined',
  'plansKept',
  'plansBroken',
  'stagesRaised',
  'prioritiesChanged',
  'tasksCreated',
] as const satisfies readonly (keyof DailyCycleReport)[];

/**
 * Asks before running the daily cycle for the admin's institution (`runDailyCycle`: plans
 * evaluated, cases escalated and re-prioritised, follow-ups created), then shows what changed.
 */
export const DailyCycleDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<DailyCycleReport>();
  const [error, setError] = useState<string>();
  const titleId = useId();

  const close = () => {
    if (running) return;
    setResult(undefined);
    setError(undefined);
    onClose();
  };

  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const report = await dataProvider.runDailyCycle();
      setResult(report);
      notify('dashboard.dailyCycle.done', { type: 'success' });
      // Stages, priorities and tasks changed: whatever is on screen loads again.
      refresh();
    } catch (cause) {
      setError(
        translate('dashboard.dailyCycle.failed', {
          message: cause instanceof Error ? cause.message : String(cause),
        }),
      );
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} maxWidth="xs" fullWidth>
      <DialogTitle id={titleId}>
        {translate(result ? 'dashboard.dailyCycle.done' : 'dashboard.dailyCycle.title')}
      </DialogTitle>
      <DialogContent>
        {result ? (
          <Table size="small" aria-labelledby={titleId}>
            <TableBody>
              <TableRow>
                <TableCell component="th" scope="row">
                  {translate('dashboard.dailyCycle.result.at')}
                </TableCell>
                <TableCell align="right">
                  {formatDateTime(result.at, locale, identity?.timeZone as string | undefined)}
                </TableCell>
              </TableRow>
              {COUNTS.map((key) => (
                <TableRow key={key}>
                  <TableCell component="th" scope="row">
                    {translate(`dashboard.dailyCycle.result.${key}`)}
                  </TableCell>
                  <TableCell align="right">{formatCount(result[key], locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <DialogContentText>{translate('dashboard.dailyCycle.explanation')}</DialogContentText>
        )}
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={running}>
          {translate(result ? 'ra.action.close' : 'ra.action.cancel')}
        </Button>
        {result ? null : (
          <Button
            variant="contained"
            onClick={() => void run()}
            disabled={running}
            startIcon={running ? <CircularProgress size={16} /> : <UpdateIcon />}
          >
            {translate('dashboard.dailyCycle.run')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};

/** The dashboard's button for it (admins). */
export const RunDailyCycleButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="outlined" startIcon={<UpdateIcon />} onClick={() => setOpen(true)}>
        {translate('dashboard.dailyCycle.button')}
      </Button>
      <DailyCycleDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
};
