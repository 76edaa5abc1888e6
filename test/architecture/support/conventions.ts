import { SERVICES } from '@glimmer/contracts/contract';
import { importsOf, SourceFile } from './source-tree';

/**
 * One file suffix per role (CONTRIBUTING.md): what a file declares decides its name. Each rule
 * is a decorator (or declaration) that marks the role and the suffix the file must have.
 */
const ROLES: { role: string; marks: RegExp; suffix: string }[] = [
  { role: 'an entity', marks: /@Entity\(/, suffix: '.entity.ts' },
  { role: 'an RPC handler', marks: /@(?:OnRpc|MessagePattern)\(/, suffix: '.rpc.ts' },
  { role: 'an event handler', marks: /@(?:OnEvent|EventPattern)\(/, suffix: '.events.ts' },
  { role: 'a BullMQ processor', marks: /@Processor\(/, suffix: '.processor.ts' },
  {
    role: 'an HTTP controller',
    marks: /@(?:Get|Post|Put|Patch|Delete)\(/,
    suffix: '.controller.ts',
  },
];

/** Suffixes that meant two things before the convention; nothing may use them now. */
const RETIRED_SUFFIXES = ['.handler.ts', '.rpc.controller.ts'];

const isTestCode = (path: string) =>
  /\.(?:spec|int-spec|e2e-spec|browser-spec)\.ts$/.test(path) ||
  /\/testing\//.test(path) ||
  path.endsWith('.test-double.ts');

/**
 * Why a file's name does not match its role (empty when it does). The roles are the services'
 * (apps/): libs/contracts names its files for what they define (`*.messages.ts` RPC contracts,
 * `*.events.ts` event contracts), and the libs' small modules keep their controllers inside.
 */
export function roleViolations({ path, source }: SourceFile): string[] {
  if (!path.startsWith('apps/') || path.startsWith('apps/web/') || isTestCode(path)) return [];
  const found: string[] = [];
  for (const { role, marks, suffix } of ROLES) {
    if (marks.test(source) && !path.endsWith(suffix))
      found.push(`${path} declares ${role}: name it *${suffix}`);
    if (path.endsWith(suffix) && !marks.test(source))
      found.push(`${path} is named *${suffix} but declares no ${role.replace(/^an? /, '')}`);
  }
  for (const suffix of RETIRED_SUFFIXES) {
    if (path.endsWith(suffix)) found.push(`${path}: *${suffix} is retired (see CONTRIBUTING.md)`);
  }
  if (path.endsWith('.repository.ts') && !/export class \w+Repository\b/.test(source))
    found.push(`${path} is named *.repository.ts but exports no *Repository class`);
  if (path.endsWith('.use-case.ts')) {
    const classes = source.match(/export class \w+/g) ?? [];
    if (classes.length !== 1 || !/\n {2}(?:async )?execute\(/.test(source))
      found.push(`${path}: a use case is one exported class with execute(command)`);
  }
  return found;
}

/** Packages that reach the scheduler's store (its BullMQ queues in Redis). */
const QUEUE_PACKAGES = /^(?:bullmq|@nestjs\/bullmq|@bull-board\/)/;

const schemaName = (service: string) => service.replace(/-/g, '_');

/** Why a file of one service reaches into another service's store (empty when it does not). */
export function storeViolations({ path, source }: SourceFile): string[] {
  const [area, service] = path.split('/');
  const isService = area === 'apps' && (SERVICES as readonly string[]).includes(service);
  if (area !== 'libs' && !isService) return [];
  const found: string[] = [];
  if (service !== 'scheduler') {
    for (const specifier of importsOf(source).filter((s) => QUEUE_PACKAGES.test(s)))
      found.push(`${path} imports ${specifier}: the queues are the scheduler's; ask it over RPC`);
  }
  if (!isService) return found;
  // Another service's PostgreSQL schema is `<prefix>_<service>`; naming it in SQL is a leak.
  for (const other of SERVICES.filter((s) => s !== service)) {
    const qualified = new RegExp(`_${schemaName(other)}"?\\.\\w`);
    if (qualified.test(source))
      found.push(`${path} names ${other}'s schema: read its data through its RPCs or events`);
  }
  const declared = source.match(/service: '([a-z-]+)',\s*\n\s*prefix:/);
  if (declared && declared[1] !== service)
    found.push(`${path} opens ${declared[1]}'s database: a service has only its own`);
  return found;
}

/** Where SQL is the point (CONTRIBUTING.md): the ledger's postings and the outbox relay. */
const SQL_ON_PURPOSE = ['apps/credit/src/ledger/', 'libs/messaging/src/outbox/'];

/**
 * Hand-written row shapes and their mappers are what entities replace: a `*Row` type or a
 * `fromRow` outside the places that are SQL on purpose (and tests, which read tables directly
 * to assert on them) means an aggregate is read around its entity.
 */
export function rowMapperViolations({ path, source }: SourceFile): string[] {
  if (isTestCode(path) || SQL_ON_PURPOSE.some((place) => path.startsWith(place))) return [];
  const found: string[] = [];
  for (const [, name] of source.matchAll(/(?:interface|type) (\w+Row)\b/g))
    found.push(`${path} declares ${name}: map the table with an entity`);
  if (/\bfromRow\(/.test(source)) found.push(`${path} maps rows by hand (fromRow): use an entity`);
  if (/\bwhere\.push\(/.test(source))
    found.push(`${path} builds a where clause by hand: use a FilterQuery or the query builder`);
  return found;
}
