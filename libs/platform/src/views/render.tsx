import type { ComponentChildren, VNode } from 'preact';
import { render as renderToString } from 'preact-render-to-string';

/** Renders a page component to a complete HTML document. Text is escaped by preact. */
export function renderPage(page: VNode): string {
  return '<!doctype html>' + renderToString(page);
}

/** Renders a fragment (no doctype), for emails and partials. */
export function renderFragment(node: VNode): string {
  return renderToString(node);
}

export type Children = ComponentChildren;
