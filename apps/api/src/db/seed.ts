import {
  type Attitude,
  type Bucket,
  CaseStage,
  CaseStatus,
  TaskKind,
  holdForFeedback,
  CloseReason,
  ContactChannel,
  ContactDirection,
  ContactOutcome,
  ContactResult,
  type FeedbackCategory,
  FeedbackKind,
  FeedbackStatus,
  Money,
  OverdueReason,
  Product,
  Role,
  RulePackCode,
  ThirdPartyRelation,
  VisitStatus,
  Willingness,
  addDays,
  stageForDpd,
  diffDays,
  dpdRangeOfBucket,
  feedbackDeadlines,
  nationalIdCheckDigit,
  daysPastDue,
  priorityScore,
  DEFAULT_PLAN_TERMS,
  PaymentChannel,
  RepaymentPlanKind,
  RepaymentPlanStatus,
} from '@arrears/domain';
import type { EntityManager, EntityName, Ref, RequiredEntityData } from '@mikro-orm/core';
import { v7 } from 'uuid';
import { BorrowerPhoneIndex } from '../modules/borrower/borrower-phone-index.entity.js';
import { Borrower } from '../modules/borrower/borrower.entity.js';
import { ThirdParty } from '../modules/borrower/third-party.entity.js';
import { Case } from '../modules/case/case.entity.js';
import { Contact } from '../modules/contact/contact.entity.js';
import { Feedback } from '../modules/feedback/feedback.entity.js';
import { CaseHold } from '../modules/hold/case-hold.entity.js';
import { statutoryCalendarAround } from '../modules/institution/collection-policy.js';
import { Institution } from '../modules/institution/institution.entity.js';
import { Payment } from '../modules/payment/payment.entity.js';
import { Installment } from '../modules/plan/installment.entity.js';
import { RepaymentPlan } from '../modules/plan/repayment-plan.entity.js';
import { Task } from '../modules/task/task.entity.js';
import { User } from '../modules/user/user.entity.js';
import { VisitCollector } from '../modules/visit/visit-collector.entity.js';
import { Visit } from '../modules/visit/visit.entity.js';
import { blindIndex } from '../security/field-encryption.js';

/**
 * Demo data: the five banks of the source documents with their staff, borrowers, cases and
 * case histories. Everything derives from one seeded PRNG and the `now` passed in, so the same
 * `now` gives the same data, and the history always ends at `now`.
 */

export const DEMO_PASSWORD = 'arrears-demo';

export interface SeedOptions {
  now: Date;
  /** argon2 hash of DEMO_PASSWORD, stored on every demo user. */
  passwordHash: string;
  /** 1 gives ~2,000 borrowers and ~3,000 cases; tests use a fraction. Staff is always complete. */
  scale?: number;
}

export interface SeedSummary {
  institutions: number;
  users: number;
  borrowers: number;
  cases: number;
  contacts: number;
  visits: number;
  feedback: number;
}

/** Totals at scale 1, spread over the institutions by their share. */
const TOTAL_BORROWERS = 2000;
const TOTAL_VISITED_CASES = 280;
const TOTAL_FEEDBACK = 150;

const MIN_BORROWERS_PER_INSTITUTION = 5;
const CONTACT_HISTORY_DAYS = 90;
const VISIT_HISTORY_DAYS = 60;
const UPCOMING_VISIT_DAYS = 14;
const PRNG_SEED = 0x0a77ea55;
const INSERT_BATCH = 2000;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// All five banks are in Asia/Shanghai, which has been UTC+8 all year since 1991, so wall-clock
// times convert with a fixed offset instead of a time-zone lookup per generated instant.
const TIME_ZONE = 'Asia/Shanghai';
const UTC_OFFSET = 8 * HOUR;

// ---------------------------------------------------------------------------------------------
// Reference tables

interface Region {
  code: string;
  province: string;
  city: string;
  district: string;
  /** Set for rural districts: addresses are villages of this town. */
  town?: string;
}

/** One region a line: GB/T 2260 code, province, city, district and, for rural ones, a town. */
function regions(table: string): Region[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [code = '', province = '', city = '', district = '', town] = line.trim().split(/\s+/);
      return { code, province, city, district, ...(town ? { town } : {}) };
    });
}

interface InstitutionSpec {
  code: string;
  name: string;
  /** Part of the borrowers, visits and feedback this bank gets. */
  share: number;
  products: Record<Product, number>;
  regions: Region[];
}

const INSTITUTIONS: readonly InstitutionSpec[] = [
  {
    code: 'XBGS',
    name: '西北工商银行',
    share: 0.22,
    products: { CREDIT_LOAN: 30, CREDIT_CARD: 25, CONSUMER: 20, BUSINESS: 15, MORTGAGE: 10 },
    regions: regions(`
      610113 陕西省 西安市 雁塔区
      610104 陕西省 西安市 莲湖区
      610402 陕西省 咸阳市 秦都区
      610302 陕西省 宝鸡市 渭滨区
      620102 甘肃省 兰州市 城关区
      620105 甘肃省 兰州市 安宁区
      620502 甘肃省 天水市 秦州区
      640104 宁夏回族自治区 银川市 兴庆区
    `),
  },
  {
    code: 'LSB',
    name: '临商银行',
    share: 0.2,
    products: { CREDIT_LOAN: 30, CREDIT_CARD: 20, CONSUMER: 20, BUSINESS: 20, MORTGAGE: 10 },
    regions: regions(`
      371302 山东省 临沂市 兰山区
      371311 山东省 临沂市 罗庄区
      371312 山东省 临沂市 河东区
      371321 山东省 临沂市 沂南县
      371322 山东省 临沂市 郯城县
      371324 山东省 临沂市 兰陵县
      371327 山东省 临沂市 莒南县
      371328 山东省 临沂市 蒙阴县
    `),
  },
  {
    code: 'PSBC',
    name: '邮储银行',
    share: 0.3,
    products: { CREDIT_LOAN: 40, CREDIT_CARD: 25, CONSUMER: 15, BUSINESS: 10, MORTGAGE: 10 },
    regions: regions(`
      110105 北京市 北京市 朝阳区
      310115 上海市 上海市 浦东新区
      440106 广东省 广州市 天河区
      440305 广东省 深圳市 南山区
      330106 浙江省 杭州市 西湖区
      320106 江苏省 南京市 鼓楼区
      420106 湖北省 武汉市 武昌区
      510107 四川省 成都市 武侯区
      410105 河南省 郑州市 金水区
      430104 湖南省 长沙市 岳麓区
      500103 重庆市 重庆市 渝中区
      210102 辽宁省 沈阳市 和平区
    `),
  },
  {
    code: 'KMB',
    name: '昆明银行',
    share: 0.18,
    products: { CREDIT_LOAN: 30, CREDIT_CARD: 25, CONSUMER: 20, BUSINESS: 15, MORTGAGE: 10 },
    regions: regions(`
      530102 云南省 昆明市 五华区
      530103 云南省 昆明市 盘龙区
      530111 云南省 昆明市 官渡区
      530112 云南省 昆明市 西山区
      530114 云南省 昆明市 呈贡区
      530181 云南省 昆明市 安宁市
    `),
  },
  {
    // A village bank: farm and small-business loans in the countryside, no credit cards.
    code: 'HSCZ',
    name: '恒升村镇银行',
    share: 0.1,
    products: { CREDIT_LOAN: 40, CREDIT_CARD: 0, CONSUMER: 20, BUSINESS: 35, MORTGAGE: 5 },
    regions: regions(`
      130632 河北省 保定市 安新县 安新镇
      130633 河北省 保定市 易县 易州镇
      130681 河北省 保定市 涿州市 松林店镇
      130636 河北省 保定市 顺平县 蒲阳镇
      130637 河北省 保定市 博野县 博野镇
    `),
  },
];

const STAFF: readonly { local: string; role: Role }[] = [
  { local: 'admin', role: Role.ADMIN },
  { local: 'supervisor', role: Role.SUPERVISOR },
  { local: 'collector1', role: Role.COLLECTOR },
  { local: 'collector2', role: Role.COLLECTOR },
  { local: 'collector3', role: Role.COLLECTOR },
  { local: 'collector4', role: Role.COLLECTOR },
  { local: 'auditor', role: Role.AUDITOR },
];

/** The demo accounts (password DEMO_PASSWORD), as printed on start and in the README. */
export function demoLogins(): { email: string; role: Role; institution: string }[] {
  return INSTITUTIONS.flatMap(({ code }) =>
    STAFF.map(({ local, role }) => ({
      email: `${local}@${code.toLowerCase()}.demo`,
      role,
      institution: code,
    })),
  );
}

// Most frequent first: surname() favours the head of the list, as real life does.
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN_NAME_CHARS = {
  M: [...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林建国峰文东志海亮成晨阳'],
  F: [...'芳娜敏静丽艳娟霞秀英玲燕萍红桂兰梅琳婷雪慧颖倩洁晶丹蕾佳欣悦琴露薇'],
};

const MOBILE_PREFIXES =
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 175 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199'.split(
    ' ',
  );
const EMAIL_HANDLES = ['sunny', 'lucky', 'happy', 'xiaoyu', 'dawei', 'lili', 'ameng', 'tiantian'];

const ROADS = [
  ...'人民路 解放路 建设路 中山路 文化路 和平路 新华路 胜利路 朝阳路 青年路'.split(' '),
];
const COMPOUNDS = [
  ...'幸福家园 阳光花园 锦绣小区 翠苑小区 金色家园 华府名苑 滨河花园 盛世华庭 书香门第'.split(' '),
];
const VILLAGES = [...'东王庄 西李庄 南关 北街 前进 红旗 大王店 小辛庄 张家营 马家庄'.split(' ')];

