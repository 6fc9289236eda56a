import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  {
    resources: {
      contacts: {
        name: '催记',
        fields: {
          occurredAt: '时间',
          occurredFrom: '日期从',
          occurredTo: '日期至',
          caseId: '案件',
          case: {
            loanNumber: '贷款编号',
            borrower: { fullName: '借款人' },
          },
          thirdParty: '联系对象',
          channel: '渠道',
          direction: '方向',
          result: '结果',
          outcome: '结论',
          attitude: '态度',
          madeById: '催收员',
          madeBy: { displayName: '催收员' },
          note: '备注',
          recordingRef: '录音编号',
          createdAt: '录入时间',
        },
      },
    },
    contacts: {
      person: {
        borrower: '借款人本人',
        thirdParty: '%{name}（%{relation}）',
      },
      empty: {
        none: '—',
        note: '无备注',
        recording: '无录音',
        madeBy: '系统或合作方',
      },
    },
  },
  {
    resources: {
      contacts: {
        name: 'Contact |||| Contacts',
        fields: {
          occurredAt: 'When',
          occurredFrom: 'From day',
          occurredTo: 'To day',
          caseId: 'Case',
          case: {
            loanNumber: 'Loan number',
            borrower: { fullName: 'Borrower' },
          },
          thirdParty: 'Person reached',
          channel: 'Channel',
          direction: 'Direction',
          result: 'Result',
          outcome: 'Outcome',
          attitude: 'Attitude',
          madeById: 'Collector',
          madeBy: { displayName: 'Made by' },
          note: 'Note',
          recordingRef: 'Recording',
          createdAt: 'Entered',
        },
      },
    },
    contacts: {
      person: {
        borrower: 'The borrower',
        thirdParty: '%{name} (%{relation})',
      },
      empty: {
        none: '—',
        note: 'No note',
        recording: 'No recording',
        madeBy: 'System or partner',
      },
    },
  },
);
