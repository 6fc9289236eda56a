import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  {
    resources: {
      tasks: {
        name: '待办',
        fields: {
          kind: '类型',
          case: { loanNumber: '案件' },
          note: '内容',
          dueDate: '到期日',
          dueBy: '到期不晚于',
          assignee: { displayName: '负责人' },
          assigneeId: '负责人',
          status: '状态',
          completedAt: '完成时间',
          createdAt: '创建时间',
        },
      },
    },
    tasks: {
      columns: { actions: '操作' },
      actions: { done: '完成', doneSelected: '标记为完成' },
      notifications: { done: '案件 %{loanNumber} 的待办已完成' },
      due: { overdue: '逾期 %{smart_count} 天', today: '今天到期' },
      empty: { unassigned: '未分配' },
    },
  },
  {
    resources: {
      tasks: {
        name: 'Task |||| Tasks',
        fields: {
          kind: 'Kind',
          case: { loanNumber: 'Case' },
          note: 'Note',
          dueDate: 'Due',
          dueBy: 'Due by',
          assignee: { displayName: 'Assignee' },
          assigneeId: 'Assignee',
          status: 'Status',
          completedAt: 'Completed',
          createdAt: 'Created',
        },
      },
    },
    tasks: {
      columns: { actions: 'Actions' },
      actions: { done: 'Done', doneSelected: 'Mark done' },
      notifications: { done: 'Task on case %{loanNumber} marked done' },
      due: {
        overdue: '%{smart_count} day late |||| %{smart_count} days late',
        today: 'Due today',
      },
      empty: { unassigned: 'Unassigned' },
    },
  },
);