// {city}, {district} and {town} are filled from the borrower's address.
const EMPLOYERS = [
  '{city}第一人民医院',
  '{city}公交集团有限公司',
  '{district}实验小学',
  '{city}恒达建筑工程有限公司',
  '{city}迅达快递营业部',
  '{city}佳惠超市',
  '{district}个体餐饮店',
  '{city}宏远物流有限公司',
  '{city}新城物业服务有限公司',
  '{city}鑫达汽车维修厂',
  '自由职业',
  '个体经营（货运）',
];
const RURAL_EMPLOYERS = [
  '务农',
  '个体养殖户',
  '{district}农机合作社',
  '外出务工（建筑）',
  '{town}个体商店',
];

interface ProductSpec {
  /** In loan numbers: PSBC-CL-2025-000123. */
  abbreviation: string;
  minYuan: number;
  maxYuan: number;
  /** Months of an installment loan; 0 for a revolving credit card. */
  termMonths: number;
}

const PRODUCTS: Record<Product, ProductSpec> = {
  CREDIT_LOAN: { abbreviation: 'CL', minYuan: 20_000, maxYuan: 300_000, termMonths: 36 },
  CREDIT_CARD: { abbreviation: 'CC', minYuan: 3_000, maxYuan: 80_000, termMonths: 0 },
  CONSUMER: { abbreviation: 'CS', minYuan: 5_000, maxYuan: 100_000, termMonths: 24 },
  BUSINESS: { abbreviation: 'BL', minYuan: 100_000, maxYuan: 1_500_000, termMonths: 36 },
  MORTGAGE: { abbreviation: 'ML', minYuan: 300_000, maxYuan: 2_500_000, termMonths: 300 },
};

// Weighted towards M1–M3, where most of a collections book sits.
const BUCKET_WEIGHTS: Record<Bucket, number> = {
  CURRENT: 4,
  M1: 24,
  M2: 22,
  M3: 18,
  M4: 10,
  M5: 8,
  M6_PLUS: 14,
};
const BUCKETS = Object.keys(BUCKET_WEIGHTS) as Bucket[];
const MAX_SEEDED_DPD = 420;

type StatusWeights = Partial<Record<CaseStatus, number>>;

/** Young cases are mostly new or being worked; old ones are escalated, on hold or closed. */
function statusWeights(dpd: number): StatusWeights {
  if (dpd === 0) return { NEW: 50, IN_PROGRESS: 45, CLOSED: 5 };
  if (dpd <= 30) return { NEW: 25, IN_PROGRESS: 40, PROMISED: 20, ON_HOLD: 5, CLOSED: 10 };
  if (dpd <= 90) {
    return { NEW: 12, IN_PROGRESS: 40, PROMISED: 18, ON_HOLD: 8, ESCALATED: 12, CLOSED: 10 };
  }
  return { NEW: 8, IN_PROGRESS: 35, PROMISED: 10, ON_HOLD: 10, ESCALATED: 25, CLOSED: 12 };
}

function closeReasonWeights(dpd: number): Partial<Record<CloseReason, number>> {
  if (dpd === 0) return { PAID_IN_FULL: 1 };
  if (dpd <= 90) return { PAID_IN_FULL: 60, SETTLED: 20, RECALLED: 20 };
  return { PAID_IN_FULL: 25, SETTLED: 30, WRITTEN_OFF: 15, RECALLED: 10, LEGAL_TRANSFER: 20 };
}

const CHANNEL_WEIGHTS: Record<'early' | 'late', Record<ContactChannel, number>> = {
  // Reminder stage: mostly automated messages.
  early: { SMS: 45, APP: 25, PHONE: 20, EMAIL: 10, LETTER: 0 },
  late: { PHONE: 65, SMS: 18, APP: 8, EMAIL: 4, LETTER: 5 },
};

const CALL_RESULTS: Record<'reachable' | 'silent', Partial<Record<ContactResult, number>>> = {
  reachable: { NOT_ANSWERED: 35, ANSWERED: 15, CONVERSATION: 45, FAILED: 5 },
  silent: { NOT_ANSWERED: 70, FAILED: 30 },
};

/** Picked up, but no conversation with the borrower came of it. */
const ANSWERED_OUTCOMES: Partial<Record<ContactOutcome, number>> = {
  CALLBACK_REQUESTED: 45,
  WRONG_NUMBER: 20,
  NO_CONTACT: 35,
};

const CONVERSATION_OUTCOMES: Partial<Record<ContactOutcome, number>> = {
  RIGHT_PARTY: 35,
  PROMISE_TO_PAY: 25,
  REFUSAL: 12,
  HARDSHIP: 12,
  DISPUTE: 6,
  CALLBACK_REQUESTED: 10,
};

const ATTITUDES: Partial<Record<ContactOutcome, Partial<Record<Attitude, number>>>> = {
  RIGHT_PARTY: { COOPERATIVE: 4, NEUTRAL: 4, EVASIVE: 2 },
  PROMISE_TO_PAY: { COOPERATIVE: 7, NEUTRAL: 3 },
  REFUSAL: { EVASIVE: 5, HOSTILE: 5 },
  DISPUTE: { NEUTRAL: 5, HOSTILE: 3, EVASIVE: 2 },
  HARDSHIP: { COOPERATIVE: 6, NEUTRAL: 4 },
  CALLBACK_REQUESTED: { NEUTRAL: 6, EVASIVE: 4 },
  THIRD_PARTY: { COOPERATIVE: 5, NEUTRAL: 5 },
};

/** Call notes by outcome; a promise's note is written with its date and amount instead. */
const CALL_NOTES: Record<Exclude<ContactOutcome, 'PROMISE_TO_PAY'>, readonly string[]> = {
  RIGHT_PARTY: ['本人接听，已告知逾期金额及影响', '本人接听，表示知晓欠款，正在筹钱'],
  REFUSAL: ['本人表示暂无还款意愿，拒绝沟通', '客户称等有钱再说，不愿约定还款时间'],
  DISPUTE: ['客户对逾期金额有异议，称已部分还款，需核实', '客户称利息计算有误，要求提供还款明细'],
  HARDSHIP: ['客户称失业收入中断，申请分期还款', '客户称家人住院，暂时无力还款，申请延期'],
  CALLBACK_REQUESTED: ['客户称正在开会，约定稍后回电', '客户在开车，要求晚些时候再联系'],
  WRONG_NUMBER: ['接听人称不认识借款人，号码可能已易主'],
  THIRD_PARTY: ['联系人表示会转告借款人尽快回电，未透露欠款信息'],
  NO_CONTACT: ['接通后即挂断'],
};
const UNANSWERED_NOTES = ['无人接听', '占线', '响铃后无人接听'];
const FAILED_CALL_NOTES = ['空号', '停机', '关机'];
const MESSAGE_NOTES: Record<Exclude<ContactChannel, 'PHONE'>, { sent: string; failed: string }> = {
  SMS: { sent: '发送逾期还款提醒短信', failed: '短信发送失败：号码停机' },
  APP: { sent: 'App 推送还款提醒', failed: 'App 推送失败：用户已卸载' },
  EMAIL: { sent: '发送电子账单及还款提醒邮件', failed: '邮件被退回：邮箱不存在' },
  LETTER: { sent: '寄送逾期催收函（挂号信）', failed: '催收函被退回：查无此人' },
};

const THIRD_PARTY_RELATIONS: Record<ThirdPartyRelation, number> = {
  SPOUSE: 25,
  PARENT: 20,
  SIBLING: 15,
  CHILD: 8,
  RELATIVE: 5,
  COLLEAGUE: 12,
  FRIEND: 12,
  GUARANTOR: 3,
  OTHER: 2,
};
const FAMILY: ReadonlySet<ThirdPartyRelation> = new Set(['PARENT', 'SIBLING', 'CHILD']);

const OVERDUE_REASONS: Record<OverdueReason, { weight: number; note: string }> = {
  INCOME_LOSS: { weight: 30, note: '借款人所在单位停工，目前靠打零工维持生活' },
  ILLNESS: { weight: 12, note: '借款人家属患病住院，医疗支出较大' },
  BUSINESS_FAILURE: { weight: 18, note: '借款人经营的店铺亏损关闭，尚有货款未收回' },
  FORGOT: { weight: 5, note: '借款人称更换银行卡后忘记还款' },
  DISPUTE: { weight: 8, note: '借款人对罚息金额有异议' },
  MALICIOUS: { weight: 10, note: '借款人有还款能力但拒不配合，名下有车辆' },
  OTHER: { weight: 7, note: '借款人离婚后财产分割未完成' },
};

/** What was agreed at the door, by willingness: {amount}, {date} and {plan} are filled in. */
const VISIT_RESULTS: Record<Willingness, { weight: number; attitude: Attitude; result: string }> = {
  HIGH: { weight: 30, attitude: 'COOPERATIVE', result: '同意{date}前一次性还清逾期款项{amount}' },
  MEDIUM: { weight: 35, attitude: 'NEUTRAL', result: '同意分期还款：{plan}' },
  LOW: {
    weight: 20,
    attitude: 'EVASIVE',
    result: '仅同意{date}前先还{amount}，余款待收入恢复后再议',
  },
  NONE: { weight: 15, attitude: 'HOSTILE', result: '拒绝还款，建议转法务评估诉讼' },
};

const NEXT_ACTIONS: Record<CaseStage, string> = {
  REMINDER: '发送还款提醒短信',
  PHONE: '电话跟进，了解逾期原因',
  VISIT: '预约上门拜访，核实居住情况',
  LEGAL: '发送律师函前最后一次电话协商',
};

