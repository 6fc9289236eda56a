import TaskIcon from '@mui/icons-material/TaskAlt';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** 待办: a list only (the API has no single-task query); a row opens its case. */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./TaskList')),
  icon: TaskIcon,
};

export default resource;
