import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '@palabre/platform';

/** Someone to tell that sessions they follow changed. */
export interface ProgramChangeRecipient {
  /** Empty for a participant reached by phone only. */
  email: string;
  /** E.164, for a participant without email: told by SMS. */
  phone?: string;
  name: string;
  locale: Locale;
  /** The sessions (ids) this person is concerned by. */
  sessionIds: string[];
}

/**
 * A source of people to tell about program changes besides the sessions' speakers — the
 * registration context implements it for participants signed up to workshops. It reads in
 * the release's transaction (use only the manager given: on the embedded database a query
 * outside an open transaction waits for it).
 */
export interface ProgramChangeRecipientsProvider {
  recipientsFor(manager: EntityManager, eventId: string, sessionIds: string[]): Promise<ProgramChangeRecipient[]>;
}

/**
 * Where providers plug in (`recipients.register(this)` from the provider module's
 * onModuleInit), so the program never reads registration tables and neither module imports
 * the other.
 */
@Injectable()
export class ProgramChangeRecipients {
  private readonly providers: ProgramChangeRecipientsProvider[] = [];

  register(provider: ProgramChangeRecipientsProvider): void {
    if (!this.providers.includes(provider)) this.providers.push(provider);
  }

  async collect(manager: EntityManager, eventId: string, sessionIds: string[]): Promise<ProgramChangeRecipient[]> {
    if (sessionIds.length === 0) return [];
    const out: ProgramChangeRecipient[] = [];
    // One after the other: they share the transaction's single connection.
    for (const provider of this.providers) out.push(...(await provider.recipientsFor(manager, eventId, sessionIds)));
    return out;
  }
}
