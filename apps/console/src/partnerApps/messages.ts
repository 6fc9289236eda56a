import { defineMessages } from '../i18n/define';

export const messages = defineMessages(
  {
    resources: {
      partnerApps: {
        name: '合作方应用',
        fields: {
          name: '名称',
          keyPrefix: '密钥前缀',
          scopes: '权限范围',
          lastUsedAt: '最近使用',
          revokedAt: '状态',
          createdAt: '创建时间',
        },
      },
    },
    partnerApps: {
      columns: { actions: '操作' },
      status: { active: '有效', revoked: '已吊销' },
      empty: { neverUsed: '从未使用' },
      actions: { rotate: '轮换密钥', revoke: '吊销' },
      rotate: {
        title: '轮换“%{name}”的密钥？',
        content: '将生成新密钥，当前密钥立即失效。合作方改用新密钥之前将无法调用 API。',
        confirm: '轮换',
      },
      revoke: {
        title: '吊销“%{name}”？',
        content: '该应用的密钥将立即永久失效，此后既不能恢复也不能再轮换。',
        confirm: '吊销',
      },
      key: {
        title: '“%{name}”的 API 密钥',
        onceTitle: '密钥只显示这一次',
        once: '请立即复制并妥善保存（例如交由合作方的密钥管理系统）。系统只保存其哈希，关闭此窗口后无法再次查看；遗失时只能轮换密钥。',
        label: 'API 密钥',
        copy: '复制',
        copiedButton: '已复制',
        copied: '密钥已复制到剪贴板',
        copyFailed: '无法自动复制，请选中密钥后手动复制。',
        done: '我已保存密钥',
      },
      notifications: {
        created: '已创建合作方应用“%{name}”',
        rotated: '已为“%{name}”生成新密钥',
        revoked: '已吊销“%{name}”',
      },
      create: {
        title: '新建合作方应用',
        hint: '为合作方（银行核心系统、外包机构或外勤 App）创建 API 客户端，只授予其需要的权限范围。',
        save: '创建并生成密钥',
      },
      validation: { scopes: '请至少选择一项权限范围' },
    },
  },
  {
    resources: {
      partnerApps: {
        name: 'Partner app |||| Partner apps',
        fields: {
          name: 'Name',
          keyPrefix: 'Key prefix',
          scopes: 'Scopes',
          lastUsedAt: 'Last used',
          revokedAt: 'Status',
          createdAt: 'Created',
        },
      },
    },
    partnerApps: {
      columns: { actions: 'Actions' },
      status: { active: 'Active', revoked: 'Revoked' },
      empty: { neverUsed: 'Never used' },
      actions: { rotate: 'Rotate key', revoke: 'Revoke' },
      rotate: {
        title: 'Rotate the key of "%{name}"?',
        content:
          'A new key is issued and the current key stops working at once. The partner cannot call the API until it uses the new key.',
        confirm: 'Rotate',
      },
      revoke: {
        title: 'Revoke "%{name}"?',
        content:
          "The app's key stops working at once and for good; a revoked app can be neither restored nor rotated.",
        confirm: 'Revoke',
      },
      key: {
        title: 'API key of "%{name}"',
        onceTitle: 'This key is shown only once',
        once: "Copy it now and keep it somewhere safe (such as the partner's secret store). Only its hash is stored: once this window is closed the key cannot be shown again, and a lost key can only be replaced by rotating it.",
        label: 'API key',
        copy: 'Copy',
        copiedButton: 'Copied',
        copied: 'The key is on the clipboard',
        copyFailed: 'The key could not be copied automatically; select it and copy it by hand.',
        done: 'I have stored the key',
      },
      notifications: {
        created: 'Partner app "%{name}" created',
        rotated: 'New key issued for "%{name}"',
        revoked: '"%{name}" revoked',
      },
      create: {
        title: 'New partner app',
        hint: "An API client for a partner (a bank's core system, an agency or a field app); grant only the scopes it needs.",
        save: 'Create and issue key',
      },
      validation: { scopes: 'Choose at least one scope' },
    },
  },
);
