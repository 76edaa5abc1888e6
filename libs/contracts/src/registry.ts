import { EventContract, RpcContract, ServiceName } from './contract';
import * as costCodes from './credit/cost-code.messages';
import * as deposits from './credit/deposit.messages';
import * as depositEvents from './credit/deposit.events';
import * as ledger from './credit/ledger.messages';
import * as overview from './credit/overview.messages';
import * as paymentNotices from './credit/payment-notice.messages';
import * as transfers from './credit/transfer.messages';
import * as brandRegistered from './identity/brand-registered.event';
import * as emailVerification from './identity/email-verification.event';
import * as creditInvoices from './invoicing/credit-invoice.messages';
import * as creditInvoiceEvents from './invoicing/credit-invoice.events';
import * as projectInvoices from './invoicing/project-invoice.messages';
import * as projectInvoiceEvents from './invoicing/project-invoice.events';
import * as invoiceDraws from './credit/invoice-draw.messages';
import * as payoutMethods from './payout/payout-method.messages';
import * as payouts from './payout/payout.messages';
import * as payoutEvents from './payout/payout.events';
import * as creators from './network/creator.messages';
import * as invites from './network/invite.messages';
import * as networkEvents from './network/network.events';
import * as offers from './network/offer.messages';

type AnyContract = RpcContract<unknown, unknown> | EventContract<unknown>;

function contractsOf(...modules: Record<string, unknown>[]): AnyContract[] {
  return modules.flatMap((m) =>
    Object.values(m).filter(
      (v): v is AnyContract => typeof v === 'object' && v !== null && 'kind' in v && 'pattern' in v,
    ),
  );
}

/**
 * Every message on Glimmer's broker. A new contract file must be listed here; the registry spec
 * checks that patterns are unique and versioned.
 */
export const MESSAGE_REGISTRY: readonly AnyContract[] = contractsOf(
  costCodes,
  deposits,
  depositEvents,
  ledger,
  overview,
  paymentNotices,
  transfers,
  brandRegistered,
  emailVerification,
  creditInvoices,
  creditInvoiceEvents,
  invites,
  creators,
  offers,
  networkEvents,
  invoiceDraws,
  projectInvoices,
  projectInvoiceEvents,
  payoutMethods,
  payouts,
  payoutEvents,
);

/**
 * The RPCs `service` answers: those whose contract names it as their service. Each must have
 * exactly one handler there; the service refuses to start otherwise (AmqpServer).
 */
export function rpcContractsServedBy(service: ServiceName): RpcContract<unknown, unknown>[] {
  return MESSAGE_REGISTRY.filter(
    (c): c is RpcContract<unknown, unknown> => c.kind === 'rpc' && c.service === service,
  );
}
