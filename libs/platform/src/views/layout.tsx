import type { ComponentChildren } from 'preact';
import { Locale, Localized, pick } from '../i18n/locale';
import { ASSETS } from './assets';

export interface NavLink {
  href: string;
  label: Localized;
  current?: boolean;
}

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** The current path with its query, used by the language switch. */
  path: string;
  description?: string;
  nav?: NavLink[];
  /** Shown at the right of the header (e.g. the signed-in user). */
  aside?: ComponentChildren;
  children: ComponentChildren;
  /** Extra elements of the head (e.g. a page's own hashed `<style>`). */
  head?: ComponentChildren;
  /** Extra scripts, only on pages that need them. */
  scripts?: string[];
  brand?: { href: string; label: string };
}

/** The path with `lang` set to another locale, keeping the rest of the query. */
export function withLang(path: string, lang: Locale): string {
  const [base, query = ''] = path.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${base}?${params.toString()}`;
}

/** The one layout of every page: light, readable on a phone, no web fonts. */
export function Layout(props: LayoutProps) {
  const { locale } = props;
  const other: Locale = locale === 'fr' ? 'en' : 'fr';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href={ASSETS.css} />
        <link rel="icon" href="data:," />
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          {pick({ fr: 'Aller au contenu', en: 'Skip to content' }, locale)}
        </a>
        <header class="site">
          <a class="brand" href={props.brand?.href ?? '/'}>
            {props.brand?.label ?? 'Palabre'}
          </a>
          {props.nav && props.nav.length > 0 ? (
            <nav aria-label={pick({ fr: 'Navigation principale', en: 'Main navigation' }, locale)}>
              <ul>
                {props.nav.map((l) => (
                  <li>
                    <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                      {pick(l.label, locale)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div class="aside">
            {props.aside}
            <a class="lang" href={withLang(props.path, other)} hreflang={other} lang={other}>
              {other === 'en' ? 'English' : 'Français'}
            </a>
          </div>
        </header>
        <main id="main">{props.children}</main>
        <footer class="site">
          <p>{pick({ fr: 'Propulsé par Palabre, logiciel libre pour les forums.', en: 'Powered by Palabre, free software for forums.' }, locale)}</p>
        </footer>
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </body>
    </html>
  );
}
