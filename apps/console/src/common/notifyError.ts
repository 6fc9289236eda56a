import type { useNotify } from 'react-admin';

import { errorMessage, isForbidden } from './errors';

/** A failed action as a notification: "not for your role", or the API's message. */
export const notifyError = (notify: ReturnType<typeof useNotify>, error: unknown) =>
  notify(
    isForbidden(error)
      ? 'users.access.forbiddenAction'
      : (errorMessage(error) ?? 'ra.notification.http_error'),
    { type: 'error' },
  );
