import { Logger } from '@nestjs/common';
import { schedulerConfigSchema } from '../scheduler.config';
import { deterministicMessageId, mailDomainOf, Mailer } from './mailer.service';

describe('deterministicMessageId', () => {
  const from = 'Glimmer <no-reply@glimmer.local>';

  it('is the same for the same trigger and template, and differs otherwise', () => {
    const id = deterministicMessageId('email.m-1', 'credit-invoice-voided', from);
    expect(id).toMatch(/^<[0-9a-f]{64}@glimmer\.local>$/);
    expect(deterministicMessageId('email.m-1', 'credit-invoice-voided', from)).toBe(id);
    expect(deterministicMessageId('email.m-2', 'credit-invoice-voided', from)).not.toBe(id);
    expect(deterministicMessageId('email.m-1', 'credit-invoice-paid', from)).not.toBe(id);
  });

  it('takes the domain from MAIL_FROM', () => {
    expect(mailDomainOf('Glimmer <no-reply@mail.example.com>')).toBe('mail.example.com');
    expect(mailDomainOf('no-reply@example.org')).toBe('example.org');
    expect(mailDomainOf('nobody')).toBe('glimmer.local');
  });
});

describe('Mailer without SMTP_URL (development)', () => {
  it('logs the email with the credentials it carries redacted, and still sends them', async () => {
    const config = schedulerConfigSchema.parse({ SMTP_URL: '' });
    const mailer = new Mailer(config);
    const lines: string[] = [];
    const log = jest
      .spyOn(Logger.prototype, 'log')
      .mockImplementation((...args: unknown[]) => void lines.push(JSON.stringify(args)));
    try {
      const token = 'Zm9vYmFyYmF6cXV4LXRoZS10b2tlbi1pcy1zZWNyZXQx';
      await mailer.send({
        to: 'ada@creator.test',
        subject: 'Acme invited you to Glimmer',
        text: `Accept: https://app.test/invites/accept?token=${token}\n\nInvite token: ${token}`,
        html: `<p>Accept: https://app.test/invites/accept?token=${token}</p>`,
        secrets: [token],
      });
      const logged = lines.join('\n');
      expect(logged).toContain('Acme invited you to Glimmer');
      expect(logged).toContain('invites/accept?token=[redacted]');
      expect(logged).not.toContain(token);
    } finally {
      log.mockRestore();
      mailer.onApplicationShutdown();
    }
  });
});
