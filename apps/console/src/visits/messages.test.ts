import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

import { messages } from '../i18n';
import { messageAt as lookup } from '../i18n/define';

/** The screen folders whose literal translation keys are checked here. */
const FOLDERS = ['visits', 'borrowers', 'contacts'];
const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Quoted keys of our namespaces (`'visits.dialogs.cancel.title'`); template keys are not literal. */
const KEY =
  /['"`]((?:visits|borrowers|contacts|resources\.(?:visits|borrowers|contacts|cases))\.[A-Za-z.]+)['"`]/g;

const keysUsed = (): Array<[file: string, key: string]> =>
  FOLDERS.flatMap((folder) =>
    readdirSync(`${SRC}${folder}`)
      .filter(
        (file) => /\.tsx?$/.test(file) && !file.endsWith('.test.ts') && file !== 'messages.ts',
      )
      .flatMap((file) =>
        [...readFileSync(`${SRC}${folder}/${file}`, 'utf8').matchAll(KEY)].map(
          ([, key]): [string, string] => [`${folder}/${file}`, key ?? ''],
        ),
      ),
  );

describe('the borrowers, contacts and visits screens', () => {
  it('use translation keys', () => {
    expect(keysUsed().length).toBeGreaterThan(50);
  });

  it.each(Object.keys(messages))('find every key they name in %s', (locale) => {
    const tree = messages[locale as keyof typeof messages];
    const missing = keysUsed().filter(([, key]) => typeof lookup(tree, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('label every status action and title its dialog in both languages', () => {
    for (const locale of Object.keys(messages)) {
      const tree = messages[locale as keyof typeof messages];
      for (const action of ['confirm', 'checkIn', 'complete', 'noShow', 'reschedule', 'cancel']) {
        for (const key of [
          `visits.actions.${action}`,
          `visits.dialogs.${action}.title`,
          `visits.dialogs.${action}.description`,
        ]) {
          expect(typeof lookup(tree, key), `${locale} ${key}`).toBe('string');
        }
      }
    }
  });
});
