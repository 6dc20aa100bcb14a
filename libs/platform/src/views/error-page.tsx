import { Locale, pick } from '../i18n/locale';
import type { ProblemDocument } from '../errors/problem';
import { Layout } from './layout';
import { renderPage } from './render';

export function renderErrorPage(problem: ProblemDocument, locale: Locale): string {
  return renderPage(
    <Layout locale={locale} title={`${problem.title} — Palabre`} path={problem.instance ?? '/'}>
      <section class="error" role="alert">
        <h1>{problem.title}</h1>
        {problem.detail ? <p>{problem.detail}</p> : null}
        {problem.errors?.length ? (
          <ul>
            {problem.errors.map((e) => (
              <li>
                <strong>{e.field}</strong> : {e.message}
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          <a href="/">{pick({ fr: "Retour à l'accueil", en: 'Back to the home page' }, locale)}</a>
        </p>
      </section>
    </Layout>,
  );
}
