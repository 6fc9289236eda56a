import { useLocaleState, useTranslate, type TranslateFunction } from 'react-admin';

import { formatDateTime } from '../common/dateTime';
import type { PolicyRefusal } from '../common/errors';
import { useInstitutionTimeZone } from '../common/institution';
import { PolicyRefusalAlert } from '../common/PolicyRefusal';

/** "Allowed again from 2026/11/24 08:00 (Asia/Shanghai)", or that only an event can allow it. */
const nextAllowedText = (
  translate: TranslateFunction,
  refusal: PolicyRefusal,
  locale: string,
  timeZone: string,
): string =>
  refusal.nextAllowedAt
    ? translate('visits.refusal.nextAllowedAt', {
        time: `${formatDateTime(refusal.nextAllowedAt, locale, timeZone)} (${timeZone})`,
      })
    : translate('visits.refusal.noNextTime');

/** The refusal in one sentence, for the notification: the rules' names and the next allowed time. */
export const useRefusalSummary = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const timeZone = useInstitutionTimeZone();
  return (refusal: PolicyRefusal): string => {
    const rules = refusal.rules
      .map((rule) => translate(`enums.policyRule.${rule.code}`, { _: rule.code }))
      .join(translate('visits.refusal.separator'));
    return translate('visits.refusal.summary', {
      rules: rules || translate('visits.refusal.unknownRule'),
      next: nextAllowedText(translate, refusal, locale, timeZone),
    });
  };
};

/**
 * The collection policy's refusal of an action, in the dialog that asked for it: each rule by
 * its name and the API's explanation, and when the action would be allowed again (in the
 * institution's time zone), in the visit screens' words.
 */
export const VisitRefusalAlert = ({ refusal }: { refusal: PolicyRefusal }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const timeZone = useInstitutionTimeZone();
  return (
    <PolicyRefusalAlert
      title="visits.refusal.title"
      reasons={refusal.rules}
      nextAllowedAt={refusal.nextAllowedAt}
      timeZone={timeZone}
      next={nextAllowedText(translate, refusal, locale, timeZone)}
      separator={translate('visits.refusal.ruleSeparator')}
    />
  );
};
