import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  {
    resources: {
      feedback: {
        name: '借款人反馈',
        fields: {
          receiptCode: '回执编号',
          kind: '类型',
          category: '类别',
          status: '状态',
          case: { loanNumber: '案件' },
          message: '内容',
          rating: '评分',
          resolution: '处理结果',
          createdAt: '收到时间',
          updatedAt: '更新时间',
          acknowledgeDueAt: '受理时限',
          acknowledgedAt: '受理时间',
          resolveDueAt: '办结时限',
          closedAt: '办结时间',
        },
      },
    },
    feedback: {
      filters: { overdue: '已超时' },
      tabs: {
        label: '按状态筛选',
        open: '待处理',
        RECEIVED: '待受理',
        ACKNOWLEDGED: '已受理',
        INVESTIGATING: '调查中',
        closed: '已办结',
        all: '全部',
      },
      sla: {
        late: '已超时 %{duration}',
        left: '剩余 %{duration}',
        metLate: '超时完成',
        met: '按时完成',
        overdue: '已超时',
        units: {
          days: '%{smart_count} 天',
          hours: '%{smart_count} 小时',
          minutes: '%{smart_count} 分钟',
        },
      },
      actions: {
        ACKNOWLEDGED: '受理',
        INVESTIGATING: '开始调查',
        RESOLVED: '解决',
        REJECTED: '不予支持',
      },
      dialog: {
        ACKNOWLEDGED: {
          title: '受理反馈 %{receiptCode}？',
          content: '确认已收到并开始处理。借款人凭回执编号查询时将看到“已受理”。',
          confirm: '确认受理',
        },
        INVESTIGATING: {
          title: '调查反馈 %{receiptCode}？',
          content: '将反馈标记为调查中，例如调取录音、约谈催收员。',
          confirm: '开始调查',
        },
        RESOLVED: {
          title: '解决反馈 %{receiptCode}',
          content: '写明处理结果：借款人查询时可见，并记入审计日志。解决后不能再更改。',
          confirm: '确认解决',
        },
        REJECTED: {
          title: '不予支持反馈 %{receiptCode}',
          content: '写明不予支持的理由：借款人查询时可见，并记入审计日志。此后不能再更改。',
          confirm: '确认不予支持',
        },
        liftsHold:
          '此反馈使案件 %{loanNumber} 处于“%{hold}”暂停。办结后该暂停自动解除，案件可恢复催收（如无其他暂停）。',
        keepsHold: '案件 %{loanNumber} 的“%{hold}”暂停将保持，直至此反馈被解决或不予支持。',
        resolution: '处理结果',
        resolutionHelp: '必填，将告知借款人。',
      },
      notifications: {
        ACKNOWLEDGED: '反馈 %{receiptCode} 已受理',
        INVESTIGATING: '反馈 %{receiptCode} 已转入调查',
        RESOLVED: '反馈 %{receiptCode} 已解决',
        REJECTED: '反馈 %{receiptCode} 已办结（不予支持）',
      },
      show: {
        title: '反馈 %{receiptCode}',
        holdOpen:
          '此反馈使案件 %{loanNumber} 处于“%{hold}”暂停：在解决或不予支持之前，该案件停止催收。',
        ratingOf: '%{rating} / 5',
      },
      sections: {
        message: '借款人留言',
        resolution: '处理结果',
        sla: '处理时限',
        details: '详情',
        history: '处理记录',
      },
      empty: { notYet: '尚未' },
      history: {
        received: '收到反馈',
        handled: '开始处理（%{status}）',
        closed: '办结：%{status}',
        pending: '等待办结',
        dueBy: '时限 %{at}',
        audit: {
          title: '审计记录',
          created: '提交',
          status: '状态：%{from} → %{to}',
          updated: '更新',
          none: '暂无审计记录',
        },
      },
    },
  },
  {
    resources: {
      feedback: {
        name: 'Feedback |||| Feedback',
        fields: {
          receiptCode: 'Receipt',
          kind: 'Kind',
          category: 'Category',
          status: 'Status',
          case: { loanNumber: 'Case' },
          message: 'Message',
          rating: 'Rating',
          resolution: 'Resolution',
          createdAt: 'Received',
          updatedAt: 'Updated',
          acknowledgeDueAt: 'Acknowledge by',
          acknowledgedAt: 'Acknowledged',
          resolveDueAt: 'Resolve by',
          closedAt: 'Closed',
        },
      },
    },
    feedback: {
      filters: { overdue: 'Overdue' },
      tabs: {
        label: 'Filter by status',
        open: 'Open',
        RECEIVED: 'Received',
        ACKNOWLEDGED: 'Acknowledged',
        INVESTIGATING: 'Investigating',
        closed: 'Closed',
        all: 'All',
      },
      sla: {
        late: '%{duration} late',
        left: '%{duration} left',
        metLate: 'Met late',
        met: 'Met in time',
        overdue: 'Overdue',
        units: {
          days: '%{smart_count} day |||| %{smart_count} days',
          hours: '%{smart_count} hour |||| %{smart_count} hours',
          minutes: '%{smart_count} minute |||| %{smart_count} minutes',
        },
      },
      actions: {
        ACKNOWLEDGED: 'Acknowledge',
        INVESTIGATING: 'Investigate',
        RESOLVED: 'Resolve',
        REJECTED: 'Reject',
      },
      dialog: {
        ACKNOWLEDGED: {
          title: 'Acknowledge feedback %{receiptCode}?',
          content:
            'Confirms it was received and is being handled. A borrower checking the receipt sees "Acknowledged".',
          confirm: 'Acknowledge',
        },
        INVESTIGATING: {
          title: 'Investigate feedback %{receiptCode}?',
          content:
            'Marks the feedback as under investigation (recordings pulled, collectors heard…).',
          confirm: 'Start investigating',
        },
        RESOLVED: {
          title: 'Resolve feedback %{receiptCode}',
          content:
            'Write the resolution: the borrower sees it when checking the receipt, and it goes to the audit log. It cannot be changed afterwards.',
          confirm: 'Resolve',
        },
        REJECTED: {
          title: 'Reject feedback %{receiptCode}',
          content:
            'Write why it is rejected: the borrower sees it when checking the receipt, and it goes to the audit log. It cannot be changed afterwards.',
          confirm: 'Reject',
        },
        liftsHold:
          'This feedback holds case %{loanNumber} ("%{hold}"). Closing it lifts that hold: collection on the case may resume unless another hold applies.',
        keepsHold:
          'The "%{hold}" hold on case %{loanNumber} stays until this feedback is resolved or rejected.',
        resolution: 'Resolution',
        resolutionHelp: 'Required; the borrower will be told.',
      },
      notifications: {
        ACKNOWLEDGED: 'Feedback %{receiptCode} acknowledged',
        INVESTIGATING: 'Feedback %{receiptCode} under investigation',
        RESOLVED: 'Feedback %{receiptCode} resolved',
        REJECTED: 'Feedback %{receiptCode} rejected',
      },
      show: {
        title: 'Feedback %{receiptCode}',
        holdOpen:
          'This feedback holds case %{loanNumber} ("%{hold}"): no collection on the case until it is resolved or rejected.',
        ratingOf: '%{rating} / 5',
      },
      sections: {
        message: "Borrower's message",
        resolution: 'Resolution',
        sla: 'Deadlines',
        details: 'Details',
        history: 'History',
      },
      empty: { notYet: 'Not yet' },
      history: {
        received: 'Received',
        handled: 'Taken up (%{status})',
        closed: 'Closed: %{status}',
        pending: 'Awaiting resolution',
        dueBy: 'Due %{at}',
        audit: {
          title: 'Audit trail',
          created: 'Submitted',
          status: 'Status: %{from} → %{to}',
          updated: 'Updated',
          none: 'No audit events',
        },
      },
    },
  },
);
