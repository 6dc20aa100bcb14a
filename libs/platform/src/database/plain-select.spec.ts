import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { createTestDatabase, TestDatabase } from '@palabre/testing';
import { AuditEntry } from '../audit/audit-entry.entity';
import { selectEntities } from './plain-select';
import { typeormOptions } from './typeorm-options';

@Entity('plain_select_unfit')
class Unfit {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text', transformer: { to: (v: string) => v.toUpperCase(), from: (v: string) => v.toLowerCase() } })
  shouted: string;
}

describe('selectEntities: an entity read without the query builder', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase();
    ds = new DataSource({ ...typeormOptions(db.url, 1), entities: [AuditEntry, Unfit] });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });

  it('gives the very entity TypeORM’s findOne gives: every column, its type (dates, JSON, nulls) and its class', async () => {
    const organizationId = randomUUID();
    const written = ds.getRepository(AuditEntry).create({
      organizationId,
      actorUserId: null,
      action: 'member.invited',
      entityType: 'member',
      entityId: 'awa@example.ml',
      changes: { role: { from: 'viewer', to: 'program' }, note: 'é «»' },
      at: new Date('2030-06-10T08:00:00.123Z'),
    });
    await ds.getRepository(AuditEntry).save(written);
    const [plain] = await selectEntities(ds.manager, AuditEntry, `organization_id = $1`, [organizationId]);
    const built = await ds.getRepository(AuditEntry).findOneByOrFail({ organizationId });
    expect(plain).toBeInstanceOf(AuditEntry);
    expect(plain).toEqual(built);
    expect(plain.at).toEqual(new Date('2030-06-10T08:00:00.123Z'));
    expect(plain.actorUserId).toBeNull();
  });

  it('answers nothing when no row matches', async () => {
    expect(await selectEntities(ds.manager, AuditEntry, `organization_id = $1`, [randomUUID()])).toEqual([]);
  });

  it('refuses an entity whose columns it could not map back (a transformer)', async () => {
    await expect(selectEntities(ds.manager, Unfit, `id = $1`, ['x'])).rejects.toThrow(/Unfit has columns it cannot map \(shouted\)/);
  });
});
