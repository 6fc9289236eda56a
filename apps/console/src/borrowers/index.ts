import BorrowerIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** Borrowers: a masked list and page; the clear values only through an audited reveal. */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./BorrowerList')),
  show: lazy(() => import('./BorrowerShow')),
  icon: BorrowerIcon,
  recordRepresentation: 'fullName',
};

export default resource;
