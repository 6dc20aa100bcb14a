import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { requirePassword } from './pglite-socket-auth';
import { keepExtendedQueriesTogether, SessionGuard } from './pglite-socket-queue';

/**
 * Where a running embedded server says how to reach it, so the CLI can talk to it. The URL
 * carries the password: the file is the owner's only (0600, in a 0700 directory).
 */
export interface EmbeddedServerInfo {
  pid: number;
  host: string;
  port: number;
  url: string;
}

type PGliteInstance = import('@electric-sql/pglite').PGlite;
type SocketServer = import('@electric-sql/pglite-socket').PGLiteSocketServer;

export interface EmbeddedStartOptions {
  /** The data directory; omitted means in memory (tests). */
  dataDir?: string;
  /** A dumped data directory (tar.gz) to start from instead of initdb: fast test databases. */
  loadFrom?: Blob;
  /** How many client connections the socket accepts; at least the pool size. */
  maxConnections?: number;
  /** Write `<dataDir>.server.json` so other processes (the CLI) can connect. */
  advertise?: boolean;
  /** How long the connection holding the single session may stay silent before it is cut (AppConfig.embeddedIdleTimeoutMs). */
  idleTimeoutMs?: number;
}

/**
 * A real PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly) served on 127.0.0.1 over
 * the PostgreSQL wire protocol, so TypeORM's ordinary `postgres` driver talks to it exactly
 * as it talks to a server. Any local user can reach 127.0.0.1, so it takes a random password,
 * new at each start, which only the URL (and the owner-only info file) holds.
 */
export class EmbeddedPostgres {
  private static readonly logger = new Logger('EmbeddedPostgres');

  private constructor(
    private readonly db: PGliteInstance,
    private readonly server: SocketServer,
    private readonly guard: SessionGuard,
    readonly url: string,
    private readonly infoFile?: string,
  ) {}

  static infoFileFor(dataDir: string): string {
    return `${dataDir}.server.json`;
  }

  /** The running server that owns this data directory, if there is one. */
  static async findRunning(dataDir: string): Promise<EmbeddedServerInfo | undefined> {
    const file = EmbeddedPostgres.infoFileFor(dataDir);
    if (!existsSync(file)) return undefined;
    let info: EmbeddedServerInfo;
    try {
      // Another user's server is unreadable here (0600): it is not ours to use.
      info = JSON.parse(readFileSync(file, 'utf8')) as EmbeddedServerInfo;
    } catch {
      return undefined;
    }
    if (!isAlive(info.pid) || !(await canConnect(info.host, info.port))) return undefined;
    return info;
  }

  static async start(options: EmbeddedStartOptions = {}): Promise<EmbeddedPostgres> {
    // PGlite and its socket server are ESM-first; the CommonJS builds load the same code.
    const { PGlite } = await import('@electric-sql/pglite');
    const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist');
    const { PGLiteSocketHandler, PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    if (options.dataDir) ownerOnlyDirectory(path.dirname(options.dataDir));
    const started = Date.now();
    const db = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadFrom,
      extensions: { btree_gist },
    });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections ?? 32 });
    const guard = keepExtendedQueriesTogether(server, { idleTimeoutMs: options.idleTimeoutMs ?? 30_000, handlerPrototype: PGLiteSocketHandler.prototype });
    // URL-safe, so it goes into the connection string as is.
    const password = randomBytes(32).toString('base64url');
    requirePassword(server, password);
    await server.start();
    const [host, port] = server.getServerConn().split(':');
    const url = `postgres://postgres:${password}@${host}:${port}/postgres`;
    let infoFile: string | undefined;
    if (options.dataDir && options.advertise) {
      infoFile = EmbeddedPostgres.infoFileFor(options.dataDir);
      const info: EmbeddedServerInfo = { pid: process.pid, host, port: Number(port), url };
      writeOwnerOnly(infoFile, JSON.stringify(info));
    }
    EmbeddedPostgres.logger.log(
      `embedded PostgreSQL ready on ${host}:${port} in ${Date.now() - started} ms${options.dataDir ? ` (data in ${options.dataDir})` : ' (in memory)'}`,
    );
    return new EmbeddedPostgres(db, server, guard, url, infoFile);
  }

  /** A gzipped tarball of the data directory, to start other instances from. */
  async dump(): Promise<Blob> {
    return await this.db.dumpDataDir('gzip');
  }

  async stop(): Promise<void> {
    if (this.infoFile) rmSync(this.infoFile, { force: true });
    this.guard.stop();
    await this.server.stop();
    await this.db.close();
  }
}

/** The data's directory, created or narrowed to 0700: it holds the database files and the info file. */
function ownerOnlyDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Written whole under another name with mode 0600, then renamed: never readable by others, even for a moment, even over an older 0644 file. */
function writeOwnerOnly(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
