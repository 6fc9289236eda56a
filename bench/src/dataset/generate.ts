import { nationalIdCheckDigit } from '@arrears/domain';
import { blindIndex, encryptField } from '@arrears/api/dist/security/field-encryption.js';
import { INSTITUTIONS, PRNG_SEED, type SizeSpec } from '../config.js';
import { Rng } from '../prng.js';

/**
 * The benchmark dataset, row by row, as COPY text. Every value derives from PRNG_SEED and the
 * anchor day (UTC midnight the history ends at), so one seed and one anchor give the same
 * plaintext data; only the ciphertexts differ between loads, since AES-GCM takes a fresh IV.
 * Personal data goes through the API's own field-encryption module with the bench key.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year: local wall-clock times convert with a fixed offset. */
const UTC_OFFSET = 8 * HOUR;
const CONTACT_HISTORY_DAYS = 90;
const VISIT_HISTORY_DAYS = 60;
const UPCOMING_VISIT_DAYS = 14;

/** Streams of the PRNG, one per table. */
const STREAM = {
  institution: 1,
  user: 2,
  borrower: 3,
  thirdParty: 4,
  case: 5,
  contact: 6,
  visit: 7,
  plan: 8,
  feedback: 9,
  hold: 10,
  weights: 11,
} as const;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉兰志强文斌海燕红梅晓东春梅宇飞丹丹鹏欣怡子涵浩然雨萱梓轩思远佳怡俊杰';
const SURNAME_CHARS = [...SURNAMES];
const GIVEN_CHARS = [...GIVEN];
const REGIONS: readonly [string, string, string, string][] = [
  ['110105', '北京市', '北京市', '朝阳区'],
  ['310115', '上海市', '上海市', '浦东新区'],
  ['440106', '广东省', '广州市', '天河区'],
  ['440305', '广东省', '深圳市', '南山区'],
  ['330106', '浙江省', '杭州市', '西湖区'],
  ['320106', '江苏省', '南京市', '鼓楼区'],
  ['420106', '湖北省', '武汉市', '武昌区'],
  ['510107', '四川省', '成都市', '武侯区'],
  ['610113', '陕西省', '西安市', '雁塔区'],
  ['371302', '山东省', '临沂市', '兰山区'],
  ['530102', '云南省', '昆明市', '五华区'],
  ['410105', '河南省', '郑州市', '金水区'],
];
const STREETS = ['人民路', '解放路', '中山路', '建设路', '和平街', '新华路', '长安街', '幸福路'];
const EMPLOYERS = [
  '个体经营',
  '建筑公司',
  '物流公司',
  '餐饮店',
  '制造厂',
  '商贸公司',
  '无',
  '教育机构',
];
const CONTACT_NOTES = [
  '承诺本周还款',
  '称资金紧张',
  '要求稍后回电',
  '已发送还款提醒',
  '本人接听',
  '无人接听',
];
const VISIT_PURPOSES = ['核实地址并协商还款', '面谈还款计划', '了解逾期原因', '送达催收函'];
const FEEDBACK_MESSAGES = ['希望减少来电频次', '催收员态度很好', '请核实欠款金额', '申请延期还款'];
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** COPY text: NULL, and the escapes of the text format. */
function t(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

function row(values: (string | number | boolean | null | undefined)[]): string {
  return values.map(t).join('\t') + '\n';
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A local (Asia/Shanghai) time from 08:00 to 21:59 on the local day of the UTC date `dayUtcMs`. */
function workingHour(rng: Rng, dayUtcMs: number): number {
  return dayUtcMs - UTC_OFFSET + rng.int(8 * 60, 21 * 60 + 59) * MINUTE + rng.int(0, 59_999);
}

export interface TableData {
  name: string;
  columns: string[];
  /** COPY text, in chunks of many rows. */
  rows: () => Generator<string>;
}

interface UserRec {
  id: string;
  role: 'ADMIN' | 'SUPERVISOR' | 'COLLECTOR' | 'AUDITOR';
  email: string;
}

const STATUS_WEIGHTS = {
  NEW: 10,
  IN_PROGRESS: 48,
  PROMISED: 14,
  ON_HOLD: 3,
  ESCALATED: 13,
  CLOSED: 12,
} as const;
const STATUSES = Object.keys(STATUS_WEIGHTS) as (keyof typeof STATUS_WEIGHTS)[];

/**
 * Counts that sum exactly to `total` across `n` owners, in proportion to weights drawn from the
 * PRNG (0.1–1.9 of the mean): realistic spread with exact totals.
 */
function spread(
  total: number,
  n: number,
  key: number,
  weightOf?: (i: number) => number,
): Uint32Array {
  const rng = new Rng(PRNG_SEED, STREAM.weights, key);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++)
    prefix[i + 1] = prefix[i]! + (0.1 + rng.next() * 1.8) * (weightOf ? weightOf(i) : 1);
  const sum = prefix[n]!;
  const counts = new Uint32Array(n);
  const upTo = (i: number) => (i === n ? total : Math.floor((total * prefix[i]!) / sum));
  for (let i = 0; i < n; i++) counts[i] = upTo(i + 1) - upTo(i);
  return counts;
}

export interface DatasetPlan {
  tables: TableData[];
  counts: Record<string, number>;
}

/** Everything the child tables need to know about the cases and borrowers, made once. */
export function planDataset(spec: SizeSpec, anchorDay: string, passwordHash: string): DatasetPlan {
  const anchor = Date.parse(`${anchorDay}T00:00:00Z`);
  // The local day (Asia/Shanghai) that ends at the anchor, as a UTC ms of its local midnight.
  const localToday = anchor;
  const nInst = INSTITUTIONS.length;

  // --- institutions and staff
  const instIds: string[] = [];
  const instRng = new Rng(PRNG_SEED, STREAM.institution);
  for (let k = 0; k < nInst; k++) instIds.push(instRng.uuid7(anchor - 400 * DAY + k * MINUTE));

  const caseStart: number[] = [];
  const borrowerStart: number[] = [];
  {
    let c = 0;
    let b = 0;
    for (let k = 0; k < nInst; k++) {
      caseStart.push(c);
      borrowerStart.push(b);
      const cases =
        k === nInst - 1 ? spec.cases - c : Math.round(spec.cases * INSTITUTIONS[k]!.share);
      c += cases;
      b += Math.max(1, Math.round(cases * spec.borrowersPerCase));
    }
    caseStart.push(c);
    borrowerStart.push(b);
  }
  const nCases = spec.cases;
  const nBorrowers = borrowerStart[nInst]!;

  const users: UserRec[][] = [];
  const collectors: UserRec[][] = [];
  const userRng = new Rng(PRNG_SEED, STREAM.user);
  for (let k = 0; k < nInst; k++) {
    const code = INSTITUTIONS[k]!.code.toLowerCase();
    const cases = caseStart[k + 1]! - caseStart[k]!;
    const list: UserRec[] = [];
    const mk = (role: UserRec['role'], local: string) =>
      list.push({
        id: userRng.uuid7(anchor - 300 * DAY + list.length * MINUTE),
        role,
        email: `${local}@${code}.bench`,
      });
    mk('ADMIN', 'admin');
    mk('SUPERVISOR', 'supervisor1');
    mk('SUPERVISOR', 'supervisor2');
    mk('AUDITOR', 'auditor');
    const nCollectors = Math.max(4, Math.round(cases / 600));
    for (let i = 1; i <= nCollectors; i++) mk('COLLECTOR', `collector${i}`);
    users.push(list);
    collectors.push(list.filter((u) => u.role === 'COLLECTOR'));
  }

  // --- borrowers: ids and the blind index of each one's first phone (for dialled numbers)
  const borrowerIds: string[] = new Array(nBorrowers);
  const borrowerInst = new Uint8Array(nBorrowers);
  for (let k = 0; k < nInst; k++)
    for (let b = borrowerStart[k]!; b < borrowerStart[k + 1]!; b++) borrowerInst[b] = k;
  const borrowerRng = (b: number) => new Rng(PRNG_SEED, STREAM.borrower, b);
  const borrowerPhones = (rng: Rng) => {
    const phones = [
      `1${rng.pick(['3', '5', '7', '8', '9'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
    ];
    if (rng.chance(0.3))
      phones.push(
        `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
      );
    return phones;
  };
  const firstPhoneIndex: string[] = new Array(nBorrowers);
  for (let b = 0; b < nBorrowers; b++) {
    const rng = borrowerRng(b);
    borrowerIds[b] = rng.uuid7(anchor - 420 * DAY + b * 1000);
    firstPhoneIndex[b] = blindIndex(borrowerPhones(rng)[0]!);
  }

  // --- cases
  const caseIds: string[] = new Array(nCases);
  const caseInst = new Uint8Array(nCases);
  const caseBorrower = new Int32Array(nCases);
  const caseAssignee = new Int32Array(nCases); // index into collectors[k], -1 none
  const caseStatus = new Uint8Array(nCases);
  const caseOverdueSince = new Float64Array(nCases);
  const caseCreated = new Float64Array(nCases);
  for (let k = 0; k < nInst; k++) {
    const bFrom = borrowerStart[k]!;
    const bCount = borrowerStart[k + 1]! - bFrom;
    for (let i = caseStart[k]!; i < caseStart[k + 1]!; i++) {
      const rng = new Rng(PRNG_SEED, STREAM.case, i);
      const j = i - caseStart[k]!;
      caseInst[i] = k;
      caseBorrower[i] = j < bCount ? bFrom + j : bFrom + rng.int(0, bCount - 1);
      caseAssignee[i] = rng.chance(0.9) ? rng.int(0, collectors[k]!.length - 1) : -1;
      caseStatus[i] = STATUSES.indexOf(rng.weighted(STATUS_WEIGHTS));
      // DPD mostly in the first buckets, a long tail up to 400 days.
      const dpd = rng.chance(0.75) ? rng.int(1, 120) : rng.int(121, 400);
      caseOverdueSince[i] = localToday - (dpd - 1) * DAY;
      caseCreated[i] = caseOverdueSince[i]! - rng.int(1, 30) * DAY + rng.int(0, DAY - 1);
      caseIds[i] = rng.uuid7(caseCreated[i]!);
    }
  }
  const closed = STATUSES.indexOf('CLOSED');
  const collectorOf = (i: number, rng: Rng) => {
    const list = collectors[caseInst[i]!]!;
    const a = caseAssignee[i]!;
    return list[a >= 0 ? a : rng.int(0, list.length - 1)]!;
  };

  const contactCounts = spread(spec.contacts, nCases, 1);
  const visitCounts = spread(spec.visits, nCases, 2, (i) =>
    caseStatus[i] === STATUSES.indexOf('ESCALATED') ? 3 : 1,
  );

  const counts: Record<string, number> = {};
  const chunked = (name: string, produce: (push: (line: string) => void) => Generator<void>) =>
    function* (): Generator<string> {
      let buffer: string[] = [];
      let n = 0;
      const push = (line: string) => {
        buffer.push(line);
        n++;
      };
      for (const _ of produce(push)) {
        if (buffer.length >= 2000) {
          yield buffer.join('');
          buffer = [];
        }
      }
      if (buffer.length) yield buffer.join('');
      counts[name] = n;
    };

  const tables: TableData[] = [];

  tables.push({
    name: 'institution',
    columns: ['id', 'code', 'name', 'time_zone', 'rule_pack', 'created_at', 'holiday_calendar'],
    rows: chunked('institution', function* (push) {
      for (let k = 0; k < nInst; k++) {
        const spec = INSTITUTIONS[k]!;
        push(
          row([
            instIds[k],
            spec.code,
            spec.name,
            'Asia/Shanghai',
            'CN',
            iso(anchor - 400 * DAY),
            false,
          ]),
        );
        yield;
      }
    }),
  });

  tables.push({
    name: 'user',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'email',
      'display_name',
      'role',
      'password_hash',
      'active',
      'failed_logins',
    ],
    rows: chunked('user', function* (push) {
      for (let k = 0; k < nInst; k++)
        for (const [n, u] of users[k]!.entries()) {
          const at = iso(anchor - 300 * DAY + n * MINUTE);
          const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}（${u.role.toLowerCase()}）`;
          push(row([u.id, at, at, instIds[k], u.email, name, u.role, passwordHash, true, 0]));
          yield;
        }
    }),
  });

  tables.push({
    name: 'borrower',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'full_name',
      'national_id',
      'national_id_index',
      'phones',
      'email',
      'province',
      'city',
      'district',
      'address_detail',
      'employer',
      'monthly_income_fen',
      'credit_score',
      'time_zone',
    ],
    rows: chunked('borrower', function* (push) {
      for (let b = 0; b < nBorrowers; b++) {
        const rng = borrowerRng(b);
        rng.uuid7(0); // the id, drawn first in the planning pass
        const phones = borrowerPhones(rng);
        const region = rng.pick(REGIONS);
        // Birth day and sequence number spell the borrower's index: unique by construction.
        const birth = new Date(Date.UTC(1960, 0, 1) + (b % 14_600) * DAY);
        const first17 = `${region[0]}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(Math.floor(b / 14_600) % 1000).padStart(3, '0')}`;
        const nationalId = first17 + nationalIdCheckDigit(first17);
        const name = `${rng.pick(SURNAME_CHARS)}${rng.pick(GIVEN_CHARS)}${rng.chance(0.6) ? rng.pick(GIVEN_CHARS) : ''}`;
        const created = iso(anchor - 420 * DAY + b * 1000);
        push(
          row([
            borrowerIds[b],
            created,
            created,
            instIds[borrowerInst[b]!],
            name,
            encryptField(nationalId),
            blindIndex(nationalId),
            encryptField(JSON.stringify(phones)),
            rng.chance(0.2) ? `b${b}@example.com` : null,
            region[1],
            region[2],
            region[3],
            `${rng.pick(STREETS)}${rng.int(1, 999)}号${rng.int(1, 30)}栋${rng.int(101, 2808)}室`,
            rng.pick(EMPLOYERS),
            rng.int(2_000, 40_000) * 100,
            rng.int(350, 850),
            null,
          ]),
        );
        yield;
      }
    }),
  });

  tables.push({
    name: 'borrower_phone_index',
    columns: ['id', 'created_at', 'updated_at', 'institution_id', 'borrower_id', 'phone_index'],
    rows: chunked('borrower_phone_index', function* (push) {
      for (let b = 0; b < nBorrowers; b++) {
        const rng = borrowerRng(b);
        rng.uuid7(0);
        const phones = borrowerPhones(rng);
        const created = anchor - 420 * DAY + b * 1000;
        for (const [n, phone] of phones.entries()) {
          const idRng = new Rng(PRNG_SEED, STREAM.borrower, b, n + 1);
          push(
            row([
              idRng.uuid7(created),
              iso(created),
              iso(created),
              instIds[borrowerInst[b]!],
              borrowerIds[b],
              n === 0 ? firstPhoneIndex[b] : blindIndex(phone),
            ]),
          );
          yield;
        }
      }
    }),
  });

  tables.push({
    name: 'third_party',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'borrower_id',
      'full_name',
      'relation',
      'phone',
      'debt_related',
      'refused_contact',
    ],
    rows: chunked('third_party', function* (push) {
      for (let b = 0; b < nBorrowers; b++) {
        const rng = new Rng(PRNG_SEED, STREAM.thirdParty, b);
        if (!rng.chance(0.5)) continue;
        const created = anchor - 410 * DAY + b * 1000;
        const relation = rng.pick([
          'SPOUSE',
          'PARENT',
          'SIBLING',
          'FRIEND',
          'COLLEAGUE',
          'GUARANTOR',
        ]);
        push(
          row([
            rng.uuid7(created),
            iso(created),
            iso(created),
            instIds[borrowerInst[b]!],
            borrowerIds[b],
            `${rng.pick(SURNAME_CHARS)}${rng.pick(GIVEN_CHARS)}`,
            relation,
            encryptField(
              `1${rng.pick(['3', '5', '8'])}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
            ),
            relation === 'GUARANTOR',
            false,
          ]),
        );
        yield;
      }
    }),
  });

  tables.push({
    name: 'collection_case',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'loan_number',
      'product',
      'borrower_id',
      'assignee_id',
      'status',
      'stage',
      'close_reason',
      'principal_fen',
      'outstanding_fen',
      'overdue_fen',
      'overdue_since',
      'priority',
      'next_action',
      'next_action_at',
      'version',
    ],
    rows: chunked('collection_case', function* (push) {
      for (let i = 0; i < nCases; i++) {
        const rng = new Rng(PRNG_SEED, STREAM.case, i, 1);
        const k = caseInst[i]!;
        const dpd = Math.round((localToday - caseOverdueSince[i]!) / DAY) + 1;
        const stage = dpd >= 91 ? 'LEGAL' : dpd >= 31 ? 'VISIT' : dpd >= 4 ? 'PHONE' : 'REMINDER';
        const status = STATUSES[caseStatus[i]!]!;
        const principal = rng.int(50, 5_000) * 10_000;
        const outstanding = Math.round(principal * (0.2 + rng.next() * 0.8));
        const overdue = Math.min(outstanding, Math.round(outstanding * (0.05 + rng.next() * 0.5)));
        const assignee = caseAssignee[i]! >= 0 ? collectors[k]![caseAssignee[i]!]!.id : null;
        const updated = anchor - rng.int(0, 20) * DAY - rng.int(0, DAY - 1);
        push(
          row([
            caseIds[i],
            iso(caseCreated[i]!),
            iso(Math.max(updated, caseCreated[i]!)),
            instIds[k],
            `${INSTITUTIONS[k]!.code}-${String(i - caseStart[k]! + 1).padStart(8, '0')}`,
            rng.weighted({
              CREDIT_LOAN: 35,
              CREDIT_CARD: 25,
              CONSUMER: 18,
              BUSINESS: 12,
              MORTGAGE: 10,
            }),
            borrowerIds[caseBorrower[i]!],
            assignee,
            status,
            stage,
            status === 'CLOSED' ? rng.pick(['PAID_IN_FULL', 'SETTLED', 'WRITTEN_OFF']) : null,
            principal,
            status === 'CLOSED' ? 0 : outstanding,
            status === 'CLOSED' ? 0 : overdue,
            isoDate(caseOverdueSince[i]!),
            rng.int(0, 100),
            status === 'CLOSED' ? null : rng.pick(['电话跟进', '短信提醒', '上门拜访', null]),
            status === 'CLOSED'
              ? null
              : iso(anchor + rng.int(0, 7) * DAY + rng.int(9, 17) * HOUR - UTC_OFFSET),
            1,
          ]),
        );
        yield;
      }
    }),
  });

  tables.push({
    name: 'contact',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'case_id',
      'third_party_id',
      'channel',
      'direction',
      'occurred_at',
      'made_by_id',
      'result',
      'outcome',
      'attitude',
      'note',
      'recording_ref',
      'dialed_number_index',
    ],
    rows: chunked('contact', function* (push) {
      for (let i = 0; i < nCases; i++) {
        const n = contactCounts[i]!;
        if (n === 0) continue;
        const rng = new Rng(PRNG_SEED, STREAM.contact, i);
        const from = Math.max(caseCreated[i]!, anchor - CONTACT_HISTORY_DAYS * DAY);
        const days = Math.max(1, Math.floor((anchor - from) / DAY));
        for (let c = 0; c < n; c++) {
          const occurred = workingHour(rng, anchor - rng.int(1, days) * DAY);
          const channel = rng.weighted({ PHONE: 60, SMS: 25, APP: 10, EMAIL: 3, LETTER: 2 });
          const inbound = channel === 'PHONE' && rng.chance(0.08);
          let result: string;
          let outcome: string | null = null;
          let attitude: string | null = null;
          if (channel === 'PHONE') {
            result = rng.weighted({ NOT_ANSWERED: 45, ANSWERED: 15, CONVERSATION: 35, FAILED: 5 });
            if (result === 'CONVERSATION') {
              outcome = rng.weighted({
                RIGHT_PARTY: 40,
                PROMISE_TO_PAY: 25,
                CALLBACK_REQUESTED: 15,
                HARDSHIP: 10,
                REFUSAL: 10,
              });
              attitude = rng.weighted({ COOPERATIVE: 40, NEUTRAL: 35, EVASIVE: 20, HOSTILE: 5 });
            } else if (result === 'NOT_ANSWERED') outcome = 'NO_CONTACT';
          } else result = rng.chance(0.95) ? 'DELIVERED' : 'FAILED';
          const created = occurred + rng.int(1, 30) * MINUTE;
          push(
            row([
              rng.uuid7(created),
              iso(created),
              iso(created),
              instIds[caseInst[i]!],
              caseIds[i],
              null,
              channel,
              inbound ? 'INBOUND' : 'OUTBOUND',
              iso(occurred),
              collectorOf(i, rng).id,
              result,
              outcome,
              attitude,
              rng.chance(0.3) ? rng.pick(CONTACT_NOTES) : null,
              result === 'CONVERSATION' ? `rec-${i}-${c}` : null,
              channel === 'PHONE' && !inbound ? firstPhoneIndex[caseBorrower[i]!] : null,
            ]),
          );
          yield;
        }
      }
    }),
  });

  // Visits and their collectors are made by one function so both agree on every id.
  function* visits(
    each: (v: {
      id: string;
      inst: string;
      caseIndex: number;
      collectors: string[];
      line: string;
    }) => void,
  ) {
    for (let i = 0; i < nCases; i++) {
      const n = visitCounts[i]!;
      if (n === 0) continue;
      const rng = new Rng(PRNG_SEED, STREAM.visit, i);
      for (let v = 0; v < n; v++) {
        const upcoming = v === n - 1 && caseStatus[i] !== closed && rng.chance(0.35);
        const start = upcoming
          ? workingHour(rng, anchor + rng.int(1, UPCOMING_VISIT_DAYS) * DAY)
          : workingHour(rng, anchor - rng.int(1, VISIT_HISTORY_DAYS) * DAY);
        const status = upcoming
          ? rng.chance(0.5)
            ? 'PLANNED'
            : 'CONFIRMED'
          : rng.weighted({ COMPLETED: 60, NO_SHOW: 15, CANCELLED: 15, RESCHEDULED: 10 });
        const created = Math.min(start, anchor) - rng.int(1, 5) * DAY;
        const list = collectors[caseInst[i]!]!;
        const first = rng.int(0, list.length - 1);
        const pair = [list[first]!.id, list[(first + 1) % list.length]!.id];
        const id = rng.uuid7(created);
        const completed = status === 'COMPLETED';
        const line = row([
          id,
          iso(created),
          iso(created),
          instIds[caseInst[i]!],
          caseIds[i],
          status,
          iso(start),
          iso(start + 2 * HOUR),
          '上门地址见借款人档案',
          rng.pick(VISIT_PURPOSES),
          pair[0],
          status === 'CONFIRMED' || completed ? iso(created + HOUR) : null,
          status === 'CONFIRMED' || completed ? '电话确认' : null,
          completed ? iso(start + 10 * MINUTE) : null,
          completed ? iso(start + 70 * MINUTE) : null,
          completed ? rng.pick(['COOPERATIVE', 'NEUTRAL', 'EVASIVE']) : null,
          completed ? rng.pick(['HIGH', 'MEDIUM', 'LOW']) : null,
          completed ? rng.pick(['INCOME_LOSS', 'ILLNESS', 'BUSINESS_FAILURE', 'FORGOT']) : null,
          completed ? '约定分期还款' : null,
          completed ? 31 + rng.next() : null,
          completed ? 121 + rng.next() : null,
          completed ? true : null,
          completed ? true : null,
        ]);
        each({ id, inst: instIds[caseInst[i]!]!, caseIndex: i, collectors: pair, line });
        yield;
      }
    }
  }

  tables.push({
    name: 'visit',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'case_id',
      'status',
      'window_start',
      'window_end',
      'address',
      'purpose',
      'planned_by_id',
      'confirmed_at',
      'confirmed_via',
      'checked_in_at',
      'checked_out_at',
      'attitude',
      'willingness',
      'overdue_reason',
      'negotiated_result',
      'check_in_latitude',
      'check_in_longitude',
      'id_shown',
      'consent_to_enter',
    ],
    rows: chunked('visit', function* (push) {
      yield* visits((v) => push(v.line));
    }),
  });

  tables.push({
    name: 'visit_collector',
    columns: ['visit_id', 'user_id', 'institution_id'],
    rows: chunked('visit_collector', function* (push) {
      yield* visits((v) => {
        for (const user of v.collectors) push(row([v.id, user, v.inst]));
      });
    }),
  });

  // Plans, installments, feedback and holds: a share of the cases each.
  function* plans(each: (line: string, installments: string[]) => void) {
    for (let i = 0; i < nCases; i++) {
      const rng = new Rng(PRNG_SEED, STREAM.plan, i);
      if (STATUSES[caseStatus[i]!] === 'NEW' || !rng.chance(0.25)) continue;
      const kind = rng.weighted({ PROMISE: 60, INSTALLMENT: 35, EXTENSION: 5 });
      const status = rng.weighted({ ACTIVE: 45, KEPT: 25, BROKEN: 22, CANCELLED: 8 });
      const created = anchor - rng.int(1, 60) * DAY - rng.int(0, DAY - 1);
      const id = rng.uuid7(created);
      const n = kind === 'INSTALLMENT' ? rng.int(3, 6) : 1;
      const each_ = rng.int(5, 200) * 10_000;
      const total = each_ * n;
      const paid = status === 'KEPT' ? total : status === 'ACTIVE' ? each_ * rng.int(0, n - 1) : 0;
      const inst = instIds[caseInst[i]!];
      const installments: string[] = [];
      for (let s = 1; s <= n; s++) {
        const due = isoDate(created + s * (kind === 'INSTALLMENT' ? 30 : 7) * DAY);
        installments.push(
          row([
            rng.uuid7(created),
            iso(created),
            iso(created),
            inst,
            id,
            s,
            due,
            each_,
            paid >= each_ * s ? each_ : 0,
          ]),
        );
      }
      each(
        row([
          id,
          iso(created),
          iso(created),
          inst,
          caseIds[i],
          kind,
          false,
          status,
          total,
          paid,
          collectorOf(i, rng).id,
          null,
          rng.chance(0.3) ? '借款人口头承诺' : null,
          status === 'ACTIVE' ? null : iso(created + 20 * DAY),
          1,
        ]),
        installments,
      );
      yield;
    }
  }

  tables.push({
    name: 'repayment_plan',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'case_id',
      'kind',
      'hardship',
      'status',
      'total_fen',
      'paid_fen',
      'created_by_id',
      'visit_id',
      'note',
      'closed_at',
      'version',
    ],
    rows: chunked('repayment_plan', function* (push) {
      for (const _ of plans((line) => push(line))) yield;
    }),
  });
  tables.push({
    name: 'plan_installment',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'plan_id',
      'sequence',
      'due_date',
      'amount_fen',
      'paid_fen',
    ],
    rows: chunked('plan_installment', function* (push) {
      for (const _ of plans((_line, lines) => lines.forEach(push))) yield;
    }),
  });

  tables.push({
    name: 'feedback',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'case_id',
      'borrower_id',
      'receipt_code',
      'kind',
      'category',
      'message',
      'rating',
      'status',
      'acknowledge_due_at',
      'resolve_due_at',
      'acknowledged_at',
      'closed_at',
    ],
    rows: chunked('feedback', function* (push) {
      let serial = 0;
      for (let i = 0; i < nCases; i++) {
        const rng = new Rng(PRNG_SEED, STREAM.feedback, i);
        if (!rng.chance(0.04)) continue;
        const n = rng.chance(0.2) ? 2 : 1;
        for (let f = 0; f < n; f++) {
          const created = anchor - rng.int(1, 80) * DAY - rng.int(0, DAY - 1);
          // Unique by construction: the serial in base 32 behind a fixed prefix.
          let code = '';
          for (let s = serial++, d = 0; d < 6; d++, s = Math.floor(s / 32))
            code = RECEIPT_ALPHABET[s % 32] + code;
          const kind = rng.weighted({ SUGGESTION: 40, PRAISE: 20, COMPLAINT: 30, HARDSHIP: 10 });
          const status = rng.weighted({
            RECEIVED: 10,
            ACKNOWLEDGED: 20,
            INVESTIGATING: 10,
            RESOLVED: 55,
            REJECTED: 5,
          });
          const closedStatus = status === 'RESOLVED' || status === 'REJECTED';
          push(
            row([
              rng.uuid7(created),
              iso(created),
              iso(created),
              instIds[caseInst[i]!],
              caseIds[i],
              borrowerIds[caseBorrower[i]!],
              `FBBENCH${code}`,
              kind,
              kind === 'COMPLAINT' ? 'SERVICE' : 'OTHER',
              rng.pick(FEEDBACK_MESSAGES),
              kind === 'PRAISE' ? 5 : rng.chance(0.5) ? rng.int(1, 5) : null,
              status,
              iso(created + 2 * DAY),
              iso(created + 15 * DAY),
              status === 'RECEIVED' ? null : iso(created + DAY),
              closedStatus ? iso(created + 10 * DAY) : null,
            ]),
          );
          yield;
        }
      }
    }),
  });

  tables.push({
    name: 'case_hold',
    columns: [
      'id',
      'created_at',
      'updated_at',
      'institution_id',
      'case_id',
      'kind',
      'channel',
      'reason',
      'placed_at',
      'placed_by_id',
      'released_at',
      'release_note',
    ],
    rows: chunked('case_hold', function* (push) {
      for (let i = 0; i < nCases; i++) {
        const rng = new Rng(PRNG_SEED, STREAM.hold, i);
        if (!rng.chance(0.02)) continue;
        const placed = anchor - rng.int(1, 60) * DAY;
        const released = rng.chance(0.5);
        push(
          row([
            rng.uuid7(placed),
            iso(placed),
            iso(placed),
            instIds[caseInst[i]!],
            caseIds[i],
            rng.pick(['DISPUTE', 'COMPLAINT']),
            null,
            '借款人对欠款提出异议',
            iso(placed),
            collectorOf(i, rng).id,
            released ? iso(placed + 5 * DAY) : null,
            released ? '核实后解除' : null,
          ]),
        );
        yield;
      }
    }),
  });

  return { tables, counts };
}
