import ContactIcon from '@mui/icons-material/PhoneInTalk';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/**
 * Contacts (催记): a read-only list. A contact is logged on its case's page, where the
 * collection policy is asked first.
 */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./ContactList')),
  icon: ContactIcon,
};

export default resource;
