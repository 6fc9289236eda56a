import net from 'node:net';

/**
 * A PostgreSQL wire-protocol proxy that counts the statements each server sends, the same way
 * for all three: every simple Query ('Q') and every Execute ('E') of the extended protocol, with
 * the SQL text it ran (from Parse/Bind). Only used for the counting pass, never while timing:
 * it adds a hop. pg_stat_statements would need a server restart (shared_preload_libraries).
 */
export type StatementKind = 'sql' | 'transaction' | 'session';

export interface Executed {
  kind: StatementKind;
  text: string;
}

export function classify(text: string): StatementKind {
  if (/^\s*(begin|commit|rollback|start transaction|savepoint|release)\b/i.test(text))
    return 'transaction';
  if (/^\s*select set_config\(/i.test(text) || /^\s*set\s/i.test(text)) return 'session';
  return 'sql';
}

export class WireCounter {
  private server: net.Server | null = null;
  private executed: Executed[] = [];
  private readonly sockets = new Set<net.Socket>();

  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  /** Statements since the last call, and a fresh count from here. */
  take(): Executed[] {
    const out = this.executed;
    this.executed = [];
    return out;
  }

  async start(): Promise<void> {
    this.server = net.createServer((client) => this.connect(client));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private connect(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    this.sockets.add(client);
    this.sockets.add(upstream);
    const statements = new Map<string, string>();
    const portals = new Map<string, string>();
    let buffer = Buffer.alloc(0);
    let startup = true;
    const cstring = (data: Buffer, at: number): [string, number] => {
      const end = data.indexOf(0, at);
      return [data.toString('utf8', at, end), end + 1];
    };
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (startup) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          // SSL and GSS requests are followed by the real startup message.
          startup = code === 80877103 || code === 80877104;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) return;
        const type = String.fromCharCode(buffer[0]!);
        const body = buffer.subarray(5, length + 1);
        if (type === 'Q') {
          const [text] = cstring(body, 0);
          this.executed.push({ kind: classify(text), text });
        } else if (type === 'P') {
          const [name, at] = cstring(body, 0);
          const [text] = cstring(body, at);
          statements.set(name, text);
        } else if (type === 'B') {
          const [portal, at] = cstring(body, 0);
          const [statement] = cstring(body, at);
          portals.set(portal, statement);
        } else if (type === 'E') {
          const [portal] = cstring(body, 0);
          const text = statements.get(portals.get(portal) ?? '') ?? '';
          this.executed.push({ kind: classify(text), text });
        }
        buffer = buffer.subarray(length + 1);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  }
}
