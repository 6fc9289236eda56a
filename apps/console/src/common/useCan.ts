import { roleHasPermission, type Permission } from '@arrears/domain';
import { useCallback } from 'react';
import { usePermissions } from 'react-admin';

import { isRole } from '../auth';

/**
 * Whether the signed-in user's role grants a permission, by the domain's role table (the one
 * the API enforces, and checks again): actions the user may not take are not offered. While the
 * role is being read, nothing is granted.
 */
export const useCan = (): ((permission: Permission) => boolean) => {
  const { permissions } = usePermissions<unknown>();
  return useCallback(
    (permission: Permission) => isRole(permissions) && roleHasPermission(permissions, permission),
    [permissions],
  );
};
