import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A repository's queries run on the transaction's EntityManager when one is passed, else on the data source's. */
@Injectable()
export abstract class DataSourceRepository {
  constructor(protected readonly dataSource: DataSource) {}

  protected m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }
}
