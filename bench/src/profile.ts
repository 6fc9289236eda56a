import fs from 'node:fs';

/** A V8 .cpuprofile (node --cpu-prof), reduced to where the samples fell. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Who a frame belongs to: a package, our API, Node itself, or V8's own buckets. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const api = /apps\/api\/dist\/(.+)$/.exec(url);
  if (api) return `api/${api[1]!.split('/').slice(0, 2).join('/')}`;
  const domain = /packages\/domain\/dist\//.test(url);
  if (domain) return '@arrears/domain';
  return url
    .replace(/^file:\/\//, '')
    .split('/')
    .slice(-2)
    .join('/');
}

export interface ProfileSummary {
  totalMs: number;
  byOwner: { owner: string; ms: number; share: number }[];
  byFunction: { fn: string; owner: string; ms: number; share: number }[];
}

export function summariseProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, { owner: string; us: number }>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = frames.get(id)!;
    if (frame.functionName === '(idle)') continue;
    total += us;
    const owner = ownerOf(frame.url, frame.functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-1)[0]}:${frame.lineNumber + 1}`;
    const entry = byFunction.get(key) ?? { owner, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const share = (us: number) => us / Math.max(1, total);
  return {
    totalMs: total / 1000,
    byOwner: [...byOwner]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([owner, us]) => ({ owner, ms: us / 1000, share: share(us) })),
    byFunction: [...byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([fn, e]) => ({ fn, owner: e.owner, ms: e.us / 1000, share: share(e.us) })),
  };
}

export function renderProfile(title: string, s: ProfileSummary): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `### ${title}`,
    '',
    `${s.totalMs.toFixed(0)} ms of busy CPU sampled (idle excluded), self time:`,
    '',
    '| owner | self time |',
    '| --- | --- |',
    ...s.byOwner.map((o) => `| ${o.owner} | ${pct(o.share)} |`),
    '',
    '| function | owner | self time |',
    '| --- | --- | --- |',
    ...s.byFunction.map((f) => `| \`${f.fn}\` | ${f.owner} | ${pct(f.share)} |`),
    '',
  ].join('\n');
}
