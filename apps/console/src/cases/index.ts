import CaseIcon from '@mui/icons-material/AssignmentLate';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** The case screens, each loaded when its route is first opened. */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./CaseList')),
  show: lazy(() => import('./CaseShow')),
  icon: CaseIcon,
  recordRepresentation: 'loanNumber',
};

export default resource;
