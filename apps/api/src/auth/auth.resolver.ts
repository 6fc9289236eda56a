import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { inTransaction, type RequestContext } from '../graphql/context.js';
import type { IssuedSession } from './auth.service.js';
import { scopeToActor } from './data-scope.js';
import { findOrFail } from '../modules/common/lookup.js';
import { User } from '../modules/user/user.entity.js';

@ObjectType('AuthPayload', { description: 'Send `token` as `Authorization: Bearer <token>`.' })
export class AuthPayload {
  @Field(() => String) token!: string;
  @Field(() => Date) expiresAt!: Date;

  @Field(() => String, {
    description: 'Trade it for a new token with refreshSession before expiresAt.',
  })
  refreshToken!: string;

  @Field(() => Date) refreshExpiresAt!: Date;
  @Field(() => User) user!: User;
}

/** The rest of this response (the payload's user) is read as the user who just signed in. */
function signedIn(ctx: RequestContext, session: IssuedSession): IssuedSession {
  const { user } = session;
  scopeToActor(ctx.em, {
    kind: 'user',
    id: user.id,
    institutionId: user.institution.id,
    role: user.role,
    sessionId: '',
  });
  return session;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => AuthPayload, { description: 'Public: sign in with email and password.' })
  async login(
    @Ctx() ctx: RequestContext,
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
  ): Promise<AuthPayload> {
    return signedIn(ctx, await ctx.auth.login(ctx, email, password));
  }

  @Mutation(() => AuthPayload, {
    description: 'Public: a new token for a refresh token; the old one stops working.',
  })
  async refreshSession(
    @Ctx() ctx: RequestContext,
    @Arg('refreshToken', () => String) refreshToken: string,
  ): Promise<AuthPayload> {
    return signedIn(ctx, await inTransaction(ctx, (tx) => ctx.auth.refresh(tx, refreshToken)));
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: 'Ends this session: its refresh token and access token stop working.',
  })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (ctx.actor.kind !== 'user') return false;
    await ctx.auth.logout(ctx, ctx.actor.sessionId);
    return true;
  }

  @Authorized()
  @Query(() => User, {
    nullable: true,
    description: 'The signed-in user (null for a partner app).',
  })
  me(@Ctx() ctx: RequestContext): Promise<User> | null {
    return ctx.actor.kind === 'user' ? findOrFail(ctx.em, User, { id: ctx.actor.id }) : null;
  }
}