const VISIT_PURPOSES: Record<'VISIT' | 'LEGAL', readonly string[]> = {
  VISIT: [
    '上门核实居住及收入情况，协商还款方案',
    '面谈协商分期还款',
    '送达逾期催收通知书并协商还款',
  ],
  LEGAL: ['诉前面谈：告知法律后果，争取和解', '核实财产及居住情况，准备诉讼材料'],
};
const CONFIRMED_VIA = ['电话确认', '短信确认', 'App 预约确认'];
const NO_SHOW_NOTE = '按约定时间到达，借款人不在家，电话无人接听';
const CANCEL_NOTES = ['借款人来电称临时出差，取消本次预约', '借款人已到网点还款，取消上门'];

interface FeedbackTopic {
  kind: FeedbackKind;
  category: FeedbackCategory;
  weight: number;
  message: string;
  resolved: string;
  /** How a rejection is explained; null where rejecting makes no sense (praise, suggestions). */
  rejected: string | null;
  /** Only a borrower who had a visit complains about (or praises) one. */
  aboutVisit?: true;
}

const FEEDBACK_TOPICS: readonly FeedbackTopic[] = [
  {
    kind: 'COMPLAINT',
    category: 'CONTACT_AT_NIGHT',
    weight: 3,
    message: '晚上十点多还接到催收电话，影响家人休息，请核实。',
    resolved: '经核查为外呼系统时区配置错误，已修正并向客户致歉。',
    rejected: '经核查通话记录，所有来电均在 08:00–22:00 之间，投诉不成立。',
  },
  {
    kind: 'COMPLAINT',
    category: 'HARASSMENT',
    weight: 4,
    message: '一天之内接到好几个催收电话，严重影响工作。',
    resolved: '已下调该案件外呼频次并向客户致歉。',
    rejected: '经核查当日仅外呼两次，未超出规定频次，已向客户解释。',
  },
  {
    kind: 'COMPLAINT',
    category: 'THREAT',
    weight: 2,
    message: '催收员在电话里说要去我单位找领导，言语带有威胁。',
    resolved: '调取录音确认用语不当，已对催收员停岗培训并向客户致歉。',
    rejected: '调取录音未发现威胁性用语，已向客户说明。',
  },
  {
    kind: 'COMPLAINT',
    category: 'THIRD_PARTY_CONTACT',
    weight: 3,
    message: '催收人员给我同事打电话，让我在单位很难堪。',
    resolved: '已将该联系人标记为拒绝联系，并对催收员进行合规提醒。',
    rejected: '经核查仅在借款人失联后联系其预留联系人，且未透露欠款信息。',
  },
  {
    kind: 'COMPLAINT',
    category: 'PRIVACY_LEAK',
    weight: 1,
    message: '亲戚知道了我的借款情况，怀疑是催收人员透露的。',
    resolved: '经核查确有不当披露，已处理责任人并加强信息保护培训。',
    rejected: '经核查录音，催收人员未向第三方透露任何借款信息。',
  },
  {
    kind: 'COMPLAINT',
    category: 'VISIT_CONDUCT',
    weight: 2,
    message: '上门人员在楼道里大声说欠款的事，邻居都听到了。',
    resolved: '已对上门人员进行批评教育，并向客户当面致歉。',
    rejected: '经核查上门执法记录仪录像，人员言行规范，投诉不成立。',
    aboutVisit: true,
  },
  {
    kind: 'DISPUTE',
    category: 'WRONG_AMOUNT',
    weight: 5,
    message: '逾期金额与我记录的不一致，上月已还一期，请核对。',
    resolved: '核对流水后确认还款入账延迟，已更正逾期金额。',
    rejected: '核对还款流水，逾期金额无误，已向客户提供还款明细。',
  },
  {
    kind: 'DISPUTE',
    category: 'OTHER',
    weight: 2,
    message: '这笔贷款我只是担保人，请先联系主借款人。',
    resolved: '已核实担保关系，调整为先向主借款人催收。',
    rejected: '合同约定为共同借款人，已向客户出示合同条款。',
  },
  {
    kind: 'HARDSHIP',
    category: 'OTHER',
    weight: 5,
    message: '本人因病住院，收入中断，申请延期或分期还款。',
    resolved: '已批准 12 期分期还款方案，分期期间暂停催收。',
    rejected: '申请材料不完整，请补充医疗证明后重新申请。',
  },
  {
    kind: 'HARDSHIP',
    category: 'OTHER',
    weight: 4,
    message: '公司裁员失业，希望减免罚息并分期还款。',
    resolved: '已减免部分罚息并办理 24 期分期。',
    rejected: '经评估客户名下有稳定租金收入，不符合困难减免条件。',
  },
  {
    kind: 'SUGGESTION',
    category: 'SERVICE',
    weight: 2,
    message: '希望能在 App 里直接查看还款明细和分期方案。',
    resolved: '已转产品部门评估，感谢您的建议。',
    rejected: null,
  },
  {
    kind: 'SUGGESTION',
    category: 'SERVICE',
    weight: 2,
    message: '建议提醒短信里写明还款账号，方便转账。',
    resolved: '已更新短信模板，感谢您的建议。',
    rejected: null,
  },
  {
    kind: 'PRAISE',
    category: 'VISIT_CONDUCT',
    weight: 2,
    message: '上门的两位工作人员态度很好，耐心帮我制定了还款计划。',
    resolved: '已转达表扬并纳入季度考核。',
    rejected: null,
    aboutVisit: true,
  },
  {
    kind: 'PRAISE',
    category: 'SERVICE',
    weight: 3,
    message: '客服解释得很清楚，帮我办理了分期，谢谢。',
    resolved: '已转达表扬，感谢您的认可。',
    rejected: null,
  },
];

/** Crockford base32, as in FeedbackService: no I, L, O or U, so a code reads unambiguously. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// ---------------------------------------------------------------------------------------------
// Rows: what the seed writes, with relations as the ids they point to

type Row<E, K extends keyof E> = {
  -readonly [P in K]: E[P] extends Ref<object>
    ? string
    : E[P] extends Ref<object> | null
      ? string | null
      : E[P];
};
type Stamped = 'id' | 'institution' | 'createdAt' | 'updatedAt';

export type InstitutionRow = Row<
  Institution,
  'id' | 'code' | 'name' | 'timeZone' | 'rulePack' | 'createdAt'
>;
export type UserRow = Row<User, Stamped | 'email' | 'displayName' | 'role' | 'passwordHash'>;
export type BorrowerRow = Row<
  Borrower,
  | Stamped
  | 'fullName'
  | 'nationalId'
  | 'phones'
  | 'email'
  | 'province'
  | 'city'
  | 'district'
  | 'addressDetail'
  | 'employer'
  | 'monthlyIncomeFen'
  | 'creditScore'
>;
export type ThirdPartyRow = Row<
  ThirdParty,
  Stamped | 'borrower' | 'fullName' | 'relation' | 'phone' | 'debtRelated' | 'refusedContact'
>;
export type CaseRow = Row<
  Case,
  | Stamped
  | 'loanNumber'
  | 'product'
  | 'borrower'
  | 'assignee'
  | 'status'
  | 'stage'
  | 'closeReason'
  | 'principalFen'
  | 'outstandingFen'
  | 'overdueFen'
  | 'overdueSince'
  | 'priority'
  | 'nextAction'
  | 'nextActionAt'
  | 'hardshipRequestedAt'
>;
export type ContactRow = Row<
  Contact,
  | Stamped
  | 'case'
  | 'thirdParty'
  | 'channel'
  | 'direction'
  | 'occurredAt'
  | 'madeBy'
  | 'result'
  | 'outcome'
  | 'attitude'
  | 'note'
  | 'recordingRef'
>;
export type VisitRow = Row<
  Visit,
  | Stamped
  | 'case'
  | 'status'
  | 'windowStart'
  | 'windowEnd'
  | 'address'
  | 'purpose'
  | 'plannedBy'
  | 'confirmedAt'
  | 'confirmedVia'
  | 'confirmedBy'
  | 'checkedInAt'
  | 'checkedOutAt'
  | 'attitude'
  | 'willingness'
  | 'overdueReason'
  | 'negotiatedResult'
  | 'note'
  | 'followUpDate'
>;
export type VisitCollectorRow = Row<VisitCollector, 'visit' | 'user' | 'institution'>;
export type FeedbackRow = Row<
  Feedback,
  | Stamped
  | 'case'
  | 'borrower'
  | 'receiptCode'
  | 'kind'
  | 'category'
  | 'message'
  | 'rating'
  | 'status'
  | 'acknowledgeDueAt'
  | 'resolveDueAt'
  | 'acknowledgedAt'
  | 'closedAt'
  | 'handledBy'
  | 'resolution'
>;

export type CaseHoldRow = Row<
  CaseHold,
  | Stamped
  | 'case'
  | 'kind'
  | 'reason'
  | 'placedAt'
  | 'placedBy'
  | 'feedback'
  | 'releasedAt'
  | 'releasedBy'
  | 'releaseNote'
>;
export type RepaymentPlanRow = Row<
  RepaymentPlan,
  Stamped | 'case' | 'kind' | 'status' | 'totalFen' | 'paidFen' | 'createdBy' | 'closedAt'
>;
export type InstallmentRow = Row<
  Installment,
  Stamped | 'plan' | 'sequence' | 'dueDate' | 'amountFen' | 'paidFen'
>;
export type PaymentRow = Row<
  Payment,
  Stamped | 'case' | 'plan' | 'amountFen' | 'paidAt' | 'channel' | 'externalRef' | 'allocations'
>;
export type TaskRow = Row<
  Task,
  Stamped | 'case' | 'kind' | 'dueDate' | 'assignee' | 'note' | 'dedupeKey'
>;

/** Everything the seed inserts, each list in an order its foreign keys allow. */
export interface SeedData {
  institutions: InstitutionRow[];
  users: UserRow[];
  borrowers: BorrowerRow[];
  thirdParties: ThirdPartyRow[];
  cases: CaseRow[];
  contacts: ContactRow[];
  visits: VisitRow[];
  visitCollectors: VisitCollectorRow[];
  feedback: FeedbackRow[];
  /** What the feedback set in motion, as FeedbackService would have: holds and reviews. */
  holds: CaseHoldRow[];
  tasks: TaskRow[];
  /** The promises heard on calls as plans, and what was paid on them. */
  plans: RepaymentPlanRow[];
  installments: InstallmentRow[];
  payments: PaymentRow[];
}

