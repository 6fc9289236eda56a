import LockClockIcon from '@mui/icons-material/LockClock';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useAuthProvider, useLogout, useNotify, useRefresh, useTranslate } from 'react-admin';

import type { Reauth } from './reauth';

/**
 * Asks the signed-in user for their password again when the session ended under them, over
 * whatever page they are on: nothing navigates, so a half-filled form keeps its input and can
 * be saved once signed in. Signing out instead goes to the login page as usual.
 */
export const ReloginDialog = ({ reauth }: { reauth: Reauth }) => {
  const user = useSyncExternalStore(reauth.subscribe, reauth.pending);
  const authProvider = useAuthProvider();
  const logout = useLogout();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const titleId = useId();

  if (!user || !authProvider) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await authProvider.login({ username: user.email, password });
      setPassword('');
      notify('auth.relogin.success', { type: 'success' });
      // Lists and pages that failed meanwhile load again; a form keeps what was typed (its
      // record is unchanged, so react-admin does not reset it).
      refresh();
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      setError(
        message === 'ra.auth.sign_in_error'
          ? translate('auth.relogin.wrongPassword')
          : translate('auth.relogin.failed', { message }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      aria-labelledby={titleId}
      // Only signing in or out closes it: a click beside it must not drop the user back
      // onto a page whose requests all fail.
      disableEscapeKeyDown
      maxWidth="xs"
      fullWidth
      data-testid="relogin-dialog"
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <DialogTitle id={titleId} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <LockClockIcon color="warning" />
          {translate('auth.relogin.title')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{translate('auth.relogin.explanation')}</DialogContentText>
            <TextField
              label={translate('auth.relogin.email')}
              value={user.email}
              autoComplete="username"
              slotProps={{ input: { readOnly: true } }}
              fullWidth
            />
            <TextField
              label={translate('auth.relogin.password')}
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="current-password"
              autoFocus
              required
              fullWidth
              error={!!error}
            />
            {error ? <Alert severity="error">{error}</Alert> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void logout()} disabled={busy}>
            {translate('auth.relogin.signOut')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy || !password}
            startIcon={busy ? <CircularProgress size={16} /> : undefined}
          >
            {translate('auth.relogin.signIn')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
