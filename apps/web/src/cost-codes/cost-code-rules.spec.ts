import { costCodeNameProblem, costCodeProblem } from './cost-code-rules';

describe('new cost code rules (checked before sending)', () => {
  it('accepts the codes finance teams type', () => {
    for (const code of ['MKT-2027', 'a', 'Q1/2027', 'ops.events_1', 'X'.repeat(40)])
      expect(costCodeProblem(code)).toBeNull();
  });

  it('explains what is wrong with a code', () => {
    expect(costCodeProblem('  ')).toMatch(/Enter a code/);
    expect(costCodeProblem('-MKT')).toMatch(/starting with a letter or digit/);
    expect(costCodeProblem('MKT 2027')).toMatch(/letters, digits/);
    expect(costCodeProblem('X'.repeat(41))).toMatch(/at most 40/);
  });

  it('needs a name of at most 120 characters', () => {
    expect(costCodeNameProblem('Marketing 2027')).toBeNull();
    expect(costCodeNameProblem(' ')).toMatch(/Enter a name/);
    expect(costCodeNameProblem('n'.repeat(121))).toMatch(/at most 120/);
  });
});
