import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { CONSOLE_DIST, SCREENSHOTS_DIR } from './paths';

export interface Chunk {
  /** Relative to `dist`, e.g. `assets/index-CSTpCIov.js`. */
  file: string;
  bytes: number;
  gzipBytes: number;
}

const chunk = (file: string): Chunk => {
  const content = fs.readFileSync(path.join(CONSOLE_DIST, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
};

/**
 * The JavaScript a first visit downloads before anything renders: the entry module and the
 * chunks `index.html` preloads with it (`<link rel="modulepreload">`).
 */
export function initialScripts(): Chunk[] {
  const html = fs.readFileSync(path.join(CONSOLE_DIST, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ].map((match) => match[1]!);
  return files.map(chunk);
}

/** Every JavaScript chunk of the build. */
export function allScripts(): Chunk[] {
  return fs
    .readdirSync(path.join(CONSOLE_DIST, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => chunk(`assets/${name}`));
}

/** Keeps a measurement of this run in `e2e/screenshots/metrics.json`. */
export function recordMetric(name: string, value: number): void {
  const file = path.join(SCREENSHOTS_DIR, 'metrics.json');
  const metrics = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>)
    : {};
  metrics[name] = value;
  fs.writeFileSync(file, `${JSON.stringify(metrics, null, 2)}\n`);
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
