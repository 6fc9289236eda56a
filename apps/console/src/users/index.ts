import UserIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/**
 * Staff of the institution: list and show. No create or edit: the API has no mutation for
 * users (`schema.graphql` offers `users` to read only).
 */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  icon: UserIcon,
  recordRepresentation: 'displayName',
};

export default resource;
