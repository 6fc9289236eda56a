import type {
  Attitude,
  ContactDirection,
  ContactRuleCode,
  FeedbackCategory,
  FeedbackKind,
  FeedbackStatus,
  HoldKind,
  NextActionKind,
  OverdueReason,
  PaymentChannel,
  PolicyChannel,
  RepaymentPlanKind,
  RepaymentPlanStatus,
  Role,
  RulePackCode,
  TaskKind,
  TaskStatus,
  ThirdPartyRelation,
  Willingness,
  Bucket,
  CaseStage,
  CaseStatus,
  ContactChannel,
  ContactOutcome,
  ContactResult,
  Product,
  VisitStatus,
} from '@arrears/domain';

/** The enum labels every locale must provide, one per value of each schema enum. */
interface EnumMessages {
  caseStatus: Record<CaseStatus, string>;
  caseStage: Record<CaseStage, string>;
  bucket: Record<Bucket, string>;
  product: Record<Product, string>;
  contactChannel: Record<ContactChannel, string>;
  contactResult: Record<ContactResult, string>;
  contactOutcome: Record<ContactOutcome, string>;
  visitStatus: Record<VisitStatus, string>;
  contactDirection: Record<ContactDirection, string>;
  attitude: Record<Attitude, string>;
  willingness: Record<Willingness, string>;
  overdueReason: Record<OverdueReason, string>;
  feedbackKind: Record<FeedbackKind, string>;
  feedbackCategory: Record<FeedbackCategory, string>;
  feedbackStatus: Record<FeedbackStatus, string>;
  thirdPartyRelation: Record<ThirdPartyRelation, string>;
  role: Record<Role, string>;
  rulePackCode: Record<RulePackCode, string>;
  repaymentPlanKind: Record<RepaymentPlanKind, string>;
  repaymentPlanStatus: Record<RepaymentPlanStatus, string>;
  paymentChannel: Record<PaymentChannel, string>;
  holdKind: Record<HoldKind, string>;
  taskKind: Record<TaskKind, string>;
  taskStatus: Record<TaskStatus, string>;
  nextActionKind: Record<NextActionKind, string>;
  policyChannel: Record<PolicyChannel, string>;
  policyRule: Record<ContactRuleCode, string>;
}

/**
 * The console's own messages in Simplified Chinese, the default locale. Its shape is the
 * contract for every other locale (`en.ts` is typed by it). Field labels follow react-admin's
 * convention `resources.<resource>.fields.<source>`, nested for dotted sources.
 */
