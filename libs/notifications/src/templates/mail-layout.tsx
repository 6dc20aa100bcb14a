import type { Locale } from '@palabre/platform';
import { renderFragment } from '@palabre/platform';
import { labelled, MailBlock, MailContent, t } from './mail-content';

/*
 * Mail clients ignore stylesheets and most of CSS: the layout is nested tables with inline
 * styles, 600 px wide at most, system fonts. Text goes through preact, which escapes it.
 */
const COLOUR = '#0b6e4f';
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const TEXT = `${FONT}font-size:16px;line-height:1.5;color:#1a1a1a;`;

function Block({ block, locale }: { block: MailBlock; locale: Locale }) {
  switch (block.kind) {
    case 'paragraph':
      return <p style={`margin:0 0 16px;${TEXT}`}>{block.text}</p>;
    case 'action':
      return (
        <>
          <table role="presentation" cellPadding="0" cellSpacing="0" style="margin:8px 0 16px;border-collapse:collapse;">
            <tr>
              <td style={`background:${COLOUR};border-radius:4px;`}>
                <a
                  href={block.href}
                  style={`display:inline-block;padding:12px 20px;${FONT}font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;`}
                >
                  {block.label}
                </a>
              </td>
            </tr>
          </table>
          <p style={`margin:0 0 16px;${FONT}font-size:13px;line-height:1.4;color:#555555;`}>
            {t(
              locale,
              'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
              'If the button does not work, copy this link into your browser:',
            )}{' '}
            <a href={block.href} style={`color:${COLOUR};word-break:break-all;`}>
              {block.href}
            </a>
          </p>
        </>
      );
    case 'link':
      return (
        <p style={`margin:0 0 16px;${TEXT}`}>
          <a href={block.href} style={`color:${COLOUR};`}>
            {block.label}
          </a>
        </p>
      );
    case 'details':
      return (
        <table role="presentation" cellPadding="0" cellSpacing="0" width="100%" style="margin:0 0 16px;border-collapse:collapse;">
          {block.rows.map((row) => (
            <tr>
              <td valign="top" style={`padding:6px 12px 6px 0;border-top:1px solid #e5e5e0;${FONT}font-size:14px;color:#555555;white-space:nowrap;`}>
                {row.label}
              </td>
              <td valign="top" style={`padding:6px 0;border-top:1px solid #e5e5e0;${FONT}font-size:14px;color:#1a1a1a;`}>
                {row.value}
              </td>
            </tr>
          ))}
        </table>
      );
    case 'list':
      return (
        <ul style={`margin:0 0 16px;padding-left:20px;${TEXT}`}>
          {block.items.map((item) => (
            <li style="margin:0 0 6px;">{item}</li>
          ))}
        </ul>
      );
  }
}

function MailDocument({ content, locale }: { content: MailContent; locale: Locale }) {
  return (
    <html lang={locale}>
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#f4f4f0;">
        <div style="display:none;max-height:0;overflow:hidden;">{content.preheader}</div>
        <table role="presentation" cellPadding="0" cellSpacing="0" width="100%" style="background:#f4f4f0;border-collapse:collapse;">
          <tr>
            <td align="center" style="padding:24px 12px;">
              <table role="presentation" cellPadding="0" cellSpacing="0" width="100%" style="max-width:600px;background:#ffffff;border-collapse:collapse;">
                <tr>
                  <td style={`background:${COLOUR};padding:16px 24px;${FONT}font-size:18px;font-weight:bold;color:#ffffff;`}>{content.brand}</td>
                </tr>
                <tr>
                  <td style="padding:24px;">
                    <h1 style={`margin:0 0 16px;${FONT}font-size:22px;line-height:1.3;color:#1a1a1a;`}>{content.heading}</h1>
                    {content.blocks.map((block) => (
                      <Block block={block} locale={locale} />
                    ))}
                  </td>
                </tr>
                <tr>
                  <td style={`padding:16px 24px;border-top:1px solid #e5e5e0;${FONT}font-size:12px;line-height:1.4;color:#595959;`}>{content.footer}</td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

export function renderMailHtml(content: MailContent, locale: Locale): string {
  return '<!doctype html>' + renderFragment(<MailDocument content={content} locale={locale} />);
}

/** The plain-text part: the same content, readable in any client. */
export function renderMailText(content: MailContent, locale: Locale): string {
  const out: string[] = [content.brand, '='.repeat(Math.min(60, Math.max(3, content.brand.length))), '', content.heading, ''];
  for (const block of content.blocks) {
    switch (block.kind) {
      case 'paragraph':
        out.push(block.text, '');
        break;
      case 'action':
        out.push(locale === 'fr' ? `${block.label} :` : `${block.label}:`, block.href, '');
        break;
      case 'link':
        out.push(labelled(locale, block.label, block.href), '');
        break;
      case 'details':
        for (const row of block.rows) out.push(labelled(locale, row.label, row.value));
        out.push('');
        break;
      case 'list':
        for (const item of block.items) out.push(`- ${item}`);
        out.push('');
        break;
    }
  }
  out.push('-- ', content.footer, '');
  return out.join('\n');
}
