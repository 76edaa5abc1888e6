import { EventContract, ServiceName } from './contract';
import {
  DepositClearedEvent,
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositVoidedEvent,
} from './credit/deposit.events';
import { BrandRegisteredEvent } from './identity/brand-registered.event';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoicePaidEvent,
  CreditInvoiceVoidedEvent,
} from './invoicing/credit-invoice.events';
import { CreatorJoinedEvent, InviteSentEvent, OfferSentEvent } from './network/network.events';

/**
 * Which service consumes which event: the one table the broker topology is built from. The
 * setup step declares every queue and binding from it before any service starts, so an event
 * published before its consumer first runs waits in the consumer's queue instead of being lost.
 * Each service checks at start that its handlers match its row exactly.
 *
 * network.project.completed.v1 has no subscriber yet: it is published (and dropped as unroutable)
 * until invoicing subscribes to it; its outbox rows keep the history meanwhile.
 */
export const SUBSCRIPTIONS: Partial<Record<ServiceName, readonly EventContract<unknown>[]>> = {
  credit: [],
  invoicing: [
    BrandRegisteredEvent,
    DepositPendingEvent,
    DepositFundsConfirmedEvent,
    DepositClearedEvent,
    DepositVoidedEvent,
  ],
  scheduler: [
    DepositPendingEvent,
    DepositFundsConfirmedEvent,
    CreditInvoiceIssuedEvent,
    CreditInvoicePaidEvent,
    CreditInvoiceVoidedEvent,
    InviteSentEvent,
    CreatorJoinedEvent,
    OfferSentEvent,
  ],
  'creator-network': [BrandRegisteredEvent],
};
