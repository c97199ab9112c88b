import type { AppConfig } from '#config';
import { createHttpClient } from '#http';
import type { IngestionSettings } from './ingestion-types';

/** The shared polite client, configured once from the validated config. */
export function httpClientFromConfig(config: AppConfig) {
  return createHttpClient({
    userAgent: config.HTTP_USER_AGENT,
    connectTimeoutMs: config.HTTP_CONNECT_TIMEOUT_MS,
    readTimeoutMs: config.HTTP_READ_TIMEOUT_MS,
    maxBytes: config.HTTP_MAX_BYTES,
    minIntervalMs: config.HTTP_MIN_INTERVAL_MS,
    maxRetries: config.HTTP_MAX_RETRIES,
    allowHosts: config.HTTP_ALLOW_HOSTS,
  });
}

export function ingestionSettingsFromConfig(config: AppConfig): IngestionSettings {
  return {
    closeAfterMisses: config.CLOSE_AFTER_MISSES,
    shrinkGuard: config.SNAPSHOT_SHRINK_GUARD,
    backoffBaseMinutes: config.SOURCE_BACKOFF_BASE_MINUTES,
    backoffMaxMinutes: config.SOURCE_BACKOFF_MAX_MINUTES,
  };
}
