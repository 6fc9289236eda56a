import { Role, roleHasPermission, type Permission } from '@arrears/domain';
import { usePermissions } from 'react-admin';

const ROLES: readonly string[] = Object.values(Role);

const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && ROLES.includes(value);

/**
 * Whether the signed-in user's role grants `permission`, by the domain's role table (the one
 * the API enforces): actions the user may not take are not offered. While the role is being
 * read, nothing is granted.
 */
export const useCan = (permission: Permission): boolean => {
  const { permissions } = usePermissions<unknown>();
  return isRole(permissions) && roleHasPermission(permissions, permission);
};
