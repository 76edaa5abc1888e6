import { isPastDue, Offer, todayUtc } from './offer.entity';
import { notOpen, toOfferView } from './offer-views';

const offer = (overrides: Partial<Offer>): Offer =>
  Object.assign(new Offer(), {
    id: 'o1',
    brandId: 'b1',
    creatorId: 'c1',
    title: 'Shoot',
    brief: 'photos',
    fee: 150_000,
    currency: 'EUR',
    dueDate: '2027-03-10',
    costCodeId: 'cc',
    storyCode: 'S',
    status: 'sent',
    createdBy: 'u1',
    createdAt: new Date('2027-03-01T10:00:00Z'),
    decidedAt: null,
    ...overrides,
  });

describe('offer views', () => {
  it('reads due dates in UTC: due today is still open, due yesterday is past', () => {
    const now = new Date('2027-03-10T23:30:00Z');
    expect(todayUtc(now)).toBe('2027-03-10');
    expect(isPastDue(offer({ dueDate: '2027-03-10' }), now)).toBe(false);
    expect(isPastDue(offer({ dueDate: '2027-03-09' }), now)).toBe(true);
  });

  it('shows a sent offer past its due date as expired, and says so when it is decided on', () => {
    const past = offer({ dueDate: '2020-01-01' });
    expect(toOfferView(past, null).status).toBe('expired');
    expect(notOpen(past)).toMatchObject({ code: 'offer_expired' });
    const declined = offer({ dueDate: '2020-01-01', status: 'declined' });
    expect(toOfferView(declined, null).status).toBe('declined');
    expect(notOpen(declined)).toMatchObject({
      code: 'offer_not_open',
      extra: { meta: { status: 'declined' } },
    });
  });

  it('carries the project an accepted offer started and timestamps as ISO strings', () => {
    const view = toOfferView(offer({ status: 'accepted', currency: 'EUR' }), 'p1');
    expect(view).toMatchObject({
      projectId: 'p1',
      createdAt: '2027-03-01T10:00:00.000Z',
      fee: 150_000,
    });
  });
});
