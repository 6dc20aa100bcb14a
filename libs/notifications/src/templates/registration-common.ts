import { Locale, pick } from '@palabre/platform';
import { labelled, MailAttachment, MailBlock, MailContent, MailTemplate, TemplateContext, t } from './mail-content';
import { icsCalendar } from './ics';
import { formatSpan } from './format';
import type { RegistrationMailData, TemplateDataMap, TemplateName } from './template-data';

export function eventName(data: Pick<RegistrationMailData, 'eventTitle'>, ctx: TemplateContext): string {
  return pick(data.eventTitle, ctx.locale);
}

/** The public page of the event, for messages that invite to register again. */
export function eventPage(data: Pick<RegistrationMailData, 'eventSlug'>, ctx: TemplateContext): string {
  return `${ctx.publicUrl}/e/${encodeURIComponent(data.eventSlug)}`;
}

/** What, when (in the event's time zone), where, which registration. */
export function registrationDetails(data: RegistrationMailData, ctx: TemplateContext, extra: { label: string; value: string }[] = []): MailBlock {
  const { locale } = ctx;
  const rows = [
    { label: t(locale, 'Événement', 'Event'), value: eventName(data, ctx) },
    { label: t(locale, 'Date', 'Date'), value: formatSpan(data.startsAt, data.endsAt, data.timeZone, locale) },
  ];
  if (data.venueName) rows.push({ label: t(locale, 'Lieu', 'Venue'), value: data.venueName });
  rows.push({ label: t(locale, 'Référence', 'Reference'), value: data.reference }, ...extra);
  return { kind: 'details', rows };
}

export function manageLink(data: RegistrationMailData, ctx: TemplateContext, label?: string): MailBlock {
  return { kind: 'link', label: label ?? t(ctx.locale, 'Gérer ou annuler mon inscription', 'Manage or cancel my registration'), href: data.manageLink };
}

export function registrationFooter(data: RegistrationMailData, ctx: TemplateContext): string {
  return t(
    ctx.locale,
    `Vous recevez ce message parce que vous vous êtes inscrit·e à ${eventName(data, ctx)} sur Palabre.`,
    `You receive this message because you registered for ${eventName(data, ctx)} on Palabre.`,
  );
}

export function hello(firstName: string, ctx: TemplateContext): MailBlock {
  return { kind: 'paragraph', text: firstName ? t(ctx.locale, `Bonjour ${firstName},`, `Hello ${firstName},`) : t(ctx.locale, 'Bonjour,', 'Hello,') };
}

/** The event for the participant's calendar; one UID per registration, so a later update replaces it. */
export function registrationCalendar(data: RegistrationMailData & { ticketLink: string }, ctx: TemplateContext): MailAttachment {
  const { locale } = ctx;
  const description = [
    labelled(locale, t(locale, 'Référence', 'Reference'), data.reference),
    labelled(locale, t(locale, 'Billet', 'Ticket'), data.ticketLink),
    labelled(locale, t(locale, 'Gérer mon inscription', 'Manage my registration'), data.manageLink),
  ].join('\n');
  const content = icsCalendar(
    {
      uid: `registration-${data.reference}@${ctx.host}`,
      stamp: ctx.createdAt,
      start: new Date(data.startsAt),
      end: new Date(data.endsAt),
      summary: eventName(data, ctx),
      location: data.venueName || undefined,
      description,
      url: data.manageLink,
    },
    { language: locale },
  );
  const file = data.eventSlug.replace(/[^\w-]+/g, '-').slice(0, 60) || 'event';
  return { filename: `${file}.ics`, content, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}

/** The messages about a participant's registration (their data is a RegistrationMailData). */
type RegistrationTemplateName = { [N in TemplateName]: TemplateDataMap[N] extends RegistrationMailData ? N : never }[TemplateName];

/**
 * A message to a participant about their registration: the event's name at the top, why they
 * get it at the bottom; `write` says the rest. Its `secrets` are the links that open the
 * registration: kept apart, and dropped once sent.
 */
export function registrationMail<T extends RegistrationTemplateName>(
  secrets: MailTemplate<T>['secrets'],
  write: (mail: { data: TemplateDataMap[T]; ctx: TemplateContext; locale: Locale; event: string }) => Omit<MailContent, 'brand' | 'footer'>,
): MailTemplate<T> {
  return {
    secrets,
    compose(data, ctx) {
      const event = eventName(data, ctx);
      // In MailContent's order, as the templates wrote it before.
      const { subject, preheader, heading, blocks, ...rest } = write({ data, ctx, locale: ctx.locale, event });
      return { subject, preheader, brand: event, heading, blocks, footer: registrationFooter(data, ctx), ...rest };
    },
  };
}
