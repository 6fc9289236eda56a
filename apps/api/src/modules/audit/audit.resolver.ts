import { Permission } from '@arrears/domain';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { RequestContext } from '../../graphql/context.js';
import { Connection, PageArgs } from '../../graphql/pagination.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditEventFilter } from './audit.inputs.js';
import { AuditService } from './audit.service.js';

export const AuditEventConnection = Connection(AuditEvent, 'AuditEventConnection');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

@ObjectType('AuditChainReport')
export class AuditChainReport {
  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => Int, {
    description: 'Events found intact before the first broken link (all of them when ok).',
  })
  checked!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Sequence of the first event that breaks the chain.',
  })
  brokenAtSequence!: number | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  private readonly service = new AuditService();

  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first.' })
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter?: AuditEventFilter | null,
  ): Promise<AuditEventConnection> {
    return Object.assign(
      new AuditEventConnection(),
      await this.service.list(ctx, page, filter ?? {}),
    );
  }

  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditChainReport, {
    description:
      "Recomputes every hash of the institution's audit chain and reports the first broken link.",
  })
  async verifyAuditChain(
    @Ctx() ctx: RequestContext,
    @Arg('institutionId', () => ID) institutionId: string,
  ): Promise<AuditChainReport> {
    const report = await this.service.verify(ctx, institutionId);
    return Object.assign(new AuditChainReport(), {
      ok: report.ok,
      checked: report.checked,
      brokenAtSequence: report.ok ? null : report.brokenAt,
      reason: report.ok ? null : report.reason,
    });
  }
}
