import { withDeadline } from './deadline';

describe('withDeadline', () => {
  it('answers with the work when it settles first', async () => {
    await expect(withDeadline(1_000, Promise.resolve('done'))).resolves.toBe('done');
    await expect(withDeadline(1_000, Promise.reject(new Error('broke')))).rejects.toThrow('broke');
  });

  it('rejects once the deadline passes, with the error the caller names', async () => {
    const never = new Promise<string>(() => undefined);
    await expect(withDeadline(20, never)).rejects.toThrow('no answer within 20 ms');
    await expect(withDeadline(20, never, () => new Error('redis is slow'))).rejects.toThrow(
      'redis is slow',
    );
  });
});
