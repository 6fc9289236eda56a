import PartnerAppIcon from '@mui/icons-material/VpnKey';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** Partner apps (API clients), for admins: list with rotate/revoke, and create. */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./PartnerAppList')),
  create: lazy(() => import('./PartnerAppCreate')),
  icon: PartnerAppIcon,
  recordRepresentation: 'name',
};

export default resource;
