import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `apps/console`. */
export const CONSOLE_DIR = fileURLToPath(new URL('../..', import.meta.url));
/**
 * The built console the suite serves (`vite build`; turbo builds it before the suite).
 * `CONSOLE_DIST` points it at another build (`vite build --outDir <dir>`).
 */
export const CONSOLE_DIST = path.resolve(CONSOLE_DIR, process.env.CONSOLE_DIST || 'dist');
/** The built API the suite starts (`tsc -b`; turbo builds it before the suite). */
export const API_MAIN = path.resolve(CONSOLE_DIR, '../api/dist/main.js');
/** Written anew by every run; git-ignored. */
export const SCREENSHOTS_DIR = path.join(CONSOLE_DIR, 'e2e/screenshots');