// ---------------------------------------------------------------------------------------------
// Randomness and time

/** mulberry32: tiny and fast, random enough to look real, and it repeats exactly per seed. */
class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An item with probability proportional to its weight. */
  pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let left = this.next() * items.reduce((sum, item) => sum + weightOf(item), 0);
    for (const item of items) {
      left -= weightOf(item);
      if (left < 0) return item;
    }
    // Only reached through float rounding: the last item that can be chosen at all.
    return items.findLast((item) => weightOf(item) > 0)!;
  }

  /** A key of `weights` with probability proportional to its value. */
  weighted<K extends string>(weights: Partial<Record<K, number>>): K {
    return this.pickWeighted(Object.entries(weights) as [K, number][], ([, weight]) => weight)[0];
  }

  /** Log-uniform: as many loans between ¥10k and ¥100k as between ¥100k and ¥1M. */
  logUniform(min: number, max: number): number {
    return Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, count);
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i += 1) out += String(this.int(0, 9));
    return out;
  }

  bytes(count: number): Uint8Array {
    return Uint8Array.from({ length: count }, () => this.int(0, 255));
  }
}

/** The local calendar date of an instant. */
function localDay(ms: number): string {
  return new Date(ms + UTC_OFFSET).toISOString().slice(0, 10);
}

/** The instant `minutes` after local midnight starting `date`. */
function atLocal(date: string, minutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) - UTC_OFFSET + minutes * MINUTE;
}

function formatAddress(b: BorrowerRow): string {
  // Municipalities are their own province and city: 北京市北京市 would read wrong.
  const city = b.city === b.province ? '' : b.city;
  return `${b.province}${city}${b.district}${b.addressDetail}`;
}

/** Replaces {key} placeholders. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** "¥1,234.50" */
function formatFen(fen: number): string {
  return Money.ofFen(fen).format();
}

function entries<K extends string, V>(record: Record<K, V>): [K, V][] {
  return Object.entries(record) as [K, V][];
}

interface RepaymentPromise {
  date: string;
  amountFen: number;
}

const promiseNote = (promise: RepaymentPromise) =>
  `承诺${promise.date}前还款${formatFen(promise.amountFen)}`;

// ---------------------------------------------------------------------------------------------
// The generator

/** A case's product, amounts, delinquency and status, decided before its borrower exists. */
interface CaseTerms {
  product: Product;
  dpd: number;
  overdueSince: string;
  status: CaseStatus;
  closeReason: CloseReason | null;
  createdAt: number;
  principalFen: number;
  outstandingFen: number;
  overdueFen: number;
  originYear: string;
}

/** A case being built: its row plus what later steps need to keep its story consistent. */
interface CaseFile {
  institutionCode: string;
  row: CaseRow;
  borrower: BorrowerRow;
  thirdParties: ThirdPartyRow[];
  dpd: number;
  /** The overdue amount before any closing payment: what promises and visits are about. */
  arrearsFen: number;
  contacts: ContactRow[];
  visits: VisitRow[];
  /** Promises to pay heard on calls, oldest first: each becomes a PROMISE plan. */
  promises: (RepaymentPromise & { at: number })[];
}

interface Staff {
  supervisor: UserRow;
  collectors: UserRow[];
}

type Sex = 'M' | 'F';

class SeedBuilder {
  private readonly rng = new Rng(PRNG_SEED);
  /** `now` to the whole second, so every generated instant survives a database round trip. */
  private readonly now: number;
  private readonly today: string;
  private readonly scale: number;
  private readonly data: SeedData = {
    institutions: [],
    users: [],
    borrowers: [],
    thirdParties: [],
    cases: [],
    contacts: [],
    visits: [],
    visitCollectors: [],
    feedback: [],
    holds: [],
    tasks: [],
    plans: [],
    installments: [],
    payments: [],
  };
  private readonly receiptCodes = new Set<string>();
  private readonly recordingCounts = new Map<string, number>();
  private casesSoFar = 0;

  constructor(private readonly options: SeedOptions) {
    this.now = Math.floor(options.now.getTime() / SECOND) * SECOND;
    this.today = localDay(this.now);
    this.scale = options.scale ?? 1;
  }

  build(): SeedData {
    for (const spec of INSTITUTIONS) this.institution(spec);
    this.prioritise();
    return this.data;
  }

  /** Open cases get the score the daily cycle would give them today: the list order is real. */
  private prioritise(): void {
    const creditScores = new Map(this.data.borrowers.map((b) => [b.id, b.creditScore]));
    const lastContact = new Map<string, number>();
    for (const contact of this.data.contacts) {
      if (contact.direction !== ContactDirection.OUTBOUND) continue;
      const at = contact.occurredAt.getTime();
      if (at > (lastContact.get(contact.case) ?? -Infinity)) lastContact.set(contact.case, at);
    }
    const broken = new Map<string, number>();
    for (const plan of this.data.plans) {
      if (plan.status === RepaymentPlanStatus.BROKEN) {
        broken.set(plan.case, (broken.get(plan.case) ?? 0) + 1);
      }
    }
    const today = localDay(this.now);
    for (const row of this.data.cases) {
      if (row.status === CaseStatus.CLOSED) continue;
      const last = lastContact.get(row.id);
      row.priority = priorityScore({
        outstandingFen: row.outstandingFen,
        dpd: Math.max(0, daysPastDue(row.overdueSince, new Date(this.now), TIME_ZONE)),
        creditScore: creditScores.get(row.borrower) ?? null,
        brokenPromises: broken.get(row.id) ?? 0,
        daysSinceLastContact: last === undefined ? null : diffDays(today, localDay(last)),
      }).score;
    }
  }

  private id(msecs: number): string {
    return v7({ msecs, random: this.rng.bytes(16) });
  }

  /** A uniformly random whole second in [from, to). */
  private between(from: number, to: number): number {
    return from + Math.floor((this.rng.next() * (to - from)) / SECOND) * SECOND;
  }

  /**
   * A random whole second in [from, to) within legal contact hours (08:00–21:59 local), or
   * null when the span has none. `from` and `to` are whole seconds.
   */
  private daytime(from: number, to: number): number | null {
    const spans: [number, number][] = [];
    let total = 0;
    for (let midnight = atLocal(localDay(from), 0); midnight < to; midnight += DAY) {
      const start = Math.max(from, midnight + 8 * HOUR);
      const end = Math.min(to, midnight + 22 * HOUR);
      if (end - start >= SECOND) {
        spans.push([start, end]);
        total += end - start;
      }
    }
    let offset = this.rng.next() * total;
    for (const [start, end] of spans) {
      if (offset < end - start) return start + Math.floor(offset / SECOND) * SECOND;
      offset -= end - start;
    }
    return null;
  }

  private fullName(sex: Sex, surname = this.surname()): string {
    const chars = GIVEN_NAME_CHARS[sex];
    const given = this.rng.pick(chars) + (this.rng.chance(0.65) ? this.rng.pick(chars) : '');
    return surname + given;
  }

  private surname(): string {
    const r = this.rng.next();
    return SURNAMES[Math.floor(SURNAMES.length * r * r)] as string;
  }

  private sex(): Sex {
    return this.rng.chance(0.55) ? 'M' : 'F';
  }

  private mobile(): string {
    return this.rng.pick(MOBILE_PREFIXES) + this.rng.digits(8);
  }

  private institution(spec: InstitutionSpec): void {
    // Two years back: older than any case history it holds.
    const createdAt = this.now - 730 * DAY;
    const institution: InstitutionRow = {
      id: this.id(createdAt),
      code: spec.code,
      name: spec.name,
      timeZone: TIME_ZONE,
      rulePack: RulePackCode.CN,
      createdAt: new Date(createdAt),
    };
    this.data.institutions.push(institution);
    const users = STAFF.map(
      ({ local, role }): UserRow => ({
        id: this.id(createdAt),
        institution: institution.id,
        email: `${local}@${spec.code.toLowerCase()}.demo`,
        displayName: this.fullName(this.sex()),
        role,
        passwordHash: this.options.passwordHash,
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      }),
    );
    this.data.users.push(...users);
    const staff: Staff = {
      supervisor: users.find((u) => u.role === Role.SUPERVISOR)!,
      collectors: users.filter((u) => u.role === Role.COLLECTOR),
    };

    const borrowerCount = Math.max(
      MIN_BORROWERS_PER_INSTITUTION,
      Math.round(TOTAL_BORROWERS * spec.share * this.scale),
    );
    const nationalIds = new Set<string>();
    const files: CaseFile[] = [];
    let loanSequence = this.rng.int(100, 999);
    for (let i = 0; i < borrowerCount; i += 1) {
      // Half the borrowers owe on two products, e.g. a credit card and a loan.
      const terms = Array.from({ length: this.rng.chance(0.5) ? 2 : 1 }, () => this.terms(spec));
      const borrower = this.borrower(spec, institution.id, nationalIds, terms);
      const thirdParties = this.thirdParties(borrower);
      for (const t of terms) {
        loanSequence += this.rng.int(1, 40);
        const loanNumber = `${spec.code}-${PRODUCTS[t.product].abbreviation}-${t.originYear}-${String(loanSequence).padStart(6, '0')}`;
        files.push(this.openCase(spec, t, loanNumber, borrower, thirdParties, staff));
      }
    }
    this.visits(spec, files, staff);
    this.feedback(spec, files, staff);
    for (const file of files) this.plans(file);
  }

