import { DomainError } from './domain-error';
import { toProblem } from './problem';

describe('toProblem', () => {
  it('renders RFC 9457 members with a stable type per code', () => {
    const problem = toProblem(
      new DomainError('insufficient_available_credit', 'only 5 left').serialize(),
      '/v1/x',
    );
    expect(problem).toEqual({
      type: 'https://glimmer.dev/problems/insufficient-available-credit',
      title: 'Not enough available credit',
      status: 409,
      detail: 'only 5 left',
      code: 'insufficient_available_credit',
      instance: '/v1/x',
    });
  });

  it('adds meta as extension members without letting them overwrite standard ones', () => {
    const err = new DomainError('duplicate_cost_code', 'MKT exists', {
      meta: { code: 'MKT', status: 200, costCodeId: 'c1' },
    });
    const problem = toProblem(err.serialize());
    expect(problem).toMatchObject({ code: 'duplicate_cost_code', status: 409, costCodeId: 'c1' });
  });
});
