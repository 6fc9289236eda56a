import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { inTransaction, type RequestContext } from '../graphql/context.js';
import { verifyPassword } from '../modules/user/password.js';
import { User } from '../modules/user/user.entity.js';
import type { AccessTokens } from './access-token.js';
import { UnauthenticatedError } from './errors.js';
import type { RevokedSessions } from './revoked-sessions.js';
import { Session } from './session.entity.js';

const SESSION_DAYS = 7;
/** Failed logins in a row before the account locks, and for how long. */
const LOGIN_LOCKOUT = { maxFailures: 5, lockMinutes: 15 } as const;
const INVALID_LOGIN = 'The email or password is not correct, or the account is locked';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: User;
}

function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class AuthService {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly revoked: RevokedSessions,
  ) {}

  /**
   * One answer for a wrong email, a wrong password and a locked account, so the endpoint
   * tells an attacker nothing; failures count towards a lockout of the account. Each outcome
   * is written in a transaction of its own (the audit chain needs one), and a failure is
   * committed before it is reported.
   */
  async login(ctx: RequestContext, email: string, password: string): Promise<IssuedSession> {
    const session = await inTransaction(ctx, (tx) => this.attemptLogin(tx, email, password));
    if (!session) throw new UnauthenticatedError(INVALID_LOGIN);
    return session;
  }

  /** The session, or null for a wrong password (the failure counted). */
  private async attemptLogin(
    ctx: RequestContext,
    email: string,
    password: string,
  ): Promise<IssuedSession | null> {
    await ctx.rateLimits.consume('login-ip', ctx.clientIp);
    const user = await ctx.em.findOne(
      User,
      { email: email.trim().toLowerCase() },
      { populate: ['passwordHash'], filters: false },
    );
    if (!user || !user.active) throw new UnauthenticatedError(INVALID_LOGIN);
    if (user.lockedUntil && user.lockedUntil > ctx.now)
      throw new UnauthenticatedError(INVALID_LOGIN);
    if (!(await verifyPassword(user.passwordHash, password))) {
      user.failedLogins += 1;
      if (user.failedLogins >= LOGIN_LOCKOUT.maxFailures) {
        user.lockedUntil = new Date(ctx.now.getTime() + LOGIN_LOCKOUT.lockMinutes * 60_000);
        user.failedLogins = 0;
      }
      await ctx.em.flush();
      return null;
    }
    user.failedLogins = 0;
    user.lockedUntil = null;
    return this.openSession(ctx.em, user, ctx.now);
  }

  /** Trades a refresh token for a new pair; the old refresh token stops working. */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<IssuedSession> {
    const session = await ctx.em.findOne(
      Session,
      { refreshTokenHash: hashRefreshToken(refreshToken) },
      { populate: ['user'], filters: false },
    );
    if (!session || session.revokedAt || session.expiresAt <= ctx.now) {
      throw new UnauthenticatedError('The session has ended; sign in again');
    }
    const user = session.user.getEntity();
    if (!user.active) throw new UnauthenticatedError('The session has ended; sign in again');
    session.revokedAt = ctx.now;
    return this.openSession(ctx.em, user, ctx.now);
  }

  async logout(ctx: RequestContext, sessionId: string): Promise<void> {
    await inTransaction(ctx, async (tx) => {
      const session = await tx.em.findOne(Session, { id: sessionId }, { filters: false });
      if (session && !session.revokedAt) session.revokedAt = tx.now;
      await tx.em.flush();
    });
    await this.revoked.revoke(sessionId, ctx.now);
  }

  private async openSession(em: EntityManager, user: User, now: Date): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(now.getTime() + SESSION_DAYS * 24 * 3600_000);
    const session = em.create(Session, {
      institution: user.institution,
      user,
      refreshTokenHash: hashRefreshToken(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    await em.flush();
    const { token, expiresAt } = await this.tokens.sign(
      {
        userId: user.id,
        sessionId: session.id,
        institutionId: user.institution.id,
        role: user.role,
      },
      now,
    );
    return { token, expiresAt, refreshToken, refreshExpiresAt, user };
  }
}
