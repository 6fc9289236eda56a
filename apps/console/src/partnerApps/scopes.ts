import { PARTNER_SCOPES } from '@arrears/domain';

import { permissionKey } from '../common/access';

export interface ScopeChoice {
  id: string;
  /** A translation key: `users.permissions.<scope>`. */
  name: string;
}

/** The scopes a partner app can be granted (the domain's list, the one the API validates against). */
export const SCOPE_CHOICES: ScopeChoice[] = PARTNER_SCOPES.map((scope) => ({
  id: scope,
  name: `users.permissions.${permissionKey(scope)}`,
}));

/**
 * The API names a refused scope by its position (`scopes.2`); the checkbox group is one input,
 * so its message goes under `scopes`.
 */
export const onScopesInput = (errors: Record<string, string>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [source, message] of Object.entries(errors)) {
    const target = /^scopes\.\d+$/.test(source) ? 'scopes' : source;
    out[target] = out[target] ? `${out[target]}; ${message}` : message;
  }
  return out;
};
