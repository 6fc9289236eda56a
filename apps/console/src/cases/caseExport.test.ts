import { describe, expect, it } from 'vitest';

import type { CaseListItem } from '../dataProvider/types';
import { casesCsv, csvAmount, csvDateTime, toCsv } from './caseExport';

const record: CaseListItem = {
  id: 'c1',
  loanNumber: 'PSBC-CL-2025-001328',
  product: 'CREDIT_LOAN',
  institution: { id: 'i1', code: 'PSBC', timeZone: 'Asia/Shanghai' },
  borrower: { id: 'b1', fullName: '张三丰' },
  assignee: { id: 'u1', displayName: '田静燕' },
  status: 'IN_PROGRESS',
  stage: 'PHONE',
  outstandingAmount: '240644.8',
  dpd: 178,
  overdueSince: '2026-05-29',
  bucket: 'M6_PLUS',
  priority: 79,
  createdAt: '2026-03-01T14:30:00.000Z',
  lastContact: { id: 'k1', occurredAt: '2026-10-19T01:05:00.000Z' },
};

const translate = (key: string) => `«${key.split('.').pop()}»`;

describe('casesCsv', () => {
  it('exports the list columns with masked names, decimal amounts and zoned times', () => {
    const lines = casesCsv([record], translate).replace('\ufeff', '').split('\r\n');
    expect(lines[0]).toBe(
      '«loanNumber»,«code»,«fullName»,«product»,«status»,«stage»,«bucket»,«dpd»,«outstandingAmount»,«priority»,«displayName»,«occurredAt»,«createdAt»',
    );
    expect(lines[1]).toBe(
      'PSBC-CL-2025-001328,PSBC,张**,«CREDIT_LOAN»,«IN_PROGRESS»,«PHONE»,M6_PLUS,178,240644.80,79,田静燕,2026-10-19 09:05,2026-03-01 22:30',
    );
    expect(lines[2]).toBe('');
  });

  it('leaves empty cells for an unassigned, never contacted case', () => {
    const line = casesCsv([{ ...record, assignee: null, lastContact: null }], translate).split(
      '\r\n',
    )[1];
    expect(line?.endsWith(',79,,,2026-03-01 22:30')).toBe(true);
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark and quotes what needs quoting', () => {
    expect(toCsv([['a,b', 'say "hi"', 'line\nbreak', 'plain']])).toBe(
      '\ufeff"a,b","say ""hi""","line\nbreak",plain\r\n',
    );
  });

  it('neutralises formulas but keeps negative numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '-12.50', '@cmd']])).toBe(
      '\ufeff"\'=HYPERLINK(""x"")",-12.50,\'@cmd\r\n',
    );
  });
});

describe('cells', () => {
  it('writes amounts with two decimals and times in the given zone', () => {
    expect(csvAmount('12')).toBe('12.00');
    expect(csvAmount('oops')).toBe('oops');
    expect(csvDateTime('2026-03-01T14:30:00Z', 'America/New_York')).toBe('2026-03-01 09:30');
    expect(csvDateTime(null, 'Asia/Shanghai')).toBe('');
    expect(csvDateTime('2026-03-01T14:30:00Z', 'Mars/Olympus')).toBe('2026-03-01 14:30');
  });
});
