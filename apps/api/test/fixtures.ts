/** Inputs the end-to-end suites make up: valid, fresh, and computed independently of the API. */

export const DAY = 86_400_000;
const SHANGHAI = 8 * 3600_000;

/** A valid GB 11643 national ID: the check character computed here, not by the domain package. */
export function nationalId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

let serial = 0;
/** A fresh valid national ID per call (region 110101, born 1985): the seed never makes these. */
export function freshNationalId(): string {
  serial += 1;
  const day = String(10 + (Math.floor(serial / 1000) % 18));
  return nationalId(`110101198501${day}${String(serial % 1000).padStart(3, '0')}`);
}

/** A fresh mainland mobile per call, in a range the seed does not use. */
export function freshPhone(): string {
  serial += 1;
  return `1390${String(serial).padStart(7, '0')}`;
}

/** Calendar date in Asia/Shanghai, `days` from today. */
export function shanghaiDate(days = 0): string {
  return new Date(Date.now() + SHANGHAI + days * DAY).toISOString().slice(0, 10);
}

/** The instant of `hour`:00 in Asia/Shanghai, `days` from today. */
export function shanghaiAt(days: number, hour: number): string {
  return new Date(
    Date.parse(`${shanghaiDate(days)}T00:00:00Z`) - SHANGHAI + hour * 3600_000,
  ).toISOString();
}

/** A recent past instant in daytime (10:00–20:00 Shanghai), so no quiet-hours rule gets in the way. */
export function recentDaytime(): string {
  const hour = new Date(Date.now() + SHANGHAI).getUTCHours();
  if (hour >= 11 && hour < 21) return new Date(Date.now() - 30 * 60_000).toISOString();
  return shanghaiAt(hour >= 21 ? 0 : -1, 20);
}

/**
 * Why `dueAt` is not the end of the first business day after `submittedAt` in Asia/Shanghai
 * (weekends and statutory holidays off, make-up workdays on), or null when it is. The
 * calendar data is the holiday package's; the day arithmetic is done here.
 */
export function acknowledgeDeadlineProblem(
  submittedAt: Date,
  dueAt: Date,
  calendar: { holidays: string[]; workdays: string[] },
): string | null {
  const day = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
  const isBusinessDay = (date: string) => {
    if (calendar.workdays.includes(date)) return true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(date);
  };
  let expected = Date.parse(`${day(submittedAt.getTime())}T00:00:00Z`) + DAY;
  while (!isBusinessDay(new Date(expected).toISOString().slice(0, 10))) expected += DAY;
  const endOfThatDay = expected + DAY - SHANGHAI;
  return dueAt.getTime() === endOfThatDay
    ? null
    : `expected ${new Date(endOfThatDay).toISOString()}, got ${dueAt.toISOString()}`;
}
