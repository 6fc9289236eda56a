import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError, isPartnerScope, requireText, type Permission } from '@arrears/domain';
import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../../auth/actor.js';
import type { RequestContext } from '../../graphql/context.js';
import { paginate, type Page, type PageArgs } from '../../graphql/pagination.js';
import { findOrFail } from '../common/lookup.js';
import { User } from '../user/user.entity.js';
import { PartnerApp } from './partner-app.entity.js';
import type { CreatePartnerAppInput, PartnerAppWithKey } from './partner-app.inputs.js';

/** `ark_<prefix>_<secret>`: the prefix finds the app, the secret proves the caller holds the key. */
const KEY = /^ark_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function newKey(): { key: string; prefix: string } {
  const prefix = randomBytes(8).toString('hex').slice(0, 12);
  return { key: `ark_${prefix}_${randomBytes(32).toString('base64url')}`, prefix };
}

export class PartnerAppService {
  list(ctx: RequestContext, args: PageArgs): Promise<Page<PartnerApp>> {
    return paginate(ctx.em, PartnerApp, {
      where: {},
      order: [{ prop: 'createdAt', direction: 'DESC', kind: 'date' }],
      args,
    });
  }

  async create(ctx: RequestContext, input: CreatePartnerAppInput): Promise<PartnerAppWithKey> {
    if (ctx.actor.kind !== 'user')
      throw new ValidationError('actor', 'partner apps are created by people');
    const scopes = this.scopes(input.scopes);
    const { key, prefix } = newKey();
    const app = ctx.em.create(PartnerApp, {
      institution: ctx.actor.institutionId,
      name: requireText(input.name, 'name', { max: 100 }),
      scopes,
      keyPrefix: prefix,
      keyHash: hashKey(key),
      createdBy: ctx.em.getReference(User, ctx.actor.id),
    });
    await ctx.em.flush();
    return { app, apiKey: key };
  }

  /** A new key replaces the old one at once. */
  async rotate(ctx: RequestContext, id: string): Promise<PartnerAppWithKey> {
    const app = await findOrFail(ctx.em, PartnerApp, { id, revokedAt: null });
    const { key, prefix } = newKey();
    app.keyPrefix = prefix;
    app.keyHash = hashKey(key);
    await ctx.em.flush();
    return { app, apiKey: key };
  }

  async revoke(ctx: RequestContext, id: string): Promise<PartnerApp> {
    const app = await findOrFail(ctx.em, PartnerApp, { id });
    app.revokedAt ??= ctx.now;
    await ctx.em.flush();
    return app;
  }

  private scopes(requested: string[]): Permission[] {
    if (requested.length === 0) throw new ValidationError('scopes', 'grant at least one scope');
    for (const [i, scope] of requested.entries()) {
      if (!isPartnerScope(scope))
        throw new ValidationError(`scopes.${i}`, `"${scope}" is not a partner scope`);
    }
    return [...new Set(requested)] as Permission[];
  }
}

/**
 * The actor behind an API key, or null for an unknown, malformed or revoked one. Runs before
 * any tenant is known, so it looks across institutions on purpose.
 */
export async function authenticatePartnerKey(
  em: EntityManager,
  key: string,
  now: Date,
): Promise<Actor | null> {
  const match = KEY.exec(key);
  if (!match) return null;
  const app = await em.findOne(
    PartnerApp,
    { keyPrefix: match[1]!, revokedAt: null },
    { populate: ['keyHash'], filters: false },
  );
  if (!app) return null;
  const expected = Buffer.from(app.keyHash, 'hex');
  if (!timingSafeEqual(expected, Buffer.from(hashKey(key), 'hex'))) return null;
  // Last use is for the admin's eyes: a minute's precision saves a write per request.
  if (!app.lastUsedAt || now.getTime() - app.lastUsedAt.getTime() > 60_000) {
    await em.nativeUpdate(PartnerApp, { id: app.id }, { lastUsedAt: now }, { filters: false });
  }
  return { kind: 'partner', id: app.id, institutionId: app.institution.id, scopes: app.scopes };
}
