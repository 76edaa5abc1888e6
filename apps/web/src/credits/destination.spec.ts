import {
  destinationLabel,
  destinationRules,
  emptyDestination,
  NEW_COST_CODE,
  readDestination,
} from './destination';
import type { CostCode } from './credit-queries';

const mkt: CostCode = {
  id: 'c1',
  code: 'MKT-2027',
  name: 'Marketing 2027',
  currency: 'USD',
  available: 0,
  pending: 0,
  createdAt: '2026-12-01T00:00:00Z',
};

describe('where credit goes: an existing cost code or a new one', () => {
  it('starts on a new cost code when the brand has none', () => {
    expect(emptyDestination([]).destination).toBe(NEW_COST_CODE);
    expect(emptyDestination([mkt]).destination).toBeNull();
  });

  it('reads the body the API takes: an id, or a trimmed code and name', () => {
    expect(readDestination({ destination: 'c1', newCode: 'x', newName: 'y' })).toEqual({
      id: 'c1',
    });
    expect(
      readDestination({ destination: NEW_COST_CODE, newCode: ' EVT ', newName: ' Events ' }),
    ).toEqual({ code: 'EVT', name: 'Events' });
  });

  it('checks the new code only when a new one is chosen', () => {
    const existing = { destination: 'c1', newCode: '', newName: '' };
    const fresh = { destination: NEW_COST_CODE, newCode: '', newName: '' };
    expect(destinationRules.newCode('', existing)).toBeNull();
    expect(destinationRules.newCode('', fresh)).toMatch(/Enter a code/);
    expect(destinationRules.newName('', fresh)).toMatch(/Enter a name/);
    expect(destinationRules.destination(null)).toMatch(/Pick a cost code/);
  });

  it('names the destination as a sentence does', () => {
    expect(destinationLabel({ id: 'c1' }, [mkt])).toBe('MKT-2027 — Marketing 2027');
    expect(destinationLabel({ code: 'EVT', name: 'Events' }, [mkt])).toBe('EVT — Events');
  });
});
