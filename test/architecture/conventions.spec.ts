import { roleViolations, rowMapperViolations, storeViolations } from './support/conventions';
import { sourceFiles } from './support/source-tree';

describe('architecture: one convention per role', () => {
  const files = sourceFiles('apps', 'libs');

  it('every file is named for its role', () => {
    expect(files.flatMap(roleViolations)).toEqual([]);
  });

  it('no hand-written row shapes or row mappers outside the places that are SQL on purpose', () => {
    expect(files.flatMap(rowMapperViolations)).toEqual([]);
  });

  it('no service reaches into another service’s store', () => {
    expect(files.flatMap(storeViolations)).toEqual([]);
  });

  describe('the checks catch what they are for', () => {
    it('an RPC handler in a file not named *.rpc.ts', () => {
      const file = {
        path: 'apps/credit/src/deposits/deposits.handler.ts',
        source: `@Controller()\nexport class DepositsRpc {\n  @OnRpc(CreateDepositRpc)\n  create() {}\n}\n`,
      };
      expect(roleViolations(file)).toEqual([
        'apps/credit/src/deposits/deposits.handler.ts declares an RPC handler: name it *.rpc.ts',
        'apps/credit/src/deposits/deposits.handler.ts: *.handler.ts is retired (see CONTRIBUTING.md)',
      ]);
    });

    it('an entity outside *.entity.ts, and a use case with two classes', () => {
      expect(
        roleViolations({
          path: 'apps/payout/src/payouts/payout.ts',
          source: `@Entity()\nclass P {}`,
        }),
      ).toEqual(['apps/payout/src/payouts/payout.ts declares an entity: name it *.entity.ts']);
      expect(
        roleViolations({
          path: 'apps/payout/src/payouts/pay.use-case.ts',
          source: `export class A {\n  execute() {}\n}\nexport class B {}\n`,
        }),
      ).toEqual([
        'apps/payout/src/payouts/pay.use-case.ts: a use case is one exported class with execute(command)',
      ]);
    });

    it('a row interface and its mapper beside an aggregate', () => {
      expect(
        rowMapperViolations({
          path: 'apps/credit/src/deposits/deposit.repository.ts',
          source: 'interface DepositRow { id: string }\nconst d = fromRow(row);\n',
        }),
      ).toEqual([
        'apps/credit/src/deposits/deposit.repository.ts declares DepositRow: map the table with an entity',
        'apps/credit/src/deposits/deposit.repository.ts maps rows by hand (fromRow): use an entity',
      ]);
    });

    it('the gateway importing BullMQ, or SQL naming another service’s schema', () => {
      expect(
        storeViolations({
          path: 'apps/gateway/src/ops/queue-board.ts',
          source: `import { Queue } from 'bullmq';\n`,
        }),
      ).toEqual([
        "apps/gateway/src/ops/queue-board.ts imports bullmq: the queues are the scheduler's; ask it over RPC",
      ]);
      expect(
        storeViolations({
          path: 'apps/invoicing/src/project-invoices/x.repository.ts',
          source: 'em.execute(`select * from "glimmer_credit".deposit`)',
        }),
      ).toEqual([
        "apps/invoicing/src/project-invoices/x.repository.ts names credit's schema: read its data through its RPCs or events",
      ]);
    });
  });
});
