import { Typography } from '@mui/material';
import { useFieldValue, useGetManyAggregate, useTranslate, type FieldProps } from 'react-admin';

import type { UserRecord } from '../dataProvider/types';
import { parseActor } from './actor';

/** The start of a long id, enough to tell ids apart on screen. */
export const shortId = (id: string): string => (id.length > 10 ? `${id.slice(0, 8)}…` : id);

/**
 * An audit event's actor as a person reads it: the user's display name (looked up once for
 * the whole page), a partner app by its id, the system, or someone not signed in (a login).
 * The raw actor is in the tooltip; a user who cannot be looked up is shown by a short id.
 */
export const ActorField = ({
  source = 'actor',
  ...props
}: Omit<FieldProps, 'source'> & { source?: string }) => {
  const value = useFieldValue({ ...props, source });
  const translate = useTranslate();
  const actor = parseActor(typeof value === 'string' ? value : '');
  const userId = actor.kind === 'user' ? actor.id : undefined;
  const users = useGetManyAggregate<UserRecord>(
    'users',
    { ids: userId ? [userId] : [] },
    { enabled: userId !== undefined, retry: false },
  );
  if (typeof value !== 'string' || !value) return null;

  let text: string;
  switch (actor.kind) {
    case 'user':
      text = users.data?.find((user) => user?.id === actor.id)?.displayName ?? shortId(actor.id);
      break;
    case 'partner':
      text = translate('audit.actor.partner', { name: shortId(actor.id) });
      break;
    case 'system':
      text = translate('audit.actor.system');
      break;
    case 'anonymous':
      text = translate('audit.actor.anonymous');
      break;
    default:
      text = actor.raw;
  }
  return (
    <Typography component="span" variant="body2" title={value} sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  );
};
