import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, testDatabaseServer, TestDatabase } from '@palabre/testing';
import { typeormOptions } from '../database/typeorm-options';
import { AfterCommit } from './after-commit';
import { DomainEvents } from './domain-events';
import { DomainEventsRelay } from './domain-events-relay';

interface TestEvents {
  'program.released': { slug: string };
  'seat.taken': { slug: string };
}

/** One api process: its connections, its bus, what its cache and its mail heard. */
interface Proc {
  ds: DataSource;
  bus: DomainEvents<TestEvents>;
  relay: DomainEventsRelay;
  cache: string[];
  mail: string[];
  missed: number;
}

const server = !!testDatabaseServer();

/**
 * Two processes on one PostgreSQL server: a fact one publishes reaches the other's
 * `everyProcess` handlers when the transaction commits — never on rollback, never its handlers
 * that act (mail), never twice in the publisher — and a relay that lost its connection says
 * that facts may have been missed once it listens again. The embedded database has one process.
 */
(server ? describe : describe.skip)(
  `domain events between processes${server ? '' : ' [skipped: needs TEST_DATABASE_URL — the embedded database serves one process]'}`,
  () => {
    let db: TestDatabase;
    let a: Proc;
    let b: Proc;

    const aProcess = async (): Promise<Proc> => {
      const ds = new DataSource(typeormOptions(db.url, 2));
      await ds.initialize();
      const afterCommit = new AfterCommit(ds);
      afterCommit.onModuleInit();
      const bus = new DomainEvents<TestEvents>(afterCommit);
      const p = { ds, bus, cache: [], mail: [], missed: 0 } as unknown as Proc;
      const everywhere = { everyProcess: true, missed: () => void p.missed++ };
      bus.on('program.released', ({ slug }) => void p.cache.push(`forget ${slug}`), everywhere);
      bus.on('program.released', ({ slug }) => void p.mail.push(`mail ${slug}`));
      bus.on('seat.taken', ({ slug }) => void p.cache.push(`seat ${slug}`));
      p.relay = new DomainEventsRelay(db.url, ds, bus as unknown as DomainEvents);
      await p.relay.start();
      return p;
    };

    /** Until `check` holds (a notification takes a moment to arrive), at most 5 s. */
    const eventually = async (check: () => void): Promise<void> => {
      for (let i = 0; ; i++) {
        try {
          return check();
        } catch (error) {
          if (i >= 100) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };

    beforeAll(async () => {
      Logger.overrideLogger(false);
      db = await createTestDatabase();
      a = await aProcess();
      b = await aProcess();
    });
    afterAll(async () => {
      for (const p of [a, b]) {
        await p?.relay.stop();
        await p?.ds.destroy();
      }
      await db?.close();
    });
    beforeEach(() => {
      for (const p of [a, b]) [p.cache, p.mail].forEach((l) => (l.length = 0));
    });

    it('reaches the other process’s cache when the transaction commits, and nobody’s mail twice', async () => {
      await a.ds.transaction(async (manager) => {
        await a.bus.publish(manager, { name: 'program.released', slug: 'forum' });
        await new Promise((r) => setTimeout(r, 200));
        expect(b.cache).toEqual([]); // not before the commit
      });
      await eventually(() => expect(b.cache).toEqual(['forget forum']));
      expect(a.cache).toEqual(['forget forum']); // once, after its own commit
      expect(a.mail).toEqual(['mail forum']);
      expect(b.mail).toEqual([]); // what acts on a fact runs where it was published
    });

    it('never reaches it when the transaction rolls back', async () => {
      await expect(
        a.ds.transaction(async (manager) => {
          await a.bus.publish(manager, { name: 'program.released', slug: 'draft' });
          throw new Error('changed its mind');
        }),
      ).rejects.toThrow('changed its mind');
      await b.bus.publish(undefined, { name: 'program.released', slug: 'after' });
      await eventually(() => expect(a.cache).toEqual(['forget after']));
      expect(b.cache).toEqual(['forget after']);
    });

    it('relays only the facts some handler wants in every process', async () => {
      await a.bus.publish(undefined, { name: 'seat.taken', slug: 'forum' });
      await b.bus.publish(undefined, { name: 'program.released', slug: 'marker' });
      await eventually(() => expect(a.cache).toEqual(['seat forum', 'forget marker']));
      expect(b.cache).toEqual(['forget marker']);
    });

    it('after its connection is cut, listens again and tells the caches they may have missed facts', async () => {
      const before = b.missed;
      await a.ds.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'palabre domain events' AND pid <> pg_backend_pid()`);
      await eventually(() => expect(b.missed).toBe(before + 1));
      await a.bus.publish(undefined, { name: 'program.released', slug: 'again' });
      await eventually(() => expect(b.cache).toEqual(['forget again']));
    }, 20_000);
  },
);
