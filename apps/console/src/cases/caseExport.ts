import { maskName, Money } from '@arrears/domain';

import { sortableDateTime } from '../common/dateTime';
import type { CaseListItem } from '../dataProvider/types';

/**
 * The case list as CSV: the list's own columns, personal data masked (the borrower's name as
 * 张**; the list never fetches the national ID or phones), amounts as exact decimals, times in
 * the case's institution's zone, enum values by their label in the user's language.
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A formula-looking cell ("=HYPERLINK(…)") is neutralised for spreadsheets. */
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const cell = (value: string): string => {
  const safe = FORMULA.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Rows as RFC 4180 CSV with CRLF line ends, led by a byte-order mark so that spreadsheet
 * programs read the Chinese text as UTF-8.
 */
export const toCsv = (rows: readonly (readonly string[])[]): string =>
  `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;

/** "2026-03-01 22:30" in `timeZone`: sortable, and what spreadsheet programs read as a time. */
export const csvDateTime = (iso: string | null | undefined, timeZone: string): string => {
  if (!iso) return '';
  return sortableDateTime(iso, timeZone)?.text ?? iso;
};

/** An amount as a plain decimal with two places ("240644.80"), as spreadsheets sum it. */
export const csvAmount = (decimal: string): string => {
  try {
    return Money.parse(decimal).toDecimalString();
  } catch {
    return decimal;
  }
};

/** The exported columns: a header label key and the cell of a record. */
const COLUMNS: readonly [label: string, value: (record: CaseListItem, t: Translate) => string][] = [
  ['resources.cases.fields.loanNumber', (r) => r.loanNumber],
  ['resources.cases.fields.institution.code', (r) => r.institution?.code ?? ''],
  [
    'resources.cases.fields.borrower.fullName',
    (r) => (r.borrower ? maskName(r.borrower.fullName) : ''),
  ],
  ['resources.cases.fields.product', (r, t) => t(`enums.product.${r.product}`)],
  ['resources.cases.fields.status', (r, t) => t(`enums.caseStatus.${r.status}`)],
  ['resources.cases.fields.stage', (r, t) => t(`enums.caseStage.${r.stage}`)],
  ['resources.cases.fields.bucket', (r) => r.bucket],
  ['resources.cases.fields.dpd', (r) => String(r.dpd)],
  ['resources.cases.fields.outstandingAmount', (r) => csvAmount(r.outstandingAmount)],
  ['resources.cases.fields.priority', (r) => String(r.priority)],
  ['resources.cases.fields.assignee.displayName', (r) => r.assignee?.displayName ?? ''],
  [
    'resources.cases.fields.lastContact.occurredAt',
    (r) => csvDateTime(r.lastContact?.occurredAt, r.institution?.timeZone ?? 'UTC'),
  ],
  [
    'resources.cases.fields.createdAt',
    (r) => csvDateTime(r.createdAt, r.institution?.timeZone ?? 'UTC'),
  ],
];

/** The CSV of the given cases, headers in the user's language. */
export const casesCsv = (records: readonly CaseListItem[], translate: Translate): string =>
  toCsv([
    COLUMNS.map(([label]) => translate(label)),
    ...records.map((record) => COLUMNS.map(([, value]) => value(record, translate))),
  ]);

/** "cases-20260301-2230": the export's file name, stamped in the viewer's clock. */
export const exportFileName = (prefix: string, now: Date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
};
