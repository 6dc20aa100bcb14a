import type { SendMailOptions } from 'nodemailer';
import { OutgoingMail } from './mail-transport';

export function toNodemailer(mail: OutgoingMail, defaultFrom: string): SendMailOptions {
  return {
    from: mail.from ?? defaultFrom,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
    attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  };
}