export const appMessagesZhCN = {
  resources: {
    institutions: {
      name: '机构',
      fields: {
        code: '机构代码',
        name: '名称',
        timeZone: '时区',
      },
    },
  },
  enums: {
    caseStatus: {
      NEW: '新案件',
      IN_PROGRESS: '处理中',
      PROMISED: '已承诺还款',
      ON_HOLD: '暂停催收',
      ESCALATED: '已升级',
      CLOSED: '已结案',
    },
    caseStage: {
      REMINDER: '提醒',
      PHONE: '电话催收',
      VISIT: '上门催收',
      LEGAL: '法律程序',
    },
    bucket: {
      CURRENT: '未逾期',
      M1: 'M1（1–30 天）',
      M2: 'M2（31–60 天）',
      M3: 'M3（61–90 天）',
      M4: 'M4（91–120 天）',
      M5: 'M5（121–150 天）',
      M6_PLUS: 'M6+（150 天以上）',
    },
    product: {
      CREDIT_LOAN: '信用贷',
      CREDIT_CARD: '信用卡',
      CONSUMER: '消费贷',
      BUSINESS: '经营贷',
      MORTGAGE: '房贷',
    },
    contactChannel: {
      SMS: '短信',
      EMAIL: '电子邮件',
      PHONE: '电话',
      LETTER: '信函',
      APP: 'App',
    },
    contactResult: {
      NOT_ANSWERED: '未接通',
      ANSWERED: '已接通',
      CONVERSATION: '有效通话',
      DELIVERED: '已送达',
      FAILED: '失败',
    },
    contactOutcome: {
      RIGHT_PARTY: '本人接听',
      WRONG_NUMBER: '号码错误',
      THIRD_PARTY: '第三方接听',
      PROMISE_TO_PAY: '承诺还款',
      REFUSAL: '拒绝还款',
      DISPUTE: '有异议',
      HARDSHIP: '经济困难',
      CALLBACK_REQUESTED: '要求回电',
      NO_CONTACT: '未联系上',
    },
    visitStatus: {
      PLANNED: '已计划',
      CONFIRMED: '已确认',
      CHECKED_IN: '已签到',
      COMPLETED: '已完成',
      NO_SHOW: '未见到人',
      CANCELLED: '已取消',
      RESCHEDULED: '已改期',
    },
    contactDirection: {
      OUTBOUND: '外呼',
      INBOUND: '呼入',
    },
    attitude: {
      COOPERATIVE: '配合',
      NEUTRAL: '一般',
      EVASIVE: '回避',
      HOSTILE: '敌对',
    },
    willingness: {
      HIGH: '强',
      MEDIUM: '一般',
      LOW: '弱',
      NONE: '无',
    },
    overdueReason: {
      INCOME_LOSS: '收入下降',
      ILLNESS: '疾病',
      BUSINESS_FAILURE: '经营失败',
      FORGOT: '忘记还款',
      DISPUTE: '有争议',
      MALICIOUS: '恶意拖欠',
      OTHER: '其他',
    },
    feedbackKind: {
      COMPLAINT: '投诉',
      DISPUTE: '异议',
      HARDSHIP: '困难申请',
      SUGGESTION: '建议',
      PRAISE: '表扬',
    },
    feedbackCategory: {
      CONTACT_AT_NIGHT: '夜间联系',
      THREAT: '威胁恐吓',
      HARASSMENT: '骚扰',
      PRIVACY_LEAK: '隐私泄露',
      THIRD_PARTY_CONTACT: '联系第三方',
      WRONG_AMOUNT: '金额有误',
      VISIT_CONDUCT: '上门行为',
      SERVICE: '服务',
      OTHER: '其他',
    },
    feedbackStatus: {
      RECEIVED: '已接收',
      ACKNOWLEDGED: '已受理',
      INVESTIGATING: '调查中',
      RESOLVED: '已解决',
      REJECTED: '不予支持',
    },
    thirdPartyRelation: {
      SPOUSE: '配偶',
      PARENT: '父母',
      CHILD: '子女',
      SIBLING: '兄弟姐妹',
      RELATIVE: '亲属',
      COLLEAGUE: '同事',
      FRIEND: '朋友',
      GUARANTOR: '担保人',
      OTHER: '其他',
    },
    role: {
      ADMIN: '管理员',
      SUPERVISOR: '催收主管',
      COLLECTOR: '催收员',
      AUDITOR: '审计员',
    },
    rulePackCode: {
      CN: '中国（默认）',
      US_REG_F: '美国 Regulation F',
    },
    repaymentPlanKind: {
      PROMISE: '承诺还款',
      INSTALLMENT: '分期',
      EXTENSION: '延期',
    },
    repaymentPlanStatus: {
      ACTIVE: '履约中',
      KEPT: '已履约',
      BROKEN: '已违约',
      CANCELLED: '已取消',
    },
    paymentChannel: {
      BANK_TRANSFER: '银行转账',
      CARD: '银行卡',
      CASH: '现金',
      ALIPAY: '支付宝',
      WECHAT_PAY: '微信支付',
      OTHER: '其他',
    },
    holdKind: {
      DISPUTE: '异议',
      COMPLAINT: '投诉处理中',
      HARDSHIP_PLAN: '困难分期',
      CEASE_CHANNEL: '停止渠道联系',
    },
    taskKind: {
      FOLLOW_UP: '跟进',
      BROKEN_PROMISE: '违约跟进',
      HARDSHIP_REVIEW: '困难申请审核',
      VISIT_FOLLOW_UP: '上门后跟进',
    },
    taskStatus: {
      OPEN: '待处理',
      DONE: '已完成',
      CANCELLED: '已取消',
    },
    nextActionKind: {
      SMS: '发送短信',
      PHONE: '电话联系',
      VISIT: '上门',
      LEGAL_REVIEW: '法务审核',
    },
    policyChannel: {
      SMS: '短信',
      EMAIL: '电子邮件',
      PHONE: '电话',
      LETTER: '信函',
      APP: 'App',
      VISIT: '上门',
    },
    policyRule: {
      QUIET_HOURS: '静默时段',
      DIAL_CAP: '未接通次数上限',
      CONVERSATION_CAP: '有效通话次数上限',
      CALL_ATTEMPT_CAP: '呼叫次数上限',
      CONVERSATION_COOLDOWN: '通话后冷静期',
      THIRD_PARTY_NOT_UNLOCKED: '尚不可联系第三方',
      THIRD_PARTY_REFUSED: '第三方已拒绝',
      HOLD_DISPUTE: '异议暂停',
      HOLD_COMPLAINT: '投诉暂停',
      HOLD_HARDSHIP: '困难分期暂停',
      CEASE_CHANNEL: '停止该渠道',
      HOLIDAY: '非工作日',
    },
  } satisfies EnumMessages,
};

export type AppMessages = typeof appMessagesZhCN;