  /**
   * Each promise heard becomes a PROMISE plan. The newest of a PROMISED case is still ACTIVE
   * while its due date and grace days have not passed; one past them was kept (and paid) or
   * broken; one followed by a newer promise was cancelled by it.
   */
  private plans(file: CaseFile): void {
    const { row, promises } = file;
    const today = localDay(this.now);
    promises.forEach((promise, index) => {
      const next = promises[index + 1];
      const lapsed = addDays(promise.date, DEFAULT_PLAN_TERMS.graceDays) < today;
      const status = next
        ? lapsed && this.rng.chance(0.55)
          ? RepaymentPlanStatus.KEPT
          : RepaymentPlanStatus.CANCELLED
        : !lapsed && row.status === CaseStatus.PROMISED
          ? RepaymentPlanStatus.ACTIVE
          : lapsed && (row.status === CaseStatus.CLOSED || this.rng.chance(0.55))
            ? RepaymentPlanStatus.KEPT
            : lapsed
              ? RepaymentPlanStatus.BROKEN
              : RepaymentPlanStatus.CANCELLED;
      const kept = status === RepaymentPlanStatus.KEPT;
      const paidAt = kept
        ? this.between(promise.at, Math.min(atLocal(promise.date, 18 * 60), this.now))
        : null;
      const closedAt =
        status === RepaymentPlanStatus.ACTIVE
          ? null
          : (paidAt ??
            (status === RepaymentPlanStatus.BROKEN
              ? atLocal(addDays(promise.date, DEFAULT_PLAN_TERMS.graceDays + 1), 2 * 60)
              : (next?.at ?? this.now)));
      const plan = this.id(promise.at);
      const installment = this.id(promise.at);
      const stamp = { institution: row.institution, createdAt: new Date(promise.at) };
      this.data.plans.push({
        ...stamp,
        id: plan,
        case: row.id,
        kind: RepaymentPlanKind.PROMISE,
        status,
        totalFen: promise.amountFen,
        paidFen: kept ? promise.amountFen : 0,
        createdBy: row.assignee,
        closedAt: closedAt === null ? null : new Date(closedAt),
        updatedAt: new Date(closedAt ?? promise.at),
      });
      this.data.installments.push({
        ...stamp,
        id: installment,
        plan,
        sequence: 1,
        dueDate: promise.date,
        amountFen: promise.amountFen,
        paidFen: kept ? promise.amountFen : 0,
        updatedAt: new Date(closedAt ?? promise.at),
      });
      if (paidAt !== null) {
        this.data.payments.push({
          institution: row.institution,
          id: this.id(paidAt),
          case: row.id,
          plan,
          amountFen: promise.amountFen,
          paidAt: new Date(paidAt),
          channel: this.rng.pick(Object.values(PaymentChannel)),
          externalRef: `SEED-${file.institutionCode}-${plan.slice(-12)}`,
          allocations: [{ installmentId: installment, amountFen: promise.amountFen }],
          createdAt: new Date(paidAt),
          updatedAt: new Date(paidAt),
        });
      }
    });
  }

