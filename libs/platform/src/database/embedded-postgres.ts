import { Logger } from '@nestjs/common';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { keepExtendedQueriesTogether } from './pglite-socket-queue';

/** Where a running embedded server says how to reach it, so the CLI can talk to it. */
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
}

/**
 * A real PostgreSQL (PGlite: PostgreSQL compiled to WebAssembly) served on 127.0.0.1 over
 * the PostgreSQL wire protocol, so TypeORM's ordinary `postgres` driver talks to it exactly
 * as it talks to a server.
 */
export class EmbeddedPostgres {
  private static readonly logger = new Logger('EmbeddedPostgres');

  private constructor(
    private readonly db: PGliteInstance,
    private readonly server: SocketServer,
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
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    if (options.dataDir) mkdirSync(path.dirname(options.dataDir), { recursive: true });
    const started = Date.now();
    const db = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.loadFrom,
      extensions: { btree_gist },
    });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: options.maxConnections ?? 32 });
    keepExtendedQueriesTogether(server);
    await server.start();
    const [host, port] = server.getServerConn().split(':');
    const url = `postgres://postgres@${host}:${port}/postgres`;
    let infoFile: string | undefined;
    if (options.dataDir && options.advertise) {
      infoFile = EmbeddedPostgres.infoFileFor(options.dataDir);
      const info: EmbeddedServerInfo = { pid: process.pid, host, port: Number(port), url };
      writeFileSync(infoFile, JSON.stringify(info));
    }
    EmbeddedPostgres.logger.log(`embedded PostgreSQL ready on ${host}:${port} in ${Date.now() - started} ms${options.dataDir ? ` (data in ${options.dataDir})` : ' (in memory)'}`);
    return new EmbeddedPostgres(db, server, url, infoFile);
  }

  /** A gzipped tarball of the data directory, to start other instances from. */
  async dump(): Promise<Blob> {
    return (await this.db.dumpDataDir('gzip'));
  }

  async stop(): Promise<void> {
    if (this.infoFile) rmSync(this.infoFile, { force: true });
    await this.server.stop();
    await this.db.close();
  }
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
