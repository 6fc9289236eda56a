import { Alert, AlertTitle, Box, Button } from '@mui/material';
import { useMemo } from 'react';
import { useListContext, useNotify, useShowContext, useTranslate } from 'react-admin';

import { errorCode, errorMessage, isForbidden, isNotFound } from './errors';

/**
 * Why a page's data could not be read, as a person reads it: a role without permission gets
 * a plain "not for your role" (the API answered FORBIDDEN), a missing record says so, and any
 * other error shows the API's message with a retry.
 */
export const AccessErrorMessage = ({
  error,
  onRetry,
}: {
  error: unknown;
  onRetry?: (() => void) | undefined;
}) => {
  const translate = useTranslate();
  if (isForbidden(error)) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="warning" role="alert" data-testid="access-forbidden">
          <AlertTitle>{translate('users.access.forbiddenTitle')}</AlertTitle>
          {translate('users.access.forbiddenBody')}
        </Alert>
      </Box>
    );
  }
  if (isNotFound(error)) {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="info" role="alert">
          <AlertTitle>{translate('users.access.notFoundTitle')}</AlertTitle>
          {translate('users.access.notFoundBody')}
        </Alert>
      </Box>
    );
  }
  if (errorCode(error) === 'NOT_SUPPORTED') {
    return (
      <Box sx={{ p: 2 }}>
        <Alert severity="info" role="alert">
          <AlertTitle>{translate('users.access.notSupportedTitle')}</AlertTitle>
          {translate('users.access.notSupportedBody')}
        </Alert>
      </Box>
    );
  }
  return (
    <Box sx={{ p: 2 }}>
      <Alert
        severity="error"
        role="alert"
        action={
          onRetry ? (
            <Button color="inherit" size="small" onClick={onRetry}>
              {translate('ra.action.refresh')}
            </Button>
          ) : undefined
        }
      >
        <AlertTitle>{translate('users.access.errorTitle')}</AlertTitle>
        {errorMessage(error) ?? translate('ra.notification.http_error')}
      </Alert>
    </Box>
  );
};

/** For `<List error={…}>`: the list query's error. */
export const ListAccessError = () => {
  const { error, refetch } = useListContext();
  return <AccessErrorMessage error={error} onRetry={refetch} />;
};

/** For `<Show error={…}>`: the record query's error. */
export const ShowAccessError = () => {
  const { error, refetch } = useShowContext();
  return <AccessErrorMessage error={error} onRetry={refetch} />;
};

/**
 * `queryOptions` for a List or Show whose `error` element explains the failure: the page says
 * it, so FORBIDDEN and NOT_FOUND need no notification too (react-admin's default for Show would
 * even claim the record does not exist). Other errors are still notified.
 */
export const useAccessQueryOptions = () => {
  const notify = useNotify();
  return useMemo(
    () => ({
      onError: (error: unknown) => {
        if (isForbidden(error) || isNotFound(error)) return;
        const message = errorMessage(error);
        notify(message ?? 'ra.notification.http_error', {
          type: 'error',
          messageArgs: { _: message },
        });
      },
    }),
    [notify],
  );
};
