/** A URL's path without its query string, for logs: tokens travel in some query strings (sign-in links, feeds). */
export function withoutQuery(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}
