import type {
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
}

/**
 * The console's own messages in Simplified Chinese, the default locale. Its shape is the
 * contract for every other locale (`en.ts` is typed by it). Field labels follow react-admin's
 * convention `resources.<resource>.fields.<source>`, nested for dotted sources.
 */
export const appMessagesZhCN = {
  resources: {
    cases: {
      name: '案件',
      fields: {
        id: '案件 ID',
        loanNumber: '贷款编号',
        product: '产品',
        institution: { code: '机构', name: '机构' },
        institutionId: '机构',
        borrower: {
          fullName: '借款人',
          nationalIdMasked: '身份证号',
          phonesMasked: '手机号',
          city: '城市',
        },
        assignee: { displayName: '催收员' },
        status: '状态',
        stage: '阶段',
        bucket: '账龄',
        dpd: '逾期天数',
        dpdMin: '逾期天数 ≥',
        dpdMax: '逾期天数 ≤',
        principalAmount: '本金',
        outstandingAmount: '未偿金额',
        overdueAmount: '逾期金额',
        overdueSince: '逾期起始日',
        priority: '优先级',
        createdAt: '创建时间',
        updatedAt: '更新时间',
        lastContact: {
          occurredAt: '最近联系',
          channel: '渠道',
          result: '结果',
          outcome: '结论',
          note: '备注',
        },
        nextVisit: {
          status: '状态',
          windowStart: '开始',
          windowEnd: '结束',
        },
      },
      sections: {
        case: '案件信息',
        amounts: '金额',
        borrower: '借款人',
        lastContact: '最近联系',
        nextVisit: '下次上门',
      },
      empty: {
        assignee: '未分配',
        lastContact: '尚无联系记录',
        nextVisit: '暂无上门安排',
      },
    },
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
  } satisfies EnumMessages,
};

export type AppMessages = typeof appMessagesZhCN;
