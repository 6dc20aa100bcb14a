import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Organization } from './organization.entity';

export interface OrganizationView {
  id: string;
  slug: string;
  name: string;
}

export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'organisation'
  );
}

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(Organization) private readonly organizations: Repository<Organization>) {}

  async count(): Promise<number> {
    return this.organizations.count();
  }

  async findBySlug(slug: string): Promise<OrganizationView | null> {
    const o = await this.organizations.findOne({ where: { slug } });
    return o ? toView(o) : null;
  }

  async findById(id: string, manager?: EntityManager): Promise<OrganizationView | null> {
    const o = await (manager ? manager.getRepository(Organization) : this.organizations).findOne({ where: { id } });
    return o ? toView(o) : null;
  }

  /** Creates the organization, or returns the one with that name's slug. */
  async findOrCreate(name: string, manager?: EntityManager): Promise<OrganizationView> {
    const repo = manager ? manager.getRepository(Organization) : this.organizations;
    const slug = slugify(name);
    await repo.createQueryBuilder().insert().values({ slug, name }).orIgnore().execute();
    return toView(await repo.findOneOrFail({ where: { slug } }));
  }
}

function toView(o: Organization): OrganizationView {
  return { id: o.id, slug: o.slug, name: o.name };
}
