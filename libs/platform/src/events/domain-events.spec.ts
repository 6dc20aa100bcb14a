import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@palabre/testing';
import { typeormOptions } from '../database/typeorm-options';
import { AfterCommit } from './after-commit';
import { DomainEvents } from './domain-events';

interface TestEvents {
  'talk.moved': { talkId: string };
  'talk.cancelled': { talkId: string };
}

describe('domain events, published after commit', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let bus: DomainEvents<TestEvents>;
  let heard: string[];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    ds = new DataSource(typeormOptions(db.url, 2));
    await ds.initialize();
    const afterCommit = new AfterCommit(ds);
    afterCommit.onModuleInit();
    bus = new DomainEvents<TestEvents>(afterCommit);
    bus.on('talk.moved', ({ talkId }) => void heard.push(`moved ${talkId}`));
    bus.on('talk.cancelled', ({ talkId }) => void heard.push(`cancelled ${talkId}`));
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });
  beforeEach(() => {
    heard = [];
  });

  it('reaches the handlers at once when published outside a transaction', async () => {
    await bus.publish(undefined, { name: 'talk.moved', talkId: 'a' });
    await bus.publish(ds.manager, { name: 'talk.cancelled', talkId: 'b' });
    expect(heard).toEqual(['moved a', 'cancelled b']);
  });

  it('reaches them once the transaction commits, not before', async () => {
    await ds.transaction(async (manager) => {
      await bus.publish(manager, { name: 'talk.moved', talkId: 'a' });
      await manager.query('SELECT 1');
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual(['moved a']);
  });

  it('never reaches them when the transaction rolls back', async () => {
    await expect(
      ds.transaction(async (manager) => {
        await bus.publish(manager, { name: 'talk.moved', talkId: 'a' });
        throw new Error('the use case changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    await ds.transaction(async (manager) => manager.query('SELECT 1'));
    expect(heard).toEqual([]);
  });

  it('waits for the outer transaction when published inside a savepoint, and drops only what a rolled-back savepoint published', async () => {
    await ds.transaction(async (manager) => {
      await bus.publish(manager, { name: 'talk.moved', talkId: 'outer' });
      await manager.transaction(async (inner) => bus.publish(inner, { name: 'talk.moved', talkId: 'kept' }));
      await manager
        .transaction(async (inner) => {
          await bus.publish(inner, { name: 'talk.cancelled', talkId: 'undone' });
          throw new Error('savepoint rolled back');
        })
        .catch(() => undefined);
      expect(heard).toEqual([]);
    });
    expect(heard).toEqual(['moved outer', 'moved kept']);
  });

  it('runs every handler even when one fails, and the commit stands', async () => {
    bus.on('talk.moved', () => {
      throw new Error('a handler broke');
    });
    bus.on('talk.moved', ({ talkId }) => void heard.push(`again ${talkId}`));
    await ds.transaction(async (manager) => bus.publish(manager, { name: 'talk.moved', talkId: 'a' }));
    expect(heard).toEqual(['moved a', 'again a']);
  });
});
