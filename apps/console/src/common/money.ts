import { Money } from '@arrears/domain';

/**
 * A `Decimal` string of yuan as people read it: "12345.6" → "¥12,345.60". The domain's
 * `Money` parses the string into integer fen and prints it back, so no float is involved and
 * the console shows amounts exactly as letters and reports do. A value that is not a valid
 * amount is shown as it came rather than hidden.
 */
export const formatYuan = (decimal: string): string => {
  try {
    return Money.parse(decimal).format();
  } catch {
    return decimal;
  }
};
