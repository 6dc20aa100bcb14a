import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';

interface Shape {
  select: string;
  columns: ColumnMetadata[];
}

const shapes = new WeakMap<EntityMetadata, Shape>();

/**
 * Rows of one entity chosen by the caller's `WHERE` (parameters `$1`…), read without TypeORM's
 * query builder: the select list is written once per entity from its metadata, and each row is
 * mapped back by its columns. For reads on a hot path (the event read of every registration),
 * where building the query each time cost more than the database did. Entities with relations
 * loaded eagerly or with column transformers are refused: this mapping would miss them.
 */
export async function selectEntities<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, where: string, params: unknown[]): Promise<T[]> {
  const meta = manager.connection.getMetadata(target);
  const shape = shapes.get(meta) ?? shapeOf(meta);
  const rows = await manager.query<Record<string, unknown>[]>(`${shape.select} WHERE ${where}`, params);
  return rows.map((row) => {
    const entity = meta.create() as T;
    for (const column of shape.columns) column.setEntityValue(entity, row[column.databaseName]);
    return entity;
  });
}

function shapeOf(meta: EntityMetadata): Shape {
  const unfit = meta.columns.filter((c) => c.transformer || c.relationMetadata || c.embeddedMetadata);
  if (unfit.length > 0 || meta.eagerRelations.length > 0) {
    throw new Error(`selectEntities: ${meta.name} has columns it cannot map (${unfit.map((c) => c.propertyName).join(', ') || 'eager relations'})`);
  }
  const columns = meta.columns.filter((c) => !c.isVirtual);
  const shape = { select: `SELECT ${columns.map((c) => `"${c.databaseName}"`).join(', ')} FROM "${meta.tablePath}"`, columns };
  shapes.set(meta, shape);
  return shape;
}
