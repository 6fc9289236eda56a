import FeedbackIcon from '@mui/icons-material/Feedback';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** 借款人反馈: the triage list and one feedback's page with its status actions. */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./FeedbackList')),
  show: lazy(() => import('./FeedbackShow')),
  icon: FeedbackIcon,
  recordRepresentation: 'receiptCode',
};

export default resource;
