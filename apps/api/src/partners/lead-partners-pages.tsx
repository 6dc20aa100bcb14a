import { can, Localized, pick, ProblemDocument, renderPage, translator } from '@palabre/platform';
import { FIGURES_STATUS_LABELS, PartnerCatalog, PartnerView, regionLabel, ReviewedFiguresView } from '@palabre/partners';
import { Csrf, ErrorSummary, fieldError, formFields, Notice, PostButton, TextAreaField, TextField, Submit } from '../admin/forms';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout } from '../program-admin/event-layout';
import { partnerPaths } from './public-partners-pages';

/** The page's longer texts, French then English. */
const TEXT = {
  inviteIntro: {
    fr: 'Une organisation déjà sur Palabre est retrouvée par son nom et ses propriétaires sont prévenus ; sinon elle est créée et la personne invitée en devient propriétaire.',
    en: 'An organization already on Palabre is found by its name and its owners are told; otherwise it is created and the invitee becomes its owner.',
  },
} satisfies Record<string, Localized>;

export const LEAD_NOTICES = {
  invited: { fr: 'Invitation envoyée.', en: 'Invitation sent.' },
  accepted: { fr: 'Chiffres acceptés : ils comptent sur la page d’impact.', en: 'Figures accepted: they count on the impact page.' },
  'sent-back': { fr: 'Chiffres renvoyés avec votre commentaire.', en: 'Figures sent back with your comment.' },
} as const;
export type LeadNotice = keyof typeof LEAD_NOTICES;

export interface LeadPartnersPage {
  partners: PartnerView[];
  catalog: PartnerCatalog;
  figures: ReviewedFiguresView[];
  notice?: LeadNotice;
  refused?: { target: string; values: Record<string, string>; problem: ProblemDocument };
}

const INVITE_IDS = { name: 'name', acronym: 'acronym', email: 'email' };

/** The event's « Partenaires » tab: the partners, the invitation form, and the figures to review. */
export function renderLeadPartnersPage(ctx: OrganizerEventContext, m: LeadPartnersPage): string {
  const t = translator(ctx.locale);
  const { locale, event } = ctx;
  const manage = can(ctx.organization.role, 'partners:manage') && event.status !== 'archived';
  const invite = m.refused?.target === 'invite' ? m.refused : undefined;
  const field = formFields(INVITE_IDS, invite?.values ?? {}, invite?.problem);
  const label = (key: string) => pick(m.catalog.indicators.find((i) => i.key === key)?.label, locale) || key;
  return renderPage(
    <EventLayout ctx={ctx} tab="partners" title={t('Partenaires', 'Partners')}>
      <h1>{t('Partenaires', 'Partners')}</h1>
      <Notice text={m.notice ? LEAD_NOTICES[m.notice][locale] : undefined} />
      <p>
        <a href={partnerPaths.directory(event.slug)}>{t('Annuaire public', 'Public directory')}</a> ·{' '}
        <a href={partnerPaths.impact(event.slug)}>{t('Page d’impact', 'Impact page')}</a>
      </p>
      {m.partners.length === 0 ? <p>{t('Aucun partenaire invité.', 'No partner invited.')}</p> : null}
      <ul>
        {m.partners.map((p) => (
          <li>
            <strong>{p.name}</strong>
            {p.acronym ? ` (${p.acronym})` : ''} — {p.regions.map(regionLabel).join(', ') || t('régions non renseignées', 'regions not given')}
          </li>
        ))}
      </ul>
      {manage ? (
        <form method="post" action={eventPath(ctx, '/partners')}>
          <Csrf token={ctx.csrf} />
          <h2>{t('Inviter une organisation', 'Invite an organization')}</h2>
          <p class="muted">{pick(TEXT.inviteIntro, ctx.locale)}</p>
          <ErrorSummary problem={invite?.problem} locale={locale} />
          <TextField {...field('name')} label={t('Nom de l’organisation', 'Organization name')} required />
          <TextField {...field('acronym')} label={t('Sigle', 'Acronym')} />
          <TextField {...field('email')} type="email" label={t('E-mail de la personne invitée', 'Invitee’s email')} required />
          <button type="submit">{t('Inviter', 'Invite')}</button>
        </form>
      ) : null}
      <h2 id="chiffres">{t('Chiffres des partenaires', 'Partners’ figures')}</h2>
      {m.figures.length === 0 ? <p class="muted">{t('Aucun chiffre soumis.', 'No figures submitted.')}</p> : null}
      {m.figures.map((f) => {
        const refused = m.refused?.target === f.id ? m.refused : undefined;
        const base = eventPath(ctx, `/partners/${f.partnerId}/figures/${f.year}`);
        return (
          <section class="card" aria-labelledby={`f-${f.id}`}>
            <h3 id={`f-${f.id}`}>
              {f.partnerName} — {f.year} <span class="tag">{pick(FIGURES_STATUS_LABELS[f.status], locale)}</span>
            </h3>
            <ul>
              {Object.entries(f.values).map(([key, v]) => (
                <li>
                  {label(key)} : <strong>{v.value}</strong>
                  {v.note ? ` — ${v.note}` : ''}
                  {v.source ? ` (${t('source', 'source')} : ${v.source})` : ''}
                </li>
              ))}
            </ul>
            {f.reviewComment ? <p class="muted">{f.reviewComment}</p> : null}
            {manage && f.status === 'submitted' ? (
              <>
                <PostButton action={`${base}/accept`} csrf={ctx.csrf}>
                  {t('Accepter', 'Accept')}
                </PostButton>
                <form method="post" action={`${base}/send-back`}>
                  <Csrf token={ctx.csrf} />
                  <ErrorSummary problem={refused?.problem} locale={locale} />
                  <TextAreaField
                    id={`comment-${f.id}`}
                    name="comment"
                    label={t('Commentaire', 'Comment')}
                    value={refused?.values.comment}
                    error={fieldError(refused?.problem, 'comment')}
                    required
                  />
                  <Submit kind="secondary">{t('Renvoyer pour correction', 'Send back for changes')}</Submit>
                </form>
              </>
            ) : null}
          </section>
        );
      })}
    </EventLayout>,
  );
}
