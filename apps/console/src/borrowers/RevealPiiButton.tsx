import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { Permission } from '@arrears/domain';
import { useId, useState } from 'react';
import {
  TextInput,
  maxLength,
  minLength,
  required,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { useCan } from '../common/useCan';
import type { ArrearsDataProvider, BorrowerDetail, BorrowerPii } from '../dataProvider/types';
import { ActionDialog } from '../visits/ActionDialog';

interface RevealValues extends Record<string, unknown> {
  reason: string;
}

const REASON = [required(), minLength(5), maxLength(500)];

/**
 * "Show full details": asks why, calls `revealBorrowerPII` (which the API writes to the audit
 * trail with the reason) and shows the clear national ID and phones in the dialog only. They
 * live in this component's state, never in react-admin's cache, and are forgotten on close.
 * Offered to the roles that hold the reveal permission.
 */
export const RevealPiiButton = () => {
  const record = useRecordContext<BorrowerDetail>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ArrearsDataProvider>();
  const mayReveal = useCan()(Permission.PII_REVEAL);
  const [asking, setAsking] = useState(false);
  const [pii, setPii] = useState<BorrowerPii | null>(null);
  const titleId = useId();
  if (!record || !mayReveal) return null;

  const close = () => {
    setPii(null);
    setAsking(false);
  };

  return (
    <>
      <Button size="small" startIcon={<VisibilityIcon />} onClick={() => setAsking(true)}>
        {translate('borrowers.reveal.button')}
      </Button>
      <ActionDialog<RevealValues>
        open={asking && pii === null}
        onClose={close}
        title="borrowers.reveal.title"
        submitLabel="borrowers.reveal.submit"
        submitIcon={<VisibilityIcon />}
        inputs={['reason']}
        data-testid="reveal-pii-dialog"
        onSubmit={async ({ reason }) => {
          setPii(await dataProvider.revealBorrowerPII(record.id, reason.trim()));
        }}
      >
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('borrowers.reveal.warning')}
        </Alert>
        <TextInput
          source="reason"
          label="borrowers.reveal.reason"
          helperText="borrowers.reveal.reasonHelp"
          validate={REASON}
          multiline
          minRows={2}
          fullWidth
          autoFocus
        />
      </ActionDialog>
      <Dialog
        open={pii !== null}
        onClose={close}
        aria-labelledby={titleId}
        fullWidth
        maxWidth="xs"
        data-testid="revealed-pii-dialog"
      >
        <DialogTitle id={titleId}>
          {translate('borrowers.reveal.resultTitle', { name: record.fullName })}
        </DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('borrowers.reveal.audited')}
          </Alert>
          {pii ? (
            <Stack spacing={2}>
              <div>
                <Typography variant="caption" color="text.secondary">
                  {translate('resources.borrowers.fields.nationalIdMasked')}
                </Typography>
                <Typography
                  data-testid="revealed-national-id"
                  sx={{ fontFamily: 'monospace', fontSize: '1.1rem' }}
                >
                  {pii.nationalId}
                </Typography>
              </div>
              <div>
                <Typography variant="caption" color="text.secondary">
                  {translate('resources.borrowers.fields.phonesMasked')}
                </Typography>
                {pii.phones.map((phone) => (
                  <Typography
                    key={phone}
                    data-testid="revealed-phone"
                    sx={{ fontFamily: 'monospace', fontSize: '1.1rem' }}
                  >
                    {phone}
                  </Typography>
                ))}
              </div>
            </Stack>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} variant="contained">
            {translate('ra.action.close')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
