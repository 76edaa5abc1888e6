import { randomUUID } from 'node:crypto';
import type { CreditInvoiceNotice } from '@glimmer/contracts/invoicing/credit-invoice.events';
import { schedulerConfigSchema } from '../scheduler.config';
import { appLink, renderEmail as render, ResolvedEmail } from './email.templates';

const APP = 'https://app.glimmer.test';
const renderEmail = (message: ResolvedEmail) => render(message, APP);

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
    // The token is declared, so the no-SMTP log can leave it out.
    expect(mail.secrets).toEqual(['tok_abc']);
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
    expect(mail.text).toContain(
      'Read the brief and the contract, then accept and sign it, or decline: ',
    );
  });
});

describe('project invoice and payout email templates', () => {
  const payout = {
    payoutId: randomUUID(),
    creatorId: randomUUID(),
    creatorEmail: 'ada@creator.test',
    creatorName: 'Ada <Lovelace>',
    projectId: randomUUID(),
    projectTitle: 'Spring shoot',
    amount: 150_000,
    currency: 'EUR',
  };

  it('tells finance a project invoice was issued, with its title, amount, cost code and story code', () => {
    const costCodeId = randomUUID();
    const invoiceId = randomUUID();
    const mail = renderEmail({
      template: 'project-invoice-issued',
      invoice: {
        invoiceId,
        projectId: randomUUID(),
        brandId: randomUUID(),
        brandName: 'Acme <Studios>',
        financeEmail: 'finance@acme.test',
        title: 'Spring shoot',
        costCodeId,
        storyCode: 'STORY-42',
        amount: 1_234_567,
        currency: 'USD',
        issuedAt: '2027-04-01T10:00:00.000Z',
      },
    });
    expect(mail.to).toBe('finance@acme.test');
    expect(mail.subject).toBe('Project invoice issued: Spring shoot (USD 12,345.67)');
    expect(mail.text).toContain(`Project invoice: ${invoiceId}`);
    expect(mail.text).toContain(`Cost code: ${costCodeId}`);
    expect(mail.text).toContain('Story code: STORY-42');
    expect(mail.text).toContain('Hello Acme <Studios> finance team,');
    expect(mail.html).not.toContain('<Studios>');
  });

  it('tells the creator when a payout is scheduled, with the expected date and amount', () => {
    const mail = renderEmail({
      template: 'payout-scheduled',
      payout: {
        ...payout,
        attempt: 1,
        dispatchAt: '2027-05-10T09:00:00.000Z',
        expectedDate: '2027-05-14',
      },
    });
    expect(mail.to).toBe('ada@creator.test');
    expect(mail.subject).toBe('You will be paid EUR 1,500.00 by 2027-05-14');
    expect(mail.text).toContain('We expect it to reach you by 2027-05-14');
    expect(mail.text).toContain('"Spring shoot"');
    expect(mail.html).toContain('Ada &#60;Lovelace&#62;');
  });

  it('asks the creator to add a payout method', () => {
    const mail = renderEmail({ template: 'payout-needs-method', payout });
    expect(mail.to).toBe('ada@creator.test');
    expect(mail.subject).toBe('Add a payout method to receive EUR 1,500.00');
    expect(mail.text).toContain('add a payout method');
  });

  it('tells the creator the payout was sent, with the provider reference', () => {
    const mail = renderEmail({
      template: 'payout-paid',
      payout: { ...payout, paidAt: '2027-05-12T10:00:00.000Z', providerReference: 'sbx_123' },
    });
    expect(mail.subject).toBe('We sent you EUR 1,500.00');
    expect(mail.text).toContain('Reference: sbx_123');
    expect(mail.text).toContain('Sent: 2027-05-12T10:00:00.000Z');
  });

  it('tells the creator a failed payout is being looked at, without the internal reason', () => {
    const mail = renderEmail({
      template: 'payout-failed',
      payout: { ...payout, currency: 'JPY', amount: 5000, attempts: 5, reason: 'ECONNRESET' },
    });
    expect(mail.subject).toBe('Your payment of JPY 5,000 is delayed: we are on it');
    expect(mail.text).toContain('Our team has been alerted and is on it');
    expect(mail.text).not.toContain('ECONNRESET');
  });
});

