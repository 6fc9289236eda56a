import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { messages as dashboardMessages } from '../dashboard/messages';
import { mergeMessages, messageAt as lookup } from '../i18n/define';
import { messages as policyMessages } from '../policy/messages';
import { messages as authMessages } from './messages';

const SRC = join(import.meta.dirname, '..');

/** The shell's source files: the auth, dashboard and policy folders and the layout beside App. */
const files = [
  ...['auth', 'dashboard', 'policy'].flatMap((folder) =>
    readdirSync(join(SRC, folder))
      .map((name) => join(SRC, folder, name))
      .filter((path) => statSync(path).isFile()),
  ),
  ...['App.tsx', 'Layout.tsx', 'Menu.tsx', 'customPages.tsx'].map((name) => join(SRC, name)),
].filter(
  (path) => /\.tsx?$/.test(path) && !/\.test\.ts$/.test(path) && !/messages\.ts$/.test(path),
);

/** Every 'auth.…', 'dashboard.…', 'policy.…' key written in those files. */
const usedKeys = [
  ...new Set(
    files.flatMap((path) =>
      [
        ...readFileSync(path, 'utf8').matchAll(/['"`]((?:auth|dashboard|policy)\.[\w.]+)['"`]/g),
      ].map(([, key]) => key ?? ''),
    ),
  ),
].sort();

describe('the shell speaks both languages', () => {
  it.each(['zh-CN', 'en'] as const)('has a %s message for every key its screens use', (locale) => {
    const tree = mergeMessages(
      authMessages[locale],
      dashboardMessages[locale],
      policyMessages[locale],
    );
    expect(usedKeys.length).toBeGreaterThan(40);
    expect(usedKeys.filter((key) => typeof lookup(tree, key) !== 'string')).toEqual([]);
  });
});
