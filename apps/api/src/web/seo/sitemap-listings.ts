import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LISTING_SITEMAP_PARTS } from './sitemap-xml';

export interface SitemapListing {
  id: string;
  title: string;
  employer: string | null;
  changedAt: Date;
}

const bound = (digit: string) => `${digit}0000000-0000-0000-0000-000000000000`;

/** Open listings for the sitemaps, a sixteenth at a time by the first digit of their id. */
@Injectable()
export class SitemapListings {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** The parts that hold at least one open listing. */
  async parts(): Promise<string[]> {
    const rows: { part: string }[] = await this.ds.query(
      `SELECT DISTINCT left(id::text, 1) AS part FROM listings WHERE status = 'open'`,
    );
    const held = new Set(rows.map((r) => r.part));
    return LISTING_SITEMAP_PARTS.filter((p) => held.has(p));
  }

  async inPart(part: string): Promise<SitemapListing[]> {
    const next = LISTING_SITEMAP_PARTS[LISTING_SITEMAP_PARTS.indexOf(part) + 1];
    const rows: { id: string; title: string; employer_name: string | null; changed_at: Date }[] =
      await this.ds.query(
        `SELECT id, title, employer_name, changed_at FROM listings
          WHERE status = 'open' AND id >= $1::uuid ${next ? 'AND id < $2::uuid' : ''} ORDER BY id`,
        next ? [bound(part), bound(next)] : [bound(part)],
      );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      employer: r.employer_name,
      changedAt: r.changed_at,
    }));
  }
}
