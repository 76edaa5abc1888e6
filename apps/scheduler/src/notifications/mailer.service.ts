import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { CONFIG } from '@glimmer/config/config';
import type { SchedulerConfig } from '../scheduler.config';
import type { RenderedEmail } from './email.templates';

/**
 * Glimmer's only way out to email. With SMTP_URL unset (development), the message is rendered
 * as JSON and logged instead of sent.
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
  async send(mail: RenderedEmail): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    const messageId = String(info.messageId ?? '');
    if (this.logOnly)
      this.logger.log(
        { mail: JSON.parse(String(info.message)) },
        `email (not sent): ${mail.subject}`,
      );
    return { messageId };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
