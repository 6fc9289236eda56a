/** A permission (`cases:read`) as a message key segment: `cases_read` (`users.permissions.cases_read`). */
export const permissionKey = (permission: string): string => permission.replace(/:/g, '_');
