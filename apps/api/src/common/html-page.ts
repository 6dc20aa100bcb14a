import type { Locale, RenderedResponse } from '@palabre/platform';
import { policyAllowingStyle } from './content-security-policy';
import { HTML_TYPE, PAGE_CACHE_CONTROL } from './public-cache';

/** A public page's HTML with its headers, for the response cache; a page with its own `<style>` allows exactly that block in its CSP. */
export function htmlPage(body: string, locale: Locale): RenderedResponse {
  const style = /<style>([^<]*)<\/style>/.exec(body)?.[1];
  return {
    body,
    contentType: HTML_TYPE,
    headers: {
      'content-language': locale,
      'cache-control': PAGE_CACHE_CONTROL,
      ...(style ? { 'content-security-policy': policyAllowingStyle(style) } : {}),
    },
  };
}
