import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import nodemailer, { Transporter } from 'nodemailer';
import { CONFIG } from '@glimmer/config/config';
import type { SchedulerConfig } from '../scheduler.config';
import type { RenderedEmail } from './email.templates';

/** The domain of the sender address (`Glimmer <no-reply@glimmer.local>` → `glimmer.local`). */
export function mailDomainOf(mailFrom: string): string {
  return /@([^\s<>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'glimmer.local';
}

/**
 * A Message-ID that is a function of what triggered the email (the job id, which is the event's
 * message id) and its template: a re-send after a crash carries the same header, so mail systems
 * that fold duplicates by Message-ID show it once.
 */
export function deterministicMessageId(
  triggerId: string,
  template: string,
  mailFrom: string,
): string {
  const digest = createHash('sha256').update(`${triggerId}\n${template}`).digest('hex');
  return `<${digest}@${mailDomainOf(mailFrom)}>`;
}

/** `text` with every one of `secrets` replaced, for a log line. */
export function redact(text: string, secrets: readonly string[] = []): string {
  return secrets.reduce(
    (out, secret) => (secret ? out.split(secret).join('[redacted]') : out),
    text,
  );
}

/**
 * Glimmer's only way out to email. With SMTP_URL unset (development), the message is rendered
 * as JSON and logged instead of sent — with the credentials it carries (an invite's token and
 * link) redacted: logs are kept and read far more widely than one mailbox.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly logOnly: boolean;

  constructor(@Inject(CONFIG) private readonly config: SchedulerConfig) {
    this.logOnly = !config.SMTP_URL;
    this.transport = config.SMTP_URL
      ? nodemailer.createTransport(config.SMTP_URL)
      : nodemailer.createTransport({ jsonTransport: true });
    if (this.logOnly) this.logger.warn('SMTP_URL is not set: emails are logged, not sent');
  }

  /** Resolves once the SMTP server accepted the message; throws otherwise (the job retries). */
  async send(mail: RenderedEmail, messageId?: string): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({
      ...(messageId ? { messageId } : {}),
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    const sent = String(info.messageId ?? '');
    if (this.logOnly)
      this.logger.log(
        { mail: JSON.parse(redact(String(info.message), mail.secrets)) },
        `email (not sent): ${mail.subject}`,
      );
    return { messageId: sent };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
