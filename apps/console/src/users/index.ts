import UserIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** Staff of the institution: list, show, and for admins create and (de)activate. */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./UserList')),
  show: lazy(() => import('./UserShow')),
  create: lazy(() => import('./UserCreate')),
  icon: UserIcon,
  recordRepresentation: 'displayName',
};

export default resource;
