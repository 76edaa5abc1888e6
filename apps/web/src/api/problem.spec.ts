import { ApiProblem, asProblem, fieldErrors, problemMessage } from './problem';

describe('problem+json to human messages', () => {
  it('says how much is available when an over-draw is refused, in the brand currency', () => {
    const problem = {
      status: 409,
      code: 'insufficient_available_credit',
      detail: 'cost code has 1000 available',
      available: 123_456,
      currency: 'USD',
    };
    expect(problemMessage(problem)).toBe(
      'Not enough available credit: only $1,234.56 is available on that cost code. Nothing was moved.',
    );
    expect(problemMessage({ ...problem, currency: undefined }, 'JPY')).toContain('¥123,456');
  });

  it('maps field errors to the form fields, and names the problem once', () => {
    const problem = {
      status: 400,
      code: 'validation_failed',
      errors: [
        { field: 'amount', messages: ['must be greater than 0'] },
        { field: 'costCode.code', messages: ['must be shorter than or equal to 32 characters'] },
      ],
    };
    expect(problemMessage(problem)).toBe('Some fields need attention.');
    expect(fieldErrors(problem, { 'costCode.code': 'newCode' })).toEqual({
      amount: 'Must be greater than 0',
      newCode: 'Must be shorter than or equal to 32 characters',
    });
  });

  it('falls back to the server detail for codes it does not know, then to the title', () => {
    expect(problemMessage({ status: 418, code: 'teapot', detail: 'short and stout' })).toBe(
      'short and stout',
    );
    expect(problemMessage({ status: 418, title: 'I am a teapot' })).toBe('I am a teapot');
    expect(problemMessage({ status: 502 })).toBe('Unexpected answer (HTTP 502).');
  });

  it('tells a timeout apart and promises a retry is safe', () => {
    expect(problemMessage({ status: 504, code: 'dependency_timeout' })).toMatch(
      /will not happen twice/,
    );
    expect(problemMessage({ status: 500, code: 'internal', errorId: 'e-1' })).toMatch(/e-1/);
  });

  it('treats anything thrown that is not a problem as a network failure', () => {
    expect(asProblem(new TypeError('Failed to fetch'))).toMatchObject({
      status: 0,
      code: 'network_error',
    });
    const thrown = new ApiProblem({ status: 404, code: 'not_found' });
    expect(asProblem(thrown)).toBe(thrown.problem);
    expect(problemMessage(asProblem(new TypeError('x')))).toMatch(/could not be reached/);
  });
});
