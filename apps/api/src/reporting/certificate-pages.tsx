import { dateFormat, Layout, Locale, Localized, pick, renderPage, translator } from '@palabre/platform';
import { BackLink } from '../admin/forms';
import type { EventView } from '@palabre/events';
import type { Certificate, Verification } from '@palabre/reporting';

/** The page's longer texts, French then English. */
const TEXT = {
  certificatesIntro: {
    fr: 'Une attestation apparaît ici pour chaque atelier où votre billet a été scanné à l’entrée de la salle.',
    en: 'A certificate appears here for each workshop where your ticket was scanned at the door.',
  },
  genuine: {
    fr: 'Cette attestation a été émise par Palabre et correspond à un passage enregistré à la porte de l’atelier.',
    en: 'This certificate was issued by Palabre and matches a check-in recorded at the workshop’s door.',
  },
  erased: {
    fr: 'Ce lien a bien été émis, mais les données de la personne ont depuis été effacées : il ne confirme plus rien.',
    en: 'This link was issued, but the person’s data has since been erased: it no longer confirms anything.',
  },
  forged: {
    fr: 'Ce lien n’a pas été émis par Palabre, ou il a été modifié : il ne confirme aucune participation.',
    en: 'This link was not issued by Palabre, or it was altered: it confirms no attendance.',
  },
} satisfies Record<string, Localized>;

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** « le mardi 11 juin 2030, de 10:00 à 11:00 », in the event's time zone. */
function when(c: Certificate, locale: Locale): string {
  const t = translator(locale);
  const at = new Date(c.session.startsAt ?? c.checkedInAt);
  const day = dateFormat(locale, c.event.timeZone, DAY).format(at);
  if (!c.session.startsAt || !c.session.endsAt) return t(`le ${day}`, `on ${day}`);
  const time = (iso: string) => dateFormat(locale, c.event.timeZone, TIME).format(new Date(iso));
  return t(`le ${day}, de ${time(c.session.startsAt)} à ${time(c.session.endsAt)}`, `on ${day}, from ${time(c.session.startsAt)} to ${time(c.session.endsAt)}`);
}

/** `/r/{token}/attestations`: a certificate per session the participant was checked in at. */
export function renderCertificatesPage(token: string, event: EventView, certificates: Certificate[], locale: Locale, path: string): string {
  const t = translator(locale);
  const title = t('Mes attestations de participation', 'My certificates of attendance');
  return renderPage(
    <Layout locale={locale} path={path} title={`${title} — ${pick(event.title, locale)}`}>
      <BackLink href={`/r/${token}`}>{t('← Mon inscription', '← My registration')}</BackLink>
      <h1>{title}</h1>
      <p>{pick(event.title, locale)}</p>
      {certificates.length === 0 ? (
        <p>{pick(TEXT.certificatesIntro, locale)}</p>
      ) : (
        <ul>
          {certificates.map((c) => (
            <li>
              <a href={`/r/${token}/attestations/${c.session.id}`}>{pick(c.session.title, locale)}</a> — {when(c, locale)}
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}

function CertificateText(props: { c: Certificate; locale: Locale }) {
  const { c, locale } = props;
  const t = translator(locale);
  return (
    <>
      <p>{t('Nous attestons que', 'This is to certify that')}</p>
      <p class="name">{c.name}</p>
      <p>
        {t('a participé à l’atelier', 'attended the workshop')} <strong>« {pick(c.session.title, locale)} »</strong>
        <br />
        {when(c, locale)}
        {c.session.room ? t(`, salle ${c.session.room}`, `, room ${c.session.room}`) : ''},
        <br />
        {t('lors de', 'at')} <strong>{pick(c.event.title, locale)}</strong>
        {c.organizationName ? t(`, organisé par ${c.organizationName}`, `, organized by ${c.organizationName}`) : ''}.
      </p>
    </>
  );
}

/** A printable certificate with its verify link and QR code. */
export function renderCertificatePage(token: string, c: Certificate, qrSvg: string, locale: Locale, path: string): string {
  const t = translator(locale);
  return renderPage(
    <Layout locale={locale} path={path} title={`${t('Attestation de participation', 'Certificate of attendance')} — ${pick(c.session.title, locale)}`}>
      <p class="no-print">
        <a href={`/r/${token}/attestations`}>{t('← Mes attestations', '← My certificates')}</a>
        {' · '}
        {t('Pour l’imprimer ou en faire un PDF : menu Imprimer du navigateur.', 'To print it or save it as PDF: the browser’s Print menu.')}
      </p>
      <article class="certificate">
        <h1>{t('Attestation de participation', 'Certificate of attendance')}</h1>
        <CertificateText c={c} locale={locale} />
        <div
          class="qr"
          role="img"
          aria-label={t('QR code du lien de vérification', 'QR code of the verify link')}
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
        <p class="proof">
          {t('Vérifier cette attestation : ', 'Verify this certificate: ')}
          <a href={c.verifyUrl}>{c.verifyUrl}</a>
        </p>
      </article>
    </Layout>,
  );
}

/** `/verifier/{proof}`: what a certificate's link confirms, or why it does not. */
export function renderVerificationPage(v: Verification, locale: Locale, path: string): string {
  const t = translator(locale);
  const heading =
    v.status === 'valid'
      ? t('Attestation authentique', 'Genuine certificate')
      : v.status === 'erased'
        ? t('Attestation qui ne peut plus être confirmée', 'Certificate that can no longer be confirmed')
        : t('Attestation non reconnue', 'Certificate not recognized');
  return renderPage(
    <Layout locale={locale} path={path} title={heading}>
      <h1>{heading}</h1>
      {v.status === 'valid' ? (
        <>
          <p class="notice ok">{pick(TEXT.genuine, locale)}</p>
          <article class="certificate">
            <CertificateText c={v.certificate} locale={locale} />
          </article>
        </>
      ) : v.status === 'erased' ? (
        <p class="notice">{pick(TEXT.erased, locale)}</p>
      ) : (
        <p class="error">{pick(TEXT.forged, locale)}</p>
      )}
    </Layout>,
  );
}
