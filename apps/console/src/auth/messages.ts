import { defineMessages } from '../i18n/define';

/**
 * The sign-in page, the sign-in-again dialog, the app bar and the menu's own entry (the others
 * use their screens' titles).
 */
export const messages = defineMessages(
  {
    auth: {
      appTitle: 'Arrears 催收管理',
      login: {
        emailHint: '工作邮箱，例如 supervisor@psbc.demo',
      },
      relogin: {
        title: '登录已过期，请重新登录',
        explanation: '您的登录已失效。重新输入密码即可继续，本页尚未保存的内容会保留。',
        email: '邮箱',
        password: '密码',
        signIn: '重新登录',
        signOut: '退出登录',
        wrongPassword: '密码不正确，请重试。',
        failed: '无法登录：%{message}',
        success: '已重新登录，可以继续操作。',
      },
      menu: {
        dailyCycle: '运行日终批处理',
      },
    },
  },
  {
    auth: {
      appTitle: 'Arrears Collections',
      login: {
        emailHint: 'Work e-mail, e.g. supervisor@psbc.demo',
      },
      relogin: {
        title: 'Your session has ended',
        explanation:
          'Enter your password to carry on where you were; nothing you entered on this page is lost.',
        email: 'E-mail',
        password: 'Password',
        signIn: 'Sign in again',
        signOut: 'Sign out',
        wrongPassword: 'Wrong password, try again.',
        failed: 'Could not sign in: %{message}',
        success: 'Signed in again; carry on.',
      },
      menu: {
        dailyCycle: 'Run the daily cycle',
      },
    },
  },
);
