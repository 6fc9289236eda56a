import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  AlertTitle,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useRef, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';

/**
 * A partner app's API key, shown this once (after create or rotate): the API keeps only its
 * hash. Copy puts it on the clipboard; the dialog closes only through its button, so a stray
 * click or Escape cannot lose the key.
 */
export const ApiKeyDialog = ({
  appName,
  apiKey,
  onClose,
}: {
  appName: string;
  /** Null: no key to show, the dialog is closed. */
  apiKey: string | null;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    if (!apiKey) return;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(apiKey);
    } catch {
      // Pages not served over HTTPS have no clipboard API: copy the selected text instead.
      inputRef.current?.select();
      if (!document.execCommand?.('copy')) {
        notify('partnerApps.key.copyFailed', { type: 'warning' });
        return;
      }
    }
    setCopied(true);
    notify('partnerApps.key.copied', { type: 'info' });
  };

  const close = () => {
    setCopied(false);
    onClose();
  };

  return (
    <Dialog
      open={apiKey !== null}
      disableEscapeKeyDown
      aria-labelledby="partner-app-key-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="partner-app-key-title">
        {translate('partnerApps.key.title', { name: appName })}
      </DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          <AlertTitle>{translate('partnerApps.key.onceTitle')}</AlertTitle>
          {translate('partnerApps.key.once')}
        </Alert>
        <TextField
          value={apiKey ?? ''}
          label={translate('partnerApps.key.label')}
          fullWidth
          multiline
          inputRef={inputRef}
          onFocus={(event) => event.target.select()}
          slotProps={{
            input: { readOnly: true, sx: { fontFamily: 'monospace', wordBreak: 'break-all' } },
            htmlInput: { 'data-testid': 'partner-app-api-key' },
          }}
        />
      </DialogContent>
      <DialogActions>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          {translate(copied ? 'partnerApps.key.copiedButton' : 'partnerApps.key.copy')}
        </Button>
        <Button variant="contained" onClick={close}>
          {translate('partnerApps.key.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
