import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '#config';
import { ApiError } from '../http/api-error';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Bounce and complaint reports need `Authorization: Bearer <MAIL_WEBHOOK_TOKEN>`; off without one. */
@Injectable()
export class MailWebhookGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.MAIL_WEBHOOK_TOKEN ? digest(config.MAIL_WEBHOOK_TOKEN) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) {
      throw new ApiError(
        'MAIL_WEBHOOK_DISABLED',
        'bounce reports are off: set MAIL_WEBHOOK_TOKEN to take them',
      );
    }
    const header =
      context.switchToHttp().getRequest<{ headers: { authorization?: string } }>().headers.authorization ??
      '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) throw new ApiError('UNAUTHORIZED', 'missing Authorization: Bearer <mail webhook token>');
    if (!timingSafeEqual(digest(match[1].trim()), this.expected)) {
      throw new ApiError('FORBIDDEN', 'mail webhook token is not valid');
    }
    return true;
  }
}
