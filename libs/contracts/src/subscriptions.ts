import { EventContract, ServiceName } from './contract';
import {
  DepositClearedEvent,
  DepositFundsConfirmedEvent,
  DepositPendingEvent,
  DepositVoidedEvent,
} from './credit/deposit.events';
import { BrandRegisteredEvent } from './identity/brand-registered.event';
import { EmailVerificationRequestedEvent } from './identity/email-verification.event';
import {
  CreditInvoiceIssuedEvent,
  CreditInvoicePaidEvent,
  CreditInvoiceVoidedEvent,
} from './invoicing/credit-invoice.events';
import {
  ProjectInvoiceIssuedEvent,
  ProjectInvoicePaidEvent,
} from './invoicing/project-invoice.events';
import {
  CreatorJoinedEvent,
  InviteSentEvent,
  OfferSentEvent,
  ProjectCompletedEvent,
} from './network/network.events';
import {
  PayoutFailedEvent,
  PayoutNeedsMethodEvent,
  PayoutPaidEvent,
  PayoutScheduledEvent,
} from './payout/payout.events';
import { PayoutMethodChangedEvent } from './payout/payout-method.events';

/**
 * Which service consumes which event: the one table the broker topology is built from. The
 * setup step declares every queue and binding from it before any service starts, so an event
 * published before its consumer first runs waits in the consumer's queue instead of being lost.
 * Each service checks at start that its handlers match its row exactly.
 */
export const SUBSCRIPTIONS: Partial<Record<ServiceName, readonly EventContract<unknown>[]>> = {
  credit: [],
  invoicing: [
    BrandRegisteredEvent,
    DepositPendingEvent,
    DepositFundsConfirmedEvent,
    DepositClearedEvent,
    DepositVoidedEvent,
    ProjectCompletedEvent,
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
    ProjectInvoiceIssuedEvent,
    PayoutScheduledEvent,
    PayoutNeedsMethodEvent,
    PayoutPaidEvent,
    PayoutFailedEvent,
    EmailVerificationRequestedEvent,
    PayoutMethodChangedEvent,
  ],
  'creator-network': [BrandRegisteredEvent],
  payout: [CreatorJoinedEvent, ProjectInvoicePaidEvent],
};
