import { DateInput, type DateInputProps } from 'react-admin';

import { useInstitutionTimeZone } from '../common/institution';
import { boundDay, dayBound } from './time';

export type ZonedDayInputProps = DateInputProps & {
  /** `from`: the day's first instant; `to`: the next day's (the API's upper bounds are exclusive). */
  bound: 'from' | 'to';
};

/**
 * A day picked for an instant filter (`occurredFrom`, `windowTo` …): the user picks a day, the
 * filter holds the instant that day starts (or ends) in the institution's time zone.
 */
export const ZonedDayInput = ({ bound, ...props }: ZonedDayInputProps) => {
  const timeZone = useInstitutionTimeZone();
  return (
    <DateInput
      {...props}
      format={(value: unknown) => boundDay(value, bound, timeZone)}
      parse={(value: string) => (value ? dayBound(value, bound, timeZone) : null)}
    />
  );
};