  private borrower(
    spec: InstitutionSpec,
    institution: string,
    nationalIds: Set<string>,
    terms: readonly CaseTerms[],
  ): BorrowerRow {
    // The ID's region is where the borrower lives now: true for most people with local loans.
    const region = this.rng.pick(spec.regions);
    let sex: Sex;
    let nationalId: string;
    do {
      sex = this.sex();
      const birthDate = addDays('1960-01-01', this.rng.int(0, 15_705)); // to 2002-12-31
      // The sequence number is 001–999: odd for men, even for women.
      const sequence = sex === 'M' ? this.rng.int(0, 499) * 2 + 1 : this.rng.int(1, 499) * 2;
      const first17 = `${region.code}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      nationalId = first17 + nationalIdCheckDigit(first17);
    } while (nationalIds.has(nationalId));
    nationalIds.add(nationalId);

    const places = { city: region.city, district: region.district, town: region.town ?? '' };
    const addressDetail = region.town
      ? `${region.town}${this.rng.pick(VILLAGES)}村${this.rng.int(1, 12)}组${this.rng.int(1, 120)}号`
      : `${this.rng.pick(ROADS)}${this.rng.int(1, 300)}号${this.rng.pick(COMPOUNDS)}` +
        `${this.rng.int(1, 30)}栋${this.rng.int(1, 6)}单元` +
        `${this.rng.int(1, 28)}${String(this.rng.int(1, 4)).padStart(2, '0')}室`;
    const [minIncome, maxIncome] = region.town ? [1_800, 12_000] : [2_500, 35_000];
    const incomeYuan = Math.round(this.rng.logUniform(minIncome, maxIncome) / 10) * 10;
    const email = !this.rng.chance(0.35)
      ? null
      : this.rng.chance(0.5)
        ? `${this.rng.int(10_000_000, 2_999_999_999)}@qq.com`
        : `${this.rng.pick(EMAIL_HANDLES)}${nationalId.slice(8, 10)}${this.rng.digits(2)}@163.com`;
    // A borrower arrives with their first case.
    const createdAt = new Date(Math.min(...terms.map((t) => t.createdAt)));
    const borrower: BorrowerRow = {
      id: this.id(createdAt.getTime()),
      institution,
      fullName: this.fullName(sex),
      nationalId,
      phones: this.rng.chance(0.3) ? [this.mobile(), this.mobile()] : [this.mobile()],
      email,
      province: region.province,
      city: region.city,
      district: region.district,
      addressDetail,
      employer: this.rng.chance(0.1)
        ? null
        : fill(this.rng.pick(region.town ? RURAL_EMPLOYERS : EMPLOYERS), places),
      monthlyIncomeFen: this.rng.chance(0.12) ? null : incomeYuan * 100,
      // Bell-shaped around 575: delinquent borrowers are rarely at either extreme.
      creditScore: this.rng.chance(0.05)
        ? null
        : 300 + Math.round(((this.rng.next() + this.rng.next() + this.rng.next()) / 3) * 550),
      createdAt,
      updatedAt: createdAt,
    };
    this.data.borrowers.push(borrower);
    return borrower;
  }

  private thirdParties(borrower: BorrowerRow): ThirdPartyRow[] {
    const sex: Sex = Number(borrower.nationalId.charAt(16)) % 2 === 1 ? 'M' : 'F';
    const born = Number(borrower.nationalId.slice(6, 10));
    // Only borrowers old enough to have grown-up children name one.
    const weights = born <= 1980 ? THIRD_PARTY_RELATIONS : { ...THIRD_PARTY_RELATIONS, CHILD: 0 };
    const relations = new Set<ThirdPartyRelation>();
    const count = Number(this.rng.weighted({ 0: 25, 1: 45, 2: 30 }));
    while (relations.size < count) relations.add(this.rng.weighted(weights));
    const rows = [...relations].map((relation): ThirdPartyRow => {
      const spouse = relation === ThirdPartyRelation.SPOUSE;
      const kin = FAMILY.has(relation) && this.rng.chance(0.7);
      return {
        id: this.id(borrower.createdAt.getTime()),
        institution: borrower.institution,
        borrower: borrower.id,
        fullName: this.fullName(
          spouse ? (sex === 'M' ? 'F' : 'M') : this.sex(),
          kin ? borrower.fullName.charAt(0) : this.surname(),
        ),
        relation,
        phone: this.mobile(),
        // A guarantor is party to the debt; so is a spouse who co-signed.
        debtRelated: relation === ThirdPartyRelation.GUARANTOR || (spouse && this.rng.chance(0.2)),
        refusedContact: this.rng.chance(0.08),
        createdAt: borrower.createdAt,
        updatedAt: borrower.createdAt,
      };
    });
    this.data.thirdParties.push(...rows);
    return rows;
  }

  private terms(spec: InstitutionSpec): CaseTerms {
    // The first cases walk through every bucket, so even a tiny seed has all of them.
    const bucket =
      this.casesSoFar < BUCKETS.length
        ? (BUCKETS[this.casesSoFar] as Bucket)
        : this.rng.weighted(BUCKET_WEIGHTS);
    this.casesSoFar += 1;
    const range = dpdRangeOfBucket(bucket);
    const dpd = this.rng.int(range.min, range.max ?? MAX_SEEDED_DPD);
    // DPD is 1 on overdueSince; a case not yet overdue falls due in a few days.
    const overdueSince = addDays(this.today, dpd === 0 ? this.rng.int(1, 5) : 1 - dpd);

    let status = this.rng.weighted(statusWeights(dpd));
    // Cases arrive in the core system's nightly batch: a few days before a due date (pre-due
    // reminders) or in the first days of delinquency. A NEW case has only just arrived (e.g.
    // handed back by an agency) and waits for assignment.
    const intakeDay =
      dpd === 0
        ? addDays(this.today, -this.rng.int(1, 3))
        : addDays(overdueSince, this.rng.int(0, 2));
    const createdAt = Math.min(
      status === CaseStatus.NEW
        ? this.now - this.rng.int(1, 72) * HOUR
        : atLocal(intakeDay, this.rng.int(2 * 60, 6 * 60)),
      this.now - 5 * MINUTE,
    );
    // Anything but NEW needs a day of collection history behind it.
    if (createdAt > this.now - DAY) status = CaseStatus.NEW;

    const product = this.rng.weighted(spec.products);
    const { termMonths, minYuan, maxYuan } = PRODUCTS[product];
    const principalFen = Math.round(this.rng.logUniform(minYuan, maxYuan) / 100) * 100 * 100;
    const monthsOverdue = Math.max(1, Math.ceil(dpd / 30));
    // Penalty interest of about 0.05% a day accrues while the loan is overdue.
    const penalty = 1 + dpd * 0.0005;
    let outstandingFen: number;
    let overdueFen: number;
    let monthsOnBook: number;
    if (termMonths === 0) {
      outstandingFen = Math.round(principalFen * (0.6 + 0.4 * this.rng.next()) * penalty);
      // Each missed month adds a minimum payment; after a few the whole balance is due.
      overdueFen = Math.round(outstandingFen * Math.min(1, 0.1 + 0.15 * monthsOverdue));
      monthsOnBook = this.rng.int(12, 96);
    } else {
      const paidMonths = this.rng.int(0, Math.floor(termMonths * 0.8));
      outstandingFen = Math.round(principalFen * (1 - paidMonths / termMonths) * penalty);
      // Installments carry interest; a long-delinquent loan is often called in whole (提前到期).
      const installmentFen = Math.round((principalFen / termMonths) * 1.25);
      overdueFen =
        dpd > 90 && this.rng.chance(0.4)
          ? outstandingFen
          : Math.min(outstandingFen, installmentFen * monthsOverdue);
      monthsOnBook = paidMonths + monthsOverdue;
    }
    return {
      product,
      dpd,
      overdueSince,
      status,
      closeReason: status === CaseStatus.CLOSED ? this.rng.weighted(closeReasonWeights(dpd)) : null,
      createdAt,
      principalFen,
      outstandingFen,
      overdueFen,
      originYear: addDays(overdueSince, -30 * monthsOnBook).slice(0, 4),
    };
  }

  private openCase(
    spec: InstitutionSpec,
    terms: CaseTerms,
    loanNumber: string,
    borrower: BorrowerRow,
    thirdParties: ThirdPartyRow[],
    staff: Staff,
  ): CaseFile {
    const paidOff =
      terms.closeReason === CloseReason.PAID_IN_FULL || terms.closeReason === CloseReason.SETTLED;
    // Bigger and older debts first: amount scores 0 at ¥1,000 and 1 at ¥10M, age caps at 180
    // DPD, and a little noise keeps similar cases from tying.
    const createdAt = new Date(terms.createdAt);
    const row: CaseRow = {
      id: this.id(terms.createdAt),
      institution: borrower.institution,
      loanNumber,
      product: terms.product,
      borrower: borrower.id,
      assignee: terms.status === CaseStatus.NEW ? null : this.rng.pick(staff.collectors).id,
      status: terms.status,
      stage: stageForDpd(terms.dpd),
      closeReason: terms.closeReason,
      principalFen: terms.principalFen,
      outstandingFen: paidOff ? 0 : terms.outstandingFen,
      overdueFen: paidOff ? 0 : terms.overdueFen,
      overdueSince: terms.overdueSince,
      priority: 0, // scored once the case's history exists (prioritise)
      nextAction: null,
      nextActionAt: null,
      hardshipRequestedAt: null,
      createdAt,
      updatedAt: createdAt,
    };
    this.data.cases.push(row);
    const file: CaseFile = {
      institutionCode: spec.code,
      row,
      borrower,
      thirdParties,
      dpd: terms.dpd,
      arrearsFen: terms.overdueFen,
      contacts: [],
      visits: [],
      promises: [],
    };
    if (row.assignee !== null) this.work(file, row.assignee);
    return file;
  }

  /** The contact history of an assigned case, ending in the conversation behind its status. */
  private work(file: CaseFile, collector: string): void {
    const { row } = file;
    const decisive = this.decisiveOutcome(row);
    const from = Math.max(row.createdAt.getTime(), this.now - CONTACT_HISTORY_DAYS * DAY);
    // A promise, hold or refusal is recent, or the case would have moved on by now: at most five
    // days old, so a promise (due 6–14 days after it) is still open. The case is at least a day
    // old, so the span always has daytime.
    const decisiveAt = decisive
      ? this.daytime(Math.max(from, this.now - 5 * DAY), this.now)!
      : null;
    const times: number[] = [];
    for (let n = this.rng.int(2, 6) - (decisive ? 1 : 0); n > 0; n -= 1) {
      const at = this.daytime(from, decisiveAt ?? this.now);
      if (at !== null) times.push(at);
    }
    times.sort((a, b) => a - b);

    // One borrower in seven has gone silent (失联): calls fail until a named contact is tried.
    const reachable = decisive !== null || this.rng.chance(6 / 7);
    const callable = file.thirdParties.filter((t) => !t.refusedContact);
    let missedCalls = 0;
    for (const at of times) {
      // Third parties only once the borrower is unreachable: three failed calls in a row.
      if (missedCalls >= 3 && callable.length > 0 && this.rng.chance(0.6)) {
        this.call(file, collector, at, {
          result: ContactResult.CONVERSATION,
          outcome: ContactOutcome.THIRD_PARTY,
          thirdParty: this.rng.pick(callable),
        });
        missedCalls = 0;
        continue;
      }
      const contact = this.contact(file, collector, at, reachable);
      if (contact.channel === ContactChannel.PHONE) {
        const missed =
          contact.result === ContactResult.NOT_ANSWERED || contact.result === ContactResult.FAILED;
        missedCalls = missed ? missedCalls + 1 : 0;
      }
    }
    let promise: RepaymentPromise | null = null;
    if (decisive && decisiveAt !== null) {
      if (decisive === ContactOutcome.PROMISE_TO_PAY) promise = this.promise(file, decisiveAt);
      this.call(file, collector, decisiveAt, {
        result: ContactResult.CONVERSATION,
        outcome: decisive,
        note: promise ? promiseNote(promise) : undefined,
      });
    }

    const last = file.contacts.at(-1);
    if (last) row.updatedAt = last.occurredAt;
    if (row.status !== CaseStatus.CLOSED && this.rng.chance(0.75)) {
      row.nextAction = this.nextAction(row, decisive, promise);
      row.nextActionAt =
        row.status === CaseStatus.ON_HOLD
          ? null
          : new Date(
              promise
                ? atLocal(promise.date, 10 * 60)
                : atLocal(addDays(this.today, this.rng.int(1, 5)), this.rng.int(9 * 60, 17 * 60)),
            );
    }
  }

  /** The outcome of the conversation that put a case where its status says it is. */
  private decisiveOutcome(row: CaseRow): ContactOutcome | null {
    switch (row.status) {
      case CaseStatus.PROMISED:
        return ContactOutcome.PROMISE_TO_PAY;
      case CaseStatus.ON_HOLD:
        return this.rng.chance(0.6) ? ContactOutcome.HARDSHIP : ContactOutcome.DISPUTE;
      case CaseStatus.ESCALATED:
        return this.rng.chance(0.7) ? ContactOutcome.REFUSAL : null;
      case CaseStatus.CLOSED:
        // A paid-off case closed on a kept promise.
        return row.closeReason === CloseReason.PAID_IN_FULL ||
          row.closeReason === CloseReason.SETTLED
          ? ContactOutcome.PROMISE_TO_PAY
          : null;
      default:
        return null;
    }
  }

  /** A promise made in a call at `at`, to pay within two weeks. */
  private heardPromise(file: CaseFile, at: number): RepaymentPromise {
    const promise = this.promise(file, at);
    file.promises.push({ ...promise, at });
    return promise;
  }

  private promise(file: CaseFile, at: number): RepaymentPromise {
    const share = this.rng.pick([1, 1, 0.5, 0.3]);
    return {
      date: addDays(localDay(at), this.rng.int(6, 14)),
      amountFen: Math.max(100, Math.round(file.arrearsFen * share)),
    };
  }

  private nextAction(
    row: CaseRow,
    decisive: ContactOutcome | null,
    promise: RepaymentPromise | null,
  ): string {
    if (promise) return `跟进还款承诺：${promise.date}前还款${formatFen(promise.amountFen)}`;
    if (row.status === CaseStatus.ON_HOLD) {
      return decisive === ContactOutcome.DISPUTE
        ? '暂停催收：借款人对欠款金额有异议，待核实'
        : '暂停催收：借款人申请困难分期，待审批';
    }
    if (row.status === CaseStatus.ESCALATED) {
      return row.stage === CaseStage.LEGAL
        ? '整理诉讼材料，提交法务审核'
        : '主管复核：借款人拒绝还款，评估上门催收';
    }
    return NEXT_ACTIONS[row.stage];
  }

  /** One routine contact: a reminder message or a call, with a result the channel can have. */
  private contact(file: CaseFile, collector: string, at: number, reachable: boolean): ContactRow {
    let channel = this.rng.weighted(CHANNEL_WEIGHTS[file.dpd <= 7 ? 'early' : 'late']);
    if (channel === ContactChannel.EMAIL && !file.borrower.email) channel = ContactChannel.SMS;
    if (channel === ContactChannel.PHONE) {
      const result = this.rng.weighted(reachable ? CALL_RESULTS.reachable : CALL_RESULTS.silent);
      const outcome =
        result === ContactResult.CONVERSATION
          ? this.rng.weighted(CONVERSATION_OUTCOMES)
          : result === ContactResult.ANSWERED
            ? this.rng.weighted(ANSWERED_OUTCOMES)
            : ContactOutcome.NO_CONTACT;
      return this.call(file, collector, at, { result, outcome });
    }
    // An app message sometimes turns into a chat with the borrower.
    const outcome =
      channel === ContactChannel.APP && reachable && this.rng.chance(0.15)
        ? this.rng.weighted(CONVERSATION_OUTCOMES)
        : null;
    const failed = !outcome && this.rng.chance(reachable ? 0.06 : 0.3);
    return this.record(file, collector, at, {
      channel,
      result: outcome
        ? ContactResult.CONVERSATION
        : failed
          ? ContactResult.FAILED
          : ContactResult.DELIVERED,
      outcome,
      attitude: outcome && this.attitude(outcome),
      note: outcome
        ? `App 在线沟通：${this.outcomeNote(file, outcome, at)}`
        : MESSAGE_NOTES[channel][failed ? 'failed' : 'sent'],
      recordingRef: null,
    });
  }

  /** A phone call, to the borrower or to one of their third parties. */
  private call(
    file: CaseFile,
    collector: string,
    at: number,
    call: {
      result: ContactResult;
      outcome: ContactOutcome;
      thirdParty?: ThirdPartyRow;
      note?: string;
    },
  ): ContactRow {
    const { result, outcome } = call;
    const reached = result === ContactResult.ANSWERED || result === ContactResult.CONVERSATION;
    const count = (this.recordingCounts.get(file.institutionCode) ?? 0) + 1;
    this.recordingCounts.set(file.institutionCode, count);
    return this.record(file, collector, at, {
      channel: ContactChannel.PHONE,
      // Now and then the borrower is the one who calls back.
      direction:
        result === ContactResult.CONVERSATION && !call.thirdParty && this.rng.chance(0.1)
          ? ContactDirection.INBOUND
          : ContactDirection.OUTBOUND,
      result,
      outcome,
      attitude: reached ? this.attitude(outcome) : null,
      note:
        call.note ??
        (reached
          ? this.outcomeNote(file, outcome, at)
          : this.rng.pick(result === ContactResult.FAILED ? FAILED_CALL_NOTES : UNANSWERED_NOTES)),
      recordingRef: `rec://${file.institutionCode}/${localDay(at).replaceAll('-', '')}/${String(count).padStart(6, '0')}`,
      thirdParty: call.thirdParty?.id ?? null,
    });
  }

  private outcomeNote(file: CaseFile, outcome: ContactOutcome, at: number): string {
    return outcome === ContactOutcome.PROMISE_TO_PAY
      ? promiseNote(this.heardPromise(file, at))
      : this.rng.pick(CALL_NOTES[outcome]);
  }

  private attitude(outcome: ContactOutcome): Attitude | null {
    const weights = ATTITUDES[outcome];
    return weights ? this.rng.weighted(weights) : null;
  }

  private record(
    file: CaseFile,
    collector: string,
    at: number,
    fields: Pick<
      ContactRow,
      'channel' | 'result' | 'outcome' | 'attitude' | 'note' | 'recordingRef'
    > &
      Partial<Pick<ContactRow, 'direction' | 'thirdParty'>>,
  ): ContactRow {
    const contact: ContactRow = {
      id: this.id(at),
      institution: file.row.institution,
      case: file.row.id,
      thirdParty: null,
      direction: ContactDirection.OUTBOUND,
      occurredAt: new Date(at),
      madeBy: collector,
      ...fields,
      createdAt: new Date(at),
      updatedAt: new Date(at),
    };
    file.contacts.push(contact);
    this.data.contacts.push(contact);
    return contact;
  }

  private visits(spec: InstitutionSpec, files: CaseFile[], staff: Staff): void {
    const eligible = files.filter(
      (f) =>
        f.row.assignee !== null &&
        (f.row.stage === CaseStage.VISIT || f.row.stage === CaseStage.LEGAL),
    );
    const count = Math.min(
      eligible.length,
      Math.max(1, Math.round(TOTAL_VISITED_CASES * spec.share * this.scale)),
    );
    const yesterday = addDays(this.today, -1);
    for (const file of this.rng.sample(eligible, count)) {
      // Not before the visit stage (DPD 31), nor before there was time to plan one.
      const firstDay = [
        addDays(file.row.overdueSince, 30),
        localDay(file.row.createdAt.getTime() + 3 * DAY),
        addDays(this.today, -VISIT_HISTORY_DAYS),
      ].reduce((a, b) => (a > b ? a : b));
      const past = new Set<string>();
      if (firstDay <= yesterday) {
        const picks = this.rng.chance(0.2) ? 2 : 1;
        for (let i = 0; i < picks; i += 1) {
          past.add(addDays(firstDay, this.rng.int(0, diffDays(yesterday, firstDay))));
        }
      }
      // Of two past visits, the first did not go ahead: that is why there was a second.
      [...past].sort().forEach((day, i) => this.visit(file, staff, day, i === past.size - 1));
      // Collection has stopped on held and closed cases: only open ones get new appointments.
      const open =
        file.row.status === CaseStatus.IN_PROGRESS || file.row.status === CaseStatus.ESCALATED;
      if (open && (past.size === 0 || this.rng.chance(0.4))) {
        this.visit(file, staff, addDays(this.today, this.rng.int(1, UPCOMING_VISIT_DAYS)), true);
      }
    }
  }

  /** A visit on `day`; a past one that was not the `latest` of its case failed. */
  private visit(file: CaseFile, staff: Staff, day: string, latest: boolean): void {
    const lead = file.row.assignee as string;
    const durationMinutes = this.rng.pick([60, 90, 120]);
    // Appointments start on the half hour between 09:00 and 18:00 and end by 18:00.
    const windowStart = atLocal(
      day,
      9 * 60 + 30 * this.rng.int(0, (9 * 60 - durationMinutes) / 30),
    );
    const windowEnd = windowStart + durationMinutes * MINUTE;
    const upcoming = windowStart > this.now;
    const caseCreated = file.row.createdAt.getTime();
    const plannedAt = upcoming
      ? this.daytime(Math.max(caseCreated, this.now - 3 * DAY), this.now)!
      : // Planned within a week before; firstDay leaves room for that after the intake.
        this.daytime(Math.max(caseCreated, windowStart - 7 * DAY), windowStart - HOUR)!;
    const status = upcoming
      ? this.rng.weighted<VisitStatus>({ PLANNED: 40, CONFIRMED: 60 })
      : latest
        ? this.rng.weighted<VisitStatus>({ COMPLETED: 80, NO_SHOW: 10, CANCELLED: 10 })
        : this.rng.weighted<VisitStatus>({ NO_SHOW: 50, CANCELLED: 50 });
    const confirmed =
      status !== VisitStatus.PLANNED && (status !== VisitStatus.CANCELLED || this.rng.chance(0.5));
    const confirmedAt = confirmed
      ? (this.daytime(plannedAt, Math.min(windowStart - HOUR, this.now)) ?? plannedAt)
      : null;
    // The assignee leads, with one or two colleagues.
    const others = staff.collectors.filter((c) => c.id !== lead);
    const collectors = [lead, ...this.rng.sample(others, this.rng.int(1, 2)).map((c) => c.id)];

    const visit: VisitRow = {
      id: this.id(plannedAt),
      institution: file.row.institution,
      case: file.row.id,
      status,
      windowStart: new Date(windowStart),
      windowEnd: new Date(windowEnd),
      address: formatAddress(file.borrower),
      purpose: this.rng.pick(
        VISIT_PURPOSES[file.row.stage === CaseStage.LEGAL ? 'LEGAL' : 'VISIT'],
      ),
      plannedBy: staff.supervisor.id,
      confirmedAt: confirmedAt === null ? null : new Date(confirmedAt),
      confirmedVia: confirmed ? this.rng.pick(CONFIRMED_VIA) : null,
      confirmedBy: confirmed ? lead : null,
      checkedInAt: null,
      checkedOutAt: null,
      attitude: null,
      willingness: null,
      overdueReason: null,
      negotiatedResult: null,
      note: null,
      followUpDate: null,
      createdAt: new Date(plannedAt),
      updatedAt: new Date(confirmedAt ?? plannedAt),
    };
    if (status === VisitStatus.COMPLETED) this.recordVisit(file, visit, durationMinutes);
    if (status === VisitStatus.NO_SHOW) {
      visit.note = NO_SHOW_NOTE;
      visit.updatedAt = visit.windowEnd;
    }
    if (status === VisitStatus.CANCELLED) {
      visit.note = this.rng.pick(CANCEL_NOTES);
      visit.updatedAt = new Date(this.between(confirmedAt ?? plannedAt, windowStart));
    }
    file.visits.push(visit);
    this.data.visits.push(visit);
    this.data.visitCollectors.push(
      ...collectors.map((user) => ({ visit: visit.id, user, institution: visit.institution })),
    );
  }

  /** The full record a COMPLETED visit needs (记录与反馈). */
  private recordVisit(file: CaseFile, visit: VisitRow, durationMinutes: number): void {
    const checkedInAt = visit.windowStart.getTime() + this.rng.int(-10, 20) * MINUTE;
    const checkedOutAt = checkedInAt + this.rng.int(30, durationMinutes) * MINUTE;
    const [willingness, outcome] = this.rng.pickWeighted(
      entries(VISIT_RESULTS),
      ([, r]) => r.weight,
    );
    const reason =
      file.row.product === Product.BUSINESS && this.rng.chance(0.5)
        ? OverdueReason.BUSINESS_FAILURE
        : this.rng.pickWeighted(entries(OVERDUE_REASONS), ([, r]) => r.weight)[0];
    const day = localDay(visit.windowStart.getTime());
    const months = this.rng.pick([6, 12, 24]);
    const installment = Money.ofFen(file.arrearsFen).allocate(months)[0] as Money;
    Object.assign(visit, {
      checkedInAt: new Date(checkedInAt),
      checkedOutAt: new Date(checkedOutAt),
      attitude: outcome.attitude,
      willingness,
      overdueReason: reason,
      negotiatedResult: fill(outcome.result, {
        date: addDays(day, this.rng.int(3, 10)),
        amount: formatFen(
          willingness === Willingness.HIGH ? file.arrearsFen : Math.round(file.arrearsFen * 0.3),
        ),
        plan: `每月${installment.format()}，共${months}期`,
      }),
      note: `${OVERDUE_REASONS[reason].note}。两名以上催收员出示工作证件，经借款人同意入户面谈，全程录音。`,
      followUpDate: addDays(day, this.rng.int(3, 14)),
      updatedAt: new Date(checkedOutAt),
    } satisfies Partial<VisitRow>);
  }

  private feedback(spec: InstitutionSpec, files: CaseFile[], staff: Staff): void {
    const contacted = files.filter((f) => f.contacts.length > 0);
    const count = Math.min(
      contacted.length,
      Math.max(1, Math.round(TOTAL_FEEDBACK * spec.share * this.scale)),
    );
    for (const file of this.rng.sample(contacted, count)) {
      const visit = file.visits.find((v) => v.status === VisitStatus.COMPLETED);
      const topic = this.rng.pickWeighted(
        FEEDBACK_TOPICS.filter((t) => !t.aboutVisit || visit),
        (t) => t.weight,
      );
      // Feedback follows what it is about: the visit, or the first contact.
      const about = topic.aboutVisit ? visit!.checkedOutAt! : file.contacts[0]!.occurredAt;
      const createdAt = this.between(
        Math.max(about.getTime(), this.now - CONTACT_HISTORY_DAYS * DAY),
        this.now,
      );
      const { status, acknowledgedAt, closedAt } = this.feedbackProgress(topic, createdAt);
      const rating = !this.rng.chance(0.5)
        ? null
        : topic.kind === FeedbackKind.COMPLAINT
          ? this.rng.int(1, 2)
          : topic.kind === FeedbackKind.PRAISE
            ? this.rng.int(4, 5)
            : this.rng.int(2, 4);
      const feedbackId = this.id(createdAt);
      this.data.feedback.push({
        id: feedbackId,
        institution: file.row.institution,
        case: file.row.id,
        borrower: file.borrower.id,
        receiptCode: this.receiptCode(),
        kind: topic.kind,
        category: topic.category,
        message: topic.message,
        rating,
        status,
        ...feedbackDeadlines(new Date(createdAt), {
          timeZone: TIME_ZONE,
          calendar: statutoryCalendarAround(new Date(createdAt)),
        }),
        acknowledgedAt: acknowledgedAt === null ? null : new Date(acknowledgedAt),
        closedAt: closedAt === null ? null : new Date(closedAt),
        handledBy: acknowledgedAt === null ? null : staff.supervisor.id,
        resolution:
          status === FeedbackStatus.RESOLVED
            ? topic.resolved
            : status === FeedbackStatus.REJECTED
              ? topic.rejected
              : null,
        createdAt: new Date(createdAt),
        updatedAt: new Date(closedAt ?? acknowledgedAt ?? createdAt),
      });
      this.feedbackConsequences(file, staff, { id: feedbackId, topic, createdAt, closedAt });
    }
  }

  /** The hold a complaint or dispute placed (released when it closed), or a hardship review. */
  private feedbackConsequences(
    file: CaseFile,
    staff: Staff,
    feedback: { id: string; topic: FeedbackTopic; createdAt: number; closedAt: number | null },
  ): void {
    const { topic, createdAt, closedAt } = feedback;
    const open = closedAt === null && file.row.status !== CaseStatus.CLOSED;
    const hold = holdForFeedback(topic.kind, topic.category);
    if (hold) {
      this.data.holds.push({
        id: this.id(createdAt),
        institution: file.row.institution,
        case: file.row.id,
        kind: hold,
        reason: `借款人${topic.kind === FeedbackKind.DISPUTE ? '异议' : '投诉'}处理中，暂停催收。`,
        placedAt: new Date(createdAt),
        placedBy: null,
        feedback: feedback.id,
        releasedAt: closedAt === null ? null : new Date(closedAt),
        releasedBy: closedAt === null ? null : staff.supervisor.id,
        releaseNote: closedAt === null ? null : '反馈已处理，恢复催收。',
        createdAt: new Date(createdAt),
        updatedAt: new Date(closedAt ?? createdAt),
      });
      if (open) file.row.status = CaseStatus.ON_HOLD;
    }
    if (topic.kind === FeedbackKind.HARDSHIP && open) {
      file.row.hardshipRequestedAt = new Date(createdAt);
      this.data.tasks.push({
        id: this.id(createdAt),
        institution: file.row.institution,
        case: file.row.id,
        kind: TaskKind.HARDSHIP_REVIEW,
        dueDate: localDay(createdAt + DAY),
        assignee: file.row.assignee,
        note: '审核借款人的困难还款申请。',
        dedupeKey: `hardship:${feedback.id}`,
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      });
    }
  }

  /** How far feedback got by its age: old ones are closed, a few overran the 15-day SLA. */
  private feedbackProgress(
    topic: FeedbackTopic,
    createdAt: number,
  ): { status: FeedbackStatus; acknowledgedAt: number | null; closedAt: number | null } {
    const acknowledgedAt = createdAt + this.rng.int(60, 20 * 60) * MINUTE;
    const age = this.now - createdAt;
    const stage =
      acknowledgedAt > this.now
        ? 'RECEIVED'
        : age < DAY
          ? this.rng.weighted({ RECEIVED: 6, ACKNOWLEDGED: 4 })
          : age < 15 * DAY
            ? this.rng.weighted({ ACKNOWLEDGED: 3, INVESTIGATING: 4, CLOSED: 3 })
            : this.rng.weighted({ INVESTIGATING: 1, CLOSED: 11 });
    if (stage === 'RECEIVED') return { status: stage, acknowledgedAt: null, closedAt: null };
    if (stage !== 'CLOSED') return { status: stage, acknowledgedAt, closedAt: null };
    const closeBy = Math.min(createdAt + 14 * DAY, this.now);
    const closedAt = this.between(Math.min(acknowledgedAt + HOUR, closeBy), closeBy);
    const rejected = topic.rejected !== null && this.rng.chance(0.2);
    return { status: rejected ? 'REJECTED' : 'RESOLVED', acknowledgedAt, closedAt };
  }

  private receiptCode(): string {
    let code: string;
    do {
      code = 'FB';
      for (let i = 0; i < 10; i += 1) {
        code += RECEIPT_ALPHABET.charAt(this.rng.int(0, RECEIPT_ALPHABET.length - 1));
      }
    } while (this.receiptCodes.has(code));
    this.receiptCodes.add(code);
    return code;
  }
}

