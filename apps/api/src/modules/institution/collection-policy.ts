import {
  CHINESE_STATUTORY_YEARS,
  DEFAULT_ESCALATION_LADDER,
  RULE_PACKS,
  RulePackCode,
  chineseStatutoryCalendar,
  tightenPack,
  type ContactCalendar,
  type EscalationLadder,
  type RulePack,
  type StatutoryCalendar,
} from '@arrears/domain';
import type { Institution } from './institution.entity.js';

/** The institution's pack with its own tightenings applied (they were checked when saved). */
export function effectivePack(institution: Institution): RulePack {
  return tightenPack(RULE_PACKS[institution.rulePack], institution.rulePackOverrides ?? {});
}

export function escalationLadderOf(institution: Institution): EscalationLadder {
  return institution.escalationLadder ?? DEFAULT_ESCALATION_LADDER;
}

/**
 * China's statutory arrangement from the year before `at` to the year after (enough for any
 * `nextAllowedAt` search or SLA deadline), clipped to the years the holiday package knows;
 * beyond them only weekends count.
 */
export function statutoryCalendarAround(at: Date): StatutoryCalendar {
  const year = at.getUTCFullYear();
  const from = Math.max(year - 1, CHINESE_STATUTORY_YEARS.from);
  const to = Math.min(year + 1, CHINESE_STATUTORY_YEARS.to);
  return from <= to ? chineseStatutoryCalendar(from, to) : { holidays: [], workdays: [] };
}

/** The no-contact calendar, when the institution turned it on (a policy choice, off by default). */
export function contactCalendarOf(institution: Institution, at: Date): ContactCalendar | undefined {
  return institution.holidayCalendar
    ? { blockHolidays: true, ...statutoryCalendarAround(at) }
    : undefined;
}

/**
 * Business days for service levels: under the CN pack the statutory arrangement (make-up
 * workdays included) whatever the contact calendar says; elsewhere weekends only.
 */
export function businessCalendarOf(
  institution: Institution,
  at: Date,
): StatutoryCalendar | undefined {
  return institution.rulePack === RulePackCode.CN ? statutoryCalendarAround(at) : undefined;
}
