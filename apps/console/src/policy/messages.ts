import { defineMessages } from '../i18n/define';

/** The institution's collection policy page (admins). */
export const messages = defineMessages(
  {
    resources: {
      collectionPolicies: {
        name: '催收策略',
        fields: {
          rulePack: '规则包',
          holidayCalendar: '节假日不催收',
          overrides: {
            quietHoursStart: '静默时段开始',
            quietHoursEnd: '静默时段结束',
            maxUnansweredDialsPerNumberPerDay: '每个号码每日未接通拨打上限',
            maxConversationsPerBorrowerPerDay: '每位借款人每日有效通话上限',
            maxCallAttemptsPerRollingDays: {
              attempts: '滚动周期内拨打次数上限',
              days: '滚动周期（天）',
            },
            noCallAfterConversationDays: '通话后冷静期（天）',
            thirdPartyUnreachableAfterFailedAttempts: '连续失败几次后视为失联',
            recordRetentionYears: '催收记录保存年限',
            visitMinCollectors: '上门最少人数',
            hardshipPlanMaxYears: '困难分期最长年限',
          },
          escalationLadder: '升级阶梯',
          fromDpd: '逾期天数起',
          stage: '至少处于阶段',
        },
      },
    },
    policy: {
      title: '催收策略',
      subtitle: '%{institution} · 规则包 %{pack} 版本 %{version}',
      sections: {
        pack: '规则包与节假日',
        quietHours: '静默时段（借款人当地时间）',
        limits: '频次与期限',
        ladder: '升级阶梯',
      },
      help: {
        pack: '机构可以在所选规则包的基础上收紧各项数字，但不能放宽。留空的数字沿用规则包。',
        holidayCalendar: '开启后，法定节假日与周末（调休工作日除外）不联系借款人。',
        quietHours: '静默时段只能比规则包更宽：开始不晚于规则包，结束不早于规则包，并跨越午夜。',
        ladder: '从逾期第 1 天起，逾期天数与阶段逐级上升。清空全部阶梯即恢复默认阶梯。',
      },
      hint: {
        cap: '规则包上限 %{value}，只能调低；留空沿用',
        minimum: '规则包要求至少 %{value}，只能调高；留空沿用',
        none: '规则包无此项限制，可自行设定',
        time: '规则包：%{value}；留空沿用',
        inForce: '当前生效：%{value}',
      },
      errors: {
        integer: '请输入不小于 %{min} 的整数',
        capLoosened: '不能放宽：规则包上限为 %{limit}',
        minimumLoosened: '不能放宽：规则包要求至少 %{limit}',
        clock: '请按 HH:MM 格式填写时间',
        bothTimes: '开始和结束需同时填写',
        bothNumbers: '次数和天数需同时填写',
        crossMidnight: '静默时段须跨越午夜（开始晚于结束）',
        startLater: '不能晚于规则包的开始时间 %{limit}',
        endEarlier: '不能早于规则包的结束时间 %{limit}',
        ladderStartsAtOne: '第一级须从逾期第 1 天开始',
        ladderDays: '须大于上一级的 %{previous} 天',
        ladderStages: '阶段须高于上一级',
      },
      saved: '催收策略已保存',
      noInstitution: '无法确定您所属的机构。',
    },
  },
  {
    resources: {
      collectionPolicies: {
        name: 'Collection policy |||| Collection policies',
        fields: {
          rulePack: 'Rule pack',
          holidayCalendar: 'No collection on holidays',
          overrides: {
            quietHoursStart: 'Quiet hours start',
            quietHoursEnd: 'Quiet hours end',
            maxUnansweredDialsPerNumberPerDay: 'Unanswered dials per number per day',
            maxConversationsPerBorrowerPerDay: 'Conversations per borrower per day',
            maxCallAttemptsPerRollingDays: {
              attempts: 'Call attempts per rolling window',
              days: 'Rolling window (days)',
            },
            noCallAfterConversationDays: 'Cool-down after a conversation (days)',
            thirdPartyUnreachableAfterFailedAttempts: 'Failed attempts before unreachable',
            recordRetentionYears: 'Keep collection records (years)',
            visitMinCollectors: 'Collectors per visit, at least',
            hardshipPlanMaxYears: 'Hardship plan, at most (years)',
          },
          escalationLadder: 'Escalation ladder',
          fromDpd: 'From days past due',
          stage: 'At least at stage',
        },
      },
    },
    policy: {
      title: 'Collection policy',
      subtitle: '%{institution} · rule pack %{pack} version %{version}',
      sections: {
        pack: 'Rule pack and holidays',
        quietHours: "Quiet hours (borrower's local time)",
        limits: 'Limits and periods',
        ladder: 'Escalation ladder',
      },
      help: {
        pack: 'The institution may tighten any number of the chosen rule pack, never loosen it. Numbers left empty follow the pack.',
        holidayCalendar:
          'When on, statutory holidays and weekends (make-up workdays excepted) are no-contact days.',
        quietHours:
          "Quiet hours may only be wider than the pack's: start no later, end no earlier, crossing midnight.",
        ladder:
          'From day 1 past due, days and stages climb step by step. Remove every step to return to the default ladder.',
      },
      hint: {
        cap: 'The pack allows at most %{value}; only lower. Empty: follow the pack',
        minimum: 'The pack requires at least %{value}; only higher. Empty: follow the pack',
        none: 'The pack has no such limit; you may set one',
        time: 'Pack: %{value}. Empty: follow the pack',
        inForce: 'In force: %{value}',
      },
      errors: {
        integer: 'Enter a whole number of at least %{min}',
        capLoosened: "Cannot loosen: the pack's limit is %{limit}",
        minimumLoosened: 'Cannot loosen: the pack requires at least %{limit}',
        clock: 'Enter a time as HH:MM',
        bothTimes: 'Fill in both start and end',
        bothNumbers: 'Fill in both attempts and days',
        crossMidnight: 'Quiet hours must cross midnight (start after end)',
        startLater: "Cannot start later than the pack's %{limit}",
        endEarlier: "Cannot end earlier than the pack's %{limit}",
        ladderStartsAtOne: 'The first step starts at day 1 past due',
        ladderDays: 'Must be above the previous step (%{previous})',
        ladderStages: 'Must be a higher stage than the previous step',
      },
      saved: 'Collection policy saved',
      noInstitution: 'Your institution is not known.',
    },
  },
);
