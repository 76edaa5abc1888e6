import { deterministicMessageId, mailDomainOf } from './mailer.service';

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
