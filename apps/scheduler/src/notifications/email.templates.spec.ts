import { randomUUID } from 'node:crypto';
import type { CreditInvoiceNotice } from '@glimmer/contracts/invoicing/credit-invoice.events';
import { renderEmail } from './email.templates';

const notice: CreditInvoiceNotice = {
  creditInvoiceId: randomUUID(),
  brandId: randomUUID(),
  brandName: 'Acme <Studios> & Co',
  financeEmail: 'finance@acme.test',
  depositId: randomUUID(),
  costCode: 'MKT-2026',
  amount: 1_234_567,
  currency: 'USD',
  status: 'void',
  version: 2,
  issuedAt: '2026-03-01T10:00:00.000Z',
  paidAt: null,
  voidedAt: '2026-03-01T11:00:00.000Z',
};

describe('email templates', () => {
  it('tells finance a credit invoice is VOID, with the amount removed from the cost code', () => {
    const mail = renderEmail({ template: 'credit-invoice-voided', notice });
    expect(mail.to).toBe('finance@acme.test');
    expect(mail.subject).toBe(`Credit invoice ${notice.creditInvoiceId} is VOID`);
    expect(mail.text).toContain('USD 12,345.67');
    expect(mail.text).toContain('removed from cost code MKT-2026');
    expect(mail.html).toContain('Acme &#60;Studios&#62; &#38; Co');
    expect(mail.html).not.toContain('<Studios>');
  });

  it('announces issue and payment with the amount in the subject', () => {
    expect(renderEmail({ template: 'credit-invoice-issued', notice }).subject).toBe(
      `Credit invoice ${notice.creditInvoiceId} issued: USD 12,345.67`,
    );
    expect(
      renderEmail({
        template: 'credit-invoice-paid',
        notice: { ...notice, currency: 'JPY', amount: 5000 },
      }).subject,
    ).toBe(`Credit invoice ${notice.creditInvoiceId} paid: JPY 5,000`);
  });
});

describe('creator network email templates', () => {
  it('sends the invite token and accept link to the invited email only', () => {
    const mail = renderEmail({
      template: 'network-invite',
      invite: {
        inviteId: randomUUID(),
        brandName: 'Acme <Studios>',
        email: 'ada@creator.test',
        token: 'tok_abc',
        acceptUrl: 'https://app.glimmer.test/invites/accept?token=tok_abc',
        expiresAt: '2026-05-08T10:00:00.000Z',
        message: 'We love your work',
      },
    });
    expect(mail.to).toBe('ada@creator.test');
    expect(mail.subject).toBe('Acme <Studios> invited you to Glimmer');
    expect(mail.text).toContain('Invite token: tok_abc');
    expect(mail.text).toContain('https://app.glimmer.test/invites/accept?token=tok_abc');
    expect(mail.text).toContain('We love your work');
    expect(mail.html).not.toContain('<Studios>');
  });

  it('tells the creator about an offer with its fee', () => {
    const mail = renderEmail({
      template: 'network-offer-sent',
      offer: {
        offerId: randomUUID(),
        brandId: randomUUID(),
        brandName: 'Acme',
        creatorId: randomUUID(),
        creatorEmail: 'ada@creator.test',
        creatorName: 'Ada',
        title: 'Spring shoot',
        fee: 150_000,
        currency: 'EUR',
        dueDate: '2027-04-30',
      },
    });
    expect(mail.to).toBe('ada@creator.test');
    expect(mail.subject).toBe('Acme made you an offer: Spring shoot');
    expect(mail.text).toContain('EUR 1,500.00');
  });
});