describe('links into the web app', () => {
  const ids = { offerId: randomUUID(), projectId: randomUUID(), creatorId: randomUUID() };
  const payout = {
    payoutId: randomUUID(),
    creatorId: ids.creatorId,
    creatorEmail: 'ada@creator.test',
    creatorName: 'Ada',
    projectId: ids.projectId,
    projectTitle: 'Spring shoot',
    amount: 150_000,
    currency: 'EUR',
  };
  const messages: [ResolvedEmail, string][] = [
    [{ template: 'credit-invoice-issued', notice }, '/reports/credits'],
    [{ template: 'credit-invoice-paid', notice }, '/reports/credits'],
    [{ template: 'credit-invoice-voided', notice }, '/reports/credits'],
    [
      {
        template: 'network-creator-joined',
        joined: {
          brandId: randomUUID(),
          brandName: 'Acme',
          creatorId: ids.creatorId,
          creatorName: 'Ada',
          creatorEmail: 'ada@creator.test',
          inviteId: randomUUID(),
          notifyEmail: 'admin@acme.test',
          joinedAt: '2027-04-01T10:00:00.000Z',
        },
      },
      `/network/creators/${ids.creatorId}`,
    ],
    [
      {
        template: 'network-offer-sent',
        offer: {
          offerId: ids.offerId,
          brandId: randomUUID(),
          brandName: 'Acme',
          creatorId: ids.creatorId,
          creatorEmail: 'ada@creator.test',
          creatorName: 'Ada',
          title: 'Spring shoot',
          fee: 150_000,
          currency: 'EUR',
          dueDate: '2027-04-30',
        },
      },
      `/offers/${ids.offerId}`,
    ],
    [
      {
        template: 'project-invoice-issued',
        invoice: {
          invoiceId: randomUUID(),
          projectId: ids.projectId,
          brandId: randomUUID(),
          brandName: 'Acme',
          financeEmail: 'finance@acme.test',
          title: 'Spring shoot',
          costCodeId: randomUUID(),
          storyCode: 'STORY-42',
          amount: 1000,
          currency: 'USD',
          issuedAt: '2027-04-01T10:00:00.000Z',
        },
      },
      '/reports/invoices',
    ],
    [
      {
        template: 'payout-scheduled',
        payout: {
          ...payout,
          attempt: 1,
          dispatchAt: '2027-05-10T09:00:00.000Z',
          expectedDate: '2027-05-14',
        },
      },
      '/dashboard',
    ],
    [{ template: 'payout-needs-method', payout }, '/settings/payout'],
    [
      {
        template: 'payout-paid',
        payout: { ...payout, paidAt: '2027-05-12T10:00:00.000Z', providerReference: 'sbx_1' },
      },
      '/dashboard',
    ],
    [
      { template: 'payout-failed', payout: { ...payout, attempts: 5, reason: 'ECONNRESET' } },
      '/dashboard',
    ],
  ];

  it.each(messages.map(([message, path]) => [message.template, path, message] as const))(
    'links %s to %s under APP_URL, in text and HTML',
    (_template, path, message) => {
      const mail = renderEmail(message);
      expect(mail.text).toContain(`${APP}${path}`);
      expect(mail.html).toContain(`${APP}${path}`);
    },
  );

  it('links a project invoice to its project too', () => {
    const [message] = messages.find(([m]) => m.template === 'project-invoice-issued')!;
    expect(renderEmail(message).text).toContain(`${APP}/projects/${ids.projectId}`);
  });

  it("keeps the invite email's accept link (with its token) exactly as creator-network made it", () => {
    const acceptUrl = 'https://elsewhere.test/invites/accept?token=tok_abc';
    const mail = renderEmail({
      template: 'network-invite',
      invite: {
        inviteId: randomUUID(),
        brandName: 'Acme',
        email: 'ada@creator.test',
        token: 'tok_abc',
        acceptUrl,
        expiresAt: '2026-05-08T10:00:00.000Z',
        message: null,
      },
    });
    expect(mail.text).toContain(acceptUrl);
    expect(mail.text).not.toContain(APP);
  });

  it('joins APP_URL and a page whatever the slashes, keeping a path prefix', () => {
    expect(appLink('http://127.0.0.1:3000', '/dashboard')).toBe('http://127.0.0.1:3000/dashboard');
    expect(appLink('https://glimmer.test/app/', '/offers/1')).toBe(
      'https://glimmer.test/app/offers/1',
    );
    expect(appLink('https://glimmer.test/app', 'offers/1')).toBe(
      'https://glimmer.test/app/offers/1',
    );
  });
});

describe('scheduler config: APP_URL', () => {
  it('defaults to the local web app and refuses a value that is not a URL', () => {
    expect(schedulerConfigSchema.parse({}).APP_URL).toBe('http://127.0.0.1:3000');
    expect(schedulerConfigSchema.parse({ APP_URL: 'https://app.glimmer.test' }).APP_URL).toBe(
      'https://app.glimmer.test',
    );
    expect(schedulerConfigSchema.safeParse({ APP_URL: 'not a url' }).success).toBe(false);
  });

  it('sends the email verification link under APP_URL to the member alone, saying what waits for it', () => {
    const mail = renderEmail({
      template: 'email-verification',
      verification: {
        userId: randomUUID(),
        email: 'ada@acme.test',
        name: 'Ada',
        brandName: 'Acme <Studios>',
        token: 'tok_en-123',
        expiresAt: '2027-03-11T10:00:00.000Z',
      },
    });
    expect(mail.to).toBe('ada@acme.test');
    expect(mail.subject).toBe('Verify your email address for Glimmer');
    expect(mail.text).toContain('https://app.glimmer.test/verify-email?token=tok_en-123');
    expect(mail.text).toContain('no credit invoices or invites');
    expect(mail.html).toContain('Acme &#60;Studios&#62;');
  });
});
