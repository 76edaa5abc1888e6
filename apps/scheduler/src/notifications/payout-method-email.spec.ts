import type { PayoutMethodChanged } from '@glimmer/contracts/payout/payout-method.events';
import { renderEmail } from './email.templates';

const change: PayoutMethodChanged = {
  change: 'added',
  creatorId: '7d1f4a52-5b7e-4c71-9c55-1f0c3a4e2b10',
  creatorEmail: 'ada@creator.test',
  creatorName: 'Ada Lens',
  methodId: '0b0c5a1e-7a55-4c1e-9d7e-3f1e2d4c5b6a',
  type: 'local_bank_transfer',
  methodName: 'Local bank transfer',
  country: 'GB',
  maskedDetails: { accountNumber: '••••6819' },
  preferred: true,
  changedAt: '2027-03-20T10:00:00.000Z',
};

describe('payout-method change email', () => {
  it('tells the creator what was added, masked, and what to do if it was not them', () => {
    const mail = renderEmail({ template: 'payout-method-changed', change }, 'https://app.test');
    expect(mail.to).toBe('ada@creator.test');
    expect(mail.subject).toBe('A payout method was added to your account');
    expect(mail.text).toContain('Local bank transfer (GB). Your payments now go to it.');
    expect(mail.text).toContain('accountNumber: ••••6819');
    expect(mail.text).toContain('change your password now');
    expect(mail.text).toContain('https://app.test/settings/payout');
  });

  it('says when payouts were redirected to another method', () => {
    const mail = renderEmail(
      {
        template: 'payout-method-changed',
        change: { ...change, change: 'made_preferred', methodName: 'Payoneer', maskedDetails: {} },
      },
      'https://app.test',
    );
    expect(mail.subject).toBe('Your preferred payout method changed');
    expect(mail.text).toContain('Your payments now go to Payoneer (GB)');
  });
});
