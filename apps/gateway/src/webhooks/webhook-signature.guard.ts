import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GatewayConfig } from '../gateway.config';
import type { RawBodyRequest } from '../http/body-parsing';
import { checkSignature, SIGNATURE_HEADER } from './signature';

/** What the guard leaves on the request for the controller: when the provider signed it. */
export interface SignedWebhookRequest extends RawBodyRequest {
  webhookSignedAt?: Date;
}

/**
 * The payment provider proves a notice is theirs, and recent, by signing its time with the raw
 * body. Checked before validation, so nothing unsigned or stale reaches a service.
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(@Inject(CONFIG) private readonly config: GatewayConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<SignedWebhookRequest>();
    const tolerance = this.config.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS;
    const check = checkSignature(
      req.rawBody,
      req.headers[SIGNATURE_HEADER],
      this.config.PAYMENTS_WEBHOOK_SECRET,
      tolerance,
    );
    if (check.ok) {
      req.webhookSignedAt = check.signedAt;
      return true;
    }
    if (check.reason === 'expired') {
      throw new DomainError(
        'signature_expired',
        `Glimmer-Signature was made more than ${tolerance} seconds from now: a replay, or a clock that is off`,
      );
    }
    throw new DomainError(
      'invalid_signature',
      'Glimmer-Signature is missing, malformed or does not match the body',
    );
  }
}
