import {
  Bucket,
  CaseStage,
  CaseStatus,
  ContactChannel,
  ContactOutcome,
  ContactResult,
  Product,
  VisitStatus,
} from '@arrears/domain';

import type { AppMessages } from '../i18n/zh-CN';

export type EnumName = keyof AppMessages['enums'];

export interface EnumChoice {
  id: string;
  /** A translation key; react-admin's choice inputs and fields translate it. */
  name: string;
}

const choices = (name: EnumName, values: readonly string[]): EnumChoice[] =>
  values.map((id) => ({ id, name: `enums.${name}.${id}` }));

/** Choices for every schema enum the console shows, labelled through `enums.<name>.<value>`. */
export const ENUM_CHOICES: Record<EnumName, EnumChoice[]> = {
  caseStatus: choices('caseStatus', Object.values(CaseStatus)),
  caseStage: choices('caseStage', Object.values(CaseStage)),
  bucket: choices('bucket', Object.values(Bucket)),
  product: choices('product', Object.values(Product)),
  contactChannel: choices('contactChannel', Object.values(ContactChannel)),
  contactResult: choices('contactResult', Object.values(ContactResult)),
  contactOutcome: choices('contactOutcome', Object.values(ContactOutcome)),
  visitStatus: choices('visitStatus', Object.values(VisitStatus)),
};
