import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  { resources: { auditEvents: { name: '审计日志' } } },
  { resources: { auditEvents: { name: 'Audit event |||| Audit log' } } },
);