/** The demo data for `now`, without touching a database; the same options give the same data. */
export function generateSeedData(options: SeedOptions): SeedData {
  return new SeedBuilder(options).build();
}

/**
 * Inserts the demo data through `em`, inside the caller's transaction. Everything is generated
 * before the first flush, so a generator error writes nothing; rows then go in by type in
 * foreign-key order, in batches, clearing the identity map between them to keep memory flat.
 */
export async function seedDatabase(em: EntityManager, options: SeedOptions): Promise<SeedSummary> {
  const data = generateSeedData(options);
  await insert(em, Institution, data.institutions);
  await insert(em, User, data.users);
  await insert(em, Borrower, data.borrowers);
  await insert(em, BorrowerPhoneIndex, phoneIndexRows(data.borrowers));
  await insert(em, ThirdParty, data.thirdParties);
  await insert(em, Case, data.cases);
  await insert(em, Contact, withDialedNumbers(data));
  await insert(em, Visit, data.visits);
  await insert(em, VisitCollector, data.visitCollectors);
  await insert(em, Feedback, data.feedback);
  await insert(em, CaseHold, data.holds);
  await insert(em, Task, data.tasks);
  await insert(em, RepaymentPlan, data.plans);
  await insert(em, Installment, data.installments);
  await insert(em, Payment, data.payments);
  return {
    institutions: data.institutions.length,
    users: data.users.length,
    borrowers: data.borrowers.length,
    cases: data.cases.length,
    contacts: data.contacts.length,
    visits: data.visits.length,
    feedback: data.feedback.length,
  };
}

