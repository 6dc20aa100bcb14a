import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUUID } from 'class-validator';
import { AuditLog, Clock } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { SpeakerError } from '../speakers/speaker.errors';
import { SpeakersRepository } from '../speakers/speakers.repository';
import { CsvFormatError, ImportRow, IMPORT_COLUMNS, nameKey, readSpeakerCsv } from './speaker-csv';
import { ImportStatus, SpeakerImport } from './speaker-import.entity';

/** How long a preview can be committed. */
export const IMPORT_TTL_MINUTES = 60;

export interface SpeakerImportView {
  id: string;
  eventId: string;
  status: ImportStatus | 'expired';
  expiresAt: Date;
  rows: ImportRow[];
  /** Rows a commit would save: no error, no duplicate. */
  counts: { rows: number; valid: number; errors: number; duplicates: number };
  created: number | null;
}

const REASONS: Record<CsvFormatError['reason'], (detail: string) => { reasonFr: string; reasonEn: string }> = {
  empty: () => ({ reasonFr: 'Le fichier est vide.', reasonEn: 'The file is empty.' }),
  'no-name-column': () => ({
    reasonFr: `La première ligne doit nommer les colonnes, dont « name » (colonnes : ${IMPORT_COLUMNS.join(', ')}).`,
    reasonEn: `The first line must name the columns, including "name" (columns: ${IMPORT_COLUMNS.join(', ')}).`,
  }),
  'unknown-column': (d) => ({
    reasonFr: `Colonne inconnue : « ${d} » (colonnes : ${IMPORT_COLUMNS.join(', ')}).`,
    reasonEn: `Unknown column: "${d}" (columns: ${IMPORT_COLUMNS.join(', ')}).`,
  }),
  'too-many-rows': (d) => ({ reasonFr: `Au plus ${d} lignes par import.`, reasonEn: `At most ${d} rows per import.` }),
  'unclosed-quote': () => ({ reasonFr: 'Un guillemet ouvert n’est jamais fermé.', reasonEn: 'A quote is opened and never closed.' }),
};

/**
 * CSV import of speaker profiles: a preview (each row's errors and duplicates) stored on the
 * server, then a commit that saves its valid, new rows in one transaction, or a cancel. The
 * commit reads the stored preview, never rows from the client, and checks duplicates again
 * against the profiles as they are then.
 */
@Injectable()
export class SpeakerImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly speakers: SpeakersRepository,
    private readonly events: EventsService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async preview(organizationId: string, eventId: string, csv: string, createdBy: string | null): Promise<SpeakerImportView> {
    const existing = await this.speakers.list(organizationId, eventId);
    let rows: ImportRow[];
    try {
      rows = readSpeakerCsv(csv, existing);
    } catch (error) {
      if (error instanceof CsvFormatError) {
        throw new SpeakerError('SPEAKER_IMPORT_UNREADABLE', REASONS[error.reason](error.detail), [
          { field: 'csv', message: { fr: REASONS[error.reason](error.detail).reasonFr, en: REASONS[error.reason](error.detail).reasonEn } },
        ]);
      }
      throw error;
    }
    return this.events.changeProgram(organizationId, eventId, async (manager) => {
      const saved = await manager.getRepository(SpeakerImport).save(
        manager.getRepository(SpeakerImport).create({
          organizationId,
          eventId,
          createdBy,
          status: 'previewed',
          rows,
          expiresAt: new Date(this.clock.now().getTime() + IMPORT_TTL_MINUTES * 60_000),
        }),
      );
      return this.toView(saved);
    });
  }

  async get(organizationId: string, eventId: string, id: string): Promise<SpeakerImportView> {
    return this.toView(await this.find(organizationId, eventId, id));
  }

  /** Saves the preview's valid rows that are still new (one transaction); answers how many. */
  async commit(organizationId: string, eventId: string, id: string, actorUserId: string | null): Promise<SpeakerImportView> {
    return this.events.changeProgram(organizationId, eventId, async (manager) => {
      const imp = await this.find(organizationId, eventId, id, true, manager);
      this.open(imp);
      const existing = await this.speakers.list(organizationId, eventId, manager);
      const emails = new Set(existing.flatMap((s) => (s.email ? [s.email.toLowerCase()] : [])));
      const names = new Set(existing.map((s) => nameKey(s.name)));
      const fresh = imp.rows.filter(
        (r) => r.errors.length === 0 && !r.duplicate && !(r.profile.email && emails.has(r.profile.email)) && !names.has(nameKey(r.profile.name)),
      );
      const created = await this.speakers.insertMany(
        manager,
        fresh.map((r) => ({ organizationId, eventId, ...r.profile, links: [], locale: 'fr' as const })),
      );
      imp.status = 'committed';
      imp.created = created;
      const saved = await manager.getRepository(SpeakerImport).save(imp);
      await this.audit.record(manager, {
        organizationId,
        actorUserId,
        action: 'speakers.imported',
        entityType: 'speaker_import',
        entityId: imp.id,
        changes: { created, rows: imp.rows.length },
      });
      return this.toView(saved);
    });
  }

  async cancel(organizationId: string, eventId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const imp = await this.find(organizationId, eventId, id, true, manager);
      this.open(imp);
      imp.status = 'cancelled';
      await manager.getRepository(SpeakerImport).save(imp);
    });
  }

  private async find(organizationId: string, eventId: string, id: string, lock = false, manager = this.dataSource.manager): Promise<SpeakerImport> {
    const found = isUUID(id)
      ? await manager
          .getRepository(SpeakerImport)
          .findOne({ where: { id, organizationId, eventId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!found) throw new SpeakerError('SPEAKER_IMPORT_NOT_FOUND');
    return found;
  }

  private open(imp: SpeakerImport): void {
    const status = this.statusOf(imp);
    if (status !== 'previewed') {
      const words = { committed: ['déjà enregistré', 'already committed'], cancelled: ['annulé', 'cancelled'], expired: ['expiré', 'expired'] }[status];
      throw new SpeakerError('SPEAKER_IMPORT_CLOSED', { status: words[0], statusEn: words[1] });
    }
  }

  private statusOf(imp: SpeakerImport): SpeakerImportView['status'] {
    return imp.status === 'previewed' && imp.expiresAt <= this.clock.now() ? 'expired' : imp.status;
  }

  private toView(imp: SpeakerImport): SpeakerImportView {
    const errors = imp.rows.filter((r) => r.errors.length > 0).length;
    const duplicates = imp.rows.filter((r) => r.duplicate).length;
    return {
      id: imp.id,
      eventId: imp.eventId,
      status: this.statusOf(imp),
      expiresAt: imp.expiresAt,
      rows: imp.rows,
      counts: { rows: imp.rows.length, valid: imp.rows.length - errors - duplicates, errors, duplicates },
      created: imp.created,
    };
  }
}
