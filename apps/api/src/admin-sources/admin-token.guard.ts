import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '#config';
import { ApiError } from '../http/api-error';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`; without a configured token they are off. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.ADMIN_TOKEN ? digest(config.ADMIN_TOKEN) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected)
      throw new ApiError('ADMIN_DISABLED', 'admin API is disabled: set ADMIN_TOKEN to enable it');
    const header =
      context.switchToHttp().getRequest<{ headers: { authorization?: string } }>().headers.authorization ??
      '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) throw new ApiError('UNAUTHORIZED', 'missing Authorization: Bearer <admin token>');
    // Compare digests in constant time, so neither the token nor its length leaks through timing.
    if (!timingSafeEqual(digest(match[1].trim()), this.expected)) {
      throw new ApiError('FORBIDDEN', 'admin token is not valid');
    }
    return true;
  }
}
