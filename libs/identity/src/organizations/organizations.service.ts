import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

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
  constructor(private readonly organizations: OrganizationsRepository) {}

  async count(): Promise<number> {
    return this.organizations.count();
  }

  async findBySlug(slug: string): Promise<OrganizationView | null> {
    const o = await this.organizations.findBySlug(slug);
    return o ? toView(o) : null;
  }

  async findById(id: string, manager?: EntityManager): Promise<OrganizationView | null> {
    const o = await this.organizations.findById(id, manager);
    return o ? toView(o) : null;
  }

  /** Creates the organization, or returns the one with that name's slug. */
  async findOrCreate(name: string, manager?: EntityManager): Promise<OrganizationView> {
    const slug = slugify(name);
    await this.organizations.insertIfAbsent(slug, name, manager);
    const organization = await this.organizations.findBySlug(slug, manager);
    if (!organization) throw new Error(`organization ${slug} neither found nor created`);
    return toView(organization);
  }
}

function toView(o: Organization): OrganizationView {
  return { id: o.id, slug: o.slug, name: o.name };
}
