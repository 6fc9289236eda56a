import { AuditEvent } from '../modules/audit/audit-event.entity.js';
import { BorrowerPhoneIndex } from '../modules/borrower/borrower-phone-index.entity.js';
import { Borrower } from '../modules/borrower/borrower.entity.js';
import { ThirdParty } from '../modules/borrower/third-party.entity.js';
import { Session } from '../auth/session.entity.js';
import { Case } from '../modules/case/case.entity.js';
import { BaseEntity, TenantEntity } from '../modules/common/base.entity.js';
import { Contact } from '../modules/contact/contact.entity.js';
import { Feedback } from '../modules/feedback/feedback.entity.js';
import { IdempotencyRecord } from '../modules/idempotency/idempotency-record.entity.js';
import { Institution } from '../modules/institution/institution.entity.js';
import { PartnerApp } from '../modules/partner-app/partner-app.entity.js';
import { User } from '../modules/user/user.entity.js';
import { CaseHold } from '../modules/hold/case-hold.entity.js';
import { Payment } from '../modules/payment/payment.entity.js';
import { Installment } from '../modules/plan/installment.entity.js';
import { RepaymentPlan } from '../modules/plan/repayment-plan.entity.js';
import { Task } from '../modules/task/task.entity.js';
import { VisitCollector } from '../modules/visit/visit-collector.entity.js';
import { Visit } from '../modules/visit/visit.entity.js';

export const entities = [
  BaseEntity,
  TenantEntity,
  Institution,
  User,
  Session,
  PartnerApp,
  Borrower,
  BorrowerPhoneIndex,
  ThirdParty,
  Case,
  Contact,
  Visit,
  VisitCollector,
  Feedback,
  CaseHold,
  RepaymentPlan,
  Installment,
  Payment,
  Task,
  AuditEvent,
  IdempotencyRecord,
];
