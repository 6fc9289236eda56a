import { describe, expect, it } from 'vitest';

import { formatYuan } from './money';

describe('formatYuan', () => {
  it.each([
    ['12345.60', '¥12,345.60'],
    ['12345.6', '¥12,345.60'],
    ['0', '¥0.00'],
    ['-1500.05', '-¥1,500.05'],
    // Beyond float precision: must come out digit for digit.
    ['90071992547409.91', '¥90,071,992,547,409.91'],
  ])('shows %s as %s', (decimal, shown) => {
    expect(formatYuan(decimal)).toBe(shown);
  });

  it.each(['', 'abc', '1e5', '1,000.00', '12.345'])(
    'shows %j as it came, since it is not an amount',
    (value) => {
      expect(formatYuan(value)).toBe(value);
    },
  );
});
