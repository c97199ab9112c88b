import type { AppConfig } from '#config';

/** Absolute addresses of pages, from PUBLIC_URL (never from a request's Host header). */
export class SiteUrl {
  readonly origin: string;
  readonly secure: boolean;

  constructor(config: Pick<AppConfig, 'PUBLIC_URL' | 'PORT'>) {
    this.origin = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
    this.secure = this.origin.startsWith('https:');
  }

  /** "/jobs/abc" -> "https://coderjobs.example/jobs/abc" */
  absolute(path: string): string {
    return `${this.origin}${path.startsWith('/') ? path : `/${path}`}`;
  }
}
