import type { Money } from '@arrears/domain';
import { Bucket, CaseStage, CaseStatus, CloseReason, Product } from '@arrears/domain';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirection } from '../../graphql/enums.js';
import { DecimalScalar, LocalDateScalar } from '../../graphql/scalars.js';

@InputType()
export class CaseFilter {
  @Field(() => [ID], { nullable: true, description: 'Exactly these cases (at most 100).' })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true })
  institutionId?: string | null;

  @Field(() => ID, { nullable: true, description: "One borrower's cases." })
  borrowerId?: string | null;

  @Field(() => [CaseStatus], { nullable: true })
  status?: CaseStatus[] | null;

  @Field(() => [CaseStage], { nullable: true })
  stage?: CaseStage[] | null;

  @Field(() => [Bucket], { nullable: true })
  bucket?: Bucket[] | null;

  @Field(() => ID, { nullable: true, description: 'Cases assigned to this user.' })
  assigneeId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only unassigned cases; false: only assigned ones.',
  })
  unassigned?: boolean | null;

  @Field(() => Int, { nullable: true })
  dpdMin?: number | null;

  @Field(() => Int, { nullable: true })
  dpdMax?: number | null;

  @Field(() => DecimalScalar, { nullable: true })
  outstandingMin?: Money | null;

  @Field(() => DecimalScalar, { nullable: true })
  outstandingMax?: Money | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the borrower name or the loan number.',
  })
  search?: string | null;
}

export const CaseOrderField = {
  PRIORITY: 'PRIORITY',
  DPD: 'DPD',
  OVERDUE_SINCE: 'OVERDUE_SINCE',
  OUTSTANDING_AMOUNT: 'OUTSTANDING_AMOUNT',
  LOAN_NUMBER: 'LOAN_NUMBER',
  CREATED_AT: 'CREATED_AT',
} as const;
export type CaseOrderField = (typeof CaseOrderField)[keyof typeof CaseOrderField];
registerEnumType(CaseOrderField, { name: 'CaseOrderField' });

@InputType()
export class CaseOrder {
  @Field(() => CaseOrderField)
  field!: CaseOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}

@InputType()
export class CreateCaseInput {
  @Field(() => ID)
  institutionId!: string;

  @Field(() => ID)
  borrowerId!: string;

  @Field(() => String)
  loanNumber!: string;

  @Field(() => Product)
  product!: Product;

  @Field(() => DecimalScalar)
  principalAmount!: Money;

  @Field(() => DecimalScalar)
  outstandingAmount!: Money;

  @Field(() => DecimalScalar)
  overdueAmount!: Money;

  @Field(() => LocalDateScalar, { description: 'First day the loan was overdue.' })
  overdueSince!: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateCaseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version read; a stale one is refused with CONFLICT.' })
  version!: number;

  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => CloseReason, { nullable: true, description: 'Required when closing.' })
  closeReason?: CloseReason | null;

  @Field(() => CaseStage, { nullable: true })
  stage?: CaseStage | null;

  @Field(() => Int, { nullable: true })
  priority?: number | null;

  @Field(() => String, { nullable: true })
  nextAction?: string | null;

  @Field(() => Date, { nullable: true })
  nextActionAt?: Date | null;
}

@InputType()
export class AssignCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A collector or supervisor of the case institution; null unassigns.',
  })
  assigneeId?: string | null;
}
