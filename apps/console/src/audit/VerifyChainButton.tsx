import VerifiedIcon from '@mui/icons-material/VerifiedUser';
import {
  Alert,
  AlertTitle,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useTranslate } from 'react-admin';

import { errorMessage, isForbidden } from '../common/errors';
import { sessionInstitution } from '../common/institution';
import type { ArrearsDataProvider, AuditChainReport } from '../dataProvider/types';

type Check =
  | { state: 'running' }
  | { state: 'done'; report: AuditChainReport }
  | { state: 'failed'; error: unknown };

/**
 * Recomputes every hash of the institution's audit chain on the server (`verifyAuditChain`)
 * and says whether it is intact, or the first event that breaks it and why.
 */
export const VerifyChainButton = () => {
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [check, setCheck] = useState<Check>({ state: 'running' });

  const run = async () => {
    setCheck({ state: 'running' });
    const institution = sessionInstitution();
    try {
      if (!institution) throw new Error(translate('audit.verify.noInstitution'));
      const report = await dataProvider.verifyAuditChain(institution.id);
      setCheck({ state: 'done', report });
    } catch (error) {
      setCheck({ state: 'failed', error });
    }
  };

  const start = () => {
    setOpen(true);
    void run();
  };

  return (
    <>
      <Button label="audit.verify.action" onClick={start}>
        <VerifiedIcon />
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="audit-verify-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="audit-verify-title">{translate('audit.verify.title')}</DialogTitle>
        <DialogContent>
          <VerifyResult check={check} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => void run()} disabled={check.state === 'running'}>
            {translate('audit.verify.again')}
          </MuiButton>
          <MuiButton onClick={() => setOpen(false)} variant="contained">
            {translate('ra.action.close')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

const VerifyResult = ({ check }: { check: Check }) => {
  const translate = useTranslate();
  if (check.state === 'running') {
    return (
      <>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('audit.verify.running')}
        </Typography>
        <LinearProgress />
      </>
    );
  }
  if (check.state === 'failed') {
    return (
      <Alert severity={isForbidden(check.error) ? 'warning' : 'error'} role="alert">
        {isForbidden(check.error)
          ? translate('users.access.forbiddenAction')
          : (errorMessage(check.error) ?? translate('ra.notification.http_error'))}
      </Alert>
    );
  }
  const { report } = check;
  if (report.ok) {
    return (
      <Alert severity="success" role="status" data-testid="audit-chain-ok">
        <AlertTitle>{translate('audit.verify.okTitle')}</AlertTitle>
        {translate('audit.verify.ok', { smart_count: report.checked })}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert" data-testid="audit-chain-broken">
      <AlertTitle>{translate('audit.verify.brokenTitle')}</AlertTitle>
      <Typography variant="body2" gutterBottom>
        {translate('audit.verify.broken', {
          sequence: report.brokenAtSequence ?? '?',
          smart_count: report.checked,
        })}
      </Typography>
      {report.reason ? (
        <Typography variant="body2">
          {translate('audit.verify.reason')}: {report.reason}
        </Typography>
      ) : null}
    </Alert>
  );
};
