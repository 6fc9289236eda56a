import { DateTimeInput, TextInput, useTranslate, type Validator } from 'react-admin';

import { parseAmount } from './planMath';
import { fromZonedWall } from './zonedTime';

/** The translation key of a case form's input label (`resources.cases.form.<name>`). */
export const formLabel = (name: string) => `resources.cases.form.${name}`;

/** Form values as react-admin hands them to validators: nested, untyped. */
type Values = Record<string, unknown>;

/** Reads a dotted path ("plan.total") out of the form values. */
export const valueAt = (values: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (current, key) =>
        typeof current === 'object' && current !== null
          ? (current as Record<string, unknown>)[key]
          : undefined,
      values,
    );

/** A positive amount of yuan with at most two decimals. */
export const validAmount: Validator = (value) =>
  value === undefined || value === null || value === '' || parseAmount(value)
    ? undefined
    : 'resources.cases.validation.amount';

/** A wall time that the institution's zone can read. */
export const validWallTime =
  (timeZone: string): Validator =>
  (value) =>
    value === undefined || value === null || value === '' || fromZonedWall(value, timeZone)
      ? undefined
      : 'resources.cases.validation.dateTime';

/** Not after now (a minute's grace for clocks). */
export const notInFuture =
  (timeZone: string): Validator =>
  (value) => {
    const instant = fromZonedWall(value, timeZone);
    return instant && new Date(instant).getTime() > Date.now() + 60_000
      ? 'resources.cases.validation.notInFuture'
      : undefined;
  };

/** After the wall time at `startPath`. */
export const afterStart =
  (timeZone: string, startPath: string): Validator =>
  (value, values: Values) => {
    const end = fromZonedWall(value, timeZone);
    const start = fromZonedWall(valueAt(values, startPath), timeZone);
    return end && start && new Date(end).getTime() <= new Date(start).getTime()
      ? 'resources.cases.validation.windowOrder'
      : undefined;
  };

/**
 * A date-time input whose value is the wall time in the institution's zone
 * ("2026-03-01T22:30"); `fromZonedWall` turns it into an instant on submit.
 */
export const ZonedDateTimeInput = ({
  source,
  label,
  timeZone,
  validate = [],
  helperText,
}: {
  source: string;
  label: string;
  timeZone: string;
  validate?: Validator[];
  helperText?: string;
}) => {
  const translate = useTranslate();
  return (
    <DateTimeInput
      source={source}
      label={label}
      format={(value: unknown) => (typeof value === 'string' ? value.slice(0, 16) : '')}
      parse={(value: string) => value}
      validate={[validWallTime(timeZone), ...validate]}
      helperText={helperText ?? translate('resources.cases.form.timeZoneHelp', { timeZone })}
    />
  );
};

/** An amount in yuan, kept as the typed text so it is never a float. */
export const AmountInput = ({
  source,
  label,
  validate = [],
  helperText,
}: {
  source: string;
  label: string;
  validate?: Validator[];
  helperText?: string | false;
}) => (
  <TextInput
    source={source}
    label={label}
    validate={[validAmount, ...validate]}
    helperText={helperText}
    slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
  />
);

/**
 * A key that makes a retried create safe (the API returns the first result for a key it has
 * seen). `crypto.randomUUID` needs a secure context; `getRandomValues` does not.
 */
export const newIdempotencyKey = (): string => {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
};
