import AuditIcon from '@mui/icons-material/Policy';
import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

/** 审计日志: read-only list and show, with hash-chain verification; for auditors and admins. */
const resource: Omit<ResourceProps, 'name'> = {
  list: lazy(() => import('./AuditEventList')),
  show: lazy(() => import('./AuditEventShow')),
  icon: AuditIcon,
  recordRepresentation: (record) => `#${String(record.sequence)}`,
};

export default resource;
