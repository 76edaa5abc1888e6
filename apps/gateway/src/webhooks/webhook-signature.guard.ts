import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@glimmer/config/config';
import { DomainError } from '@glimmer/errors/domain-error';
import type { GatewayConfig } from '../gateway.config';
import type { RawBodyRequest } from '../http/body-parsing';
import { isValidSignature, SIGNATURE_HEADER } from './signature';

/** The payment provider proves a notice is theirs by signing the raw body. Checked before validation. */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(@Inject(CONFIG) private readonly config: GatewayConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<RawBodyRequest>();
    if (
      !isValidSignature(
        req.rawBody,
        req.headers[SIGNATURE_HEADER],
        this.config.PAYMENTS_WEBHOOK_SECRET,
      )
    ) {
      throw new DomainError(
        'invalid_signature',
        'Glimmer-Signature is missing or does not match the body',
      );
    }
    return true;
  }
}