/**
 * The contacts with the number each call dialled (the borrower's first, or the third
 * party's) as the blind index the dial cap counts by; key-dependent, like the phone index.
 */
function withDialedNumbers(data: SeedData): RequiredEntityData<Contact>[] {
  const borrowerOfCase = new Map(data.cases.map((c) => [c.id, c.borrower]));
  const phoneOfBorrower = new Map(data.borrowers.map((b) => [b.id, b.phones[0]]));
  const phoneOfThirdParty = new Map(data.thirdParties.map((t) => [t.id, t.phone]));
  return data.contacts.map((contact) => {
    if (contact.channel !== ContactChannel.PHONE) return contact;
    const phone = contact.thirdParty
      ? phoneOfThirdParty.get(contact.thirdParty)
      : phoneOfBorrower.get(borrowerOfCase.get(contact.case) ?? '');
    return phone ? { ...contact, dialedNumberIndex: blindIndex(phone) } : contact;
  });
}

/**
 * Blind indexes depend on the data key, so they are computed here, at insert time, and not by
 * the key-free generator above. (Encryption itself happens in the entities' column types.)
 */
function phoneIndexRows(
  borrowers: readonly BorrowerRow[],
): RequiredEntityData<BorrowerPhoneIndex>[] {
  return borrowers.flatMap((b) =>
    b.phones.map((phone) => ({
      institution: b.institution,
      borrower: b.id,
      phoneIndex: blindIndex(phone),
      createdAt: b.createdAt,
      updatedAt: b.createdAt,
    })),
  );
}

async function insert<E extends object>(
  em: EntityManager,
  entity: EntityName<E>,
  rows: readonly RequiredEntityData<E>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    for (const row of rows.slice(start, start + INSERT_BATCH)) {
      em.create(entity, row, { persist: true });
    }
    await em.flush();
    em.clear();
  }
}
