import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListingEntity } from '#persistence';
import { decodeCursor, encodeCursor, InvalidCursorError, toListingView } from '#search';
import { ApiError } from '../errors/api-error';
import type { ListQuery } from './listings.controller';

@Injectable()
export class ListingsService {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  async list(q: ListQuery) {
    const qb = this.ds.getRepository(ListingEntity).createQueryBuilder('l');
    if (q.status !== 'all') qb.andWhere('l.status = :status', { status: q.status });
    if (q.source) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM source_postings sp WHERE sp.listing_id = l.id AND sp.source_id = :source)',
        {
          source: q.source,
        },
      );
    }
    if (q.cursor) {
      const c = this.cursor(q.cursor);
      qb.andWhere('(l.sort_at, l.id) < (:k, :cid)', { k: new Date(c.k), cid: c.id });
    }
    const rows = await qb
      .orderBy('l.sort_at', 'DESC')
      .addOrderBy('l.id', 'DESC')
      .take(q.limit + 1)
      .getMany();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((l) => toListingView(l)),
      nextCursor:
        rows.length > q.limit && last ? encodeCursor({ k: last.sortAt.toISOString(), id: last.id }) : null,
    };
  }

  async get(id: string) {
    const listing = await this.ds.getRepository(ListingEntity).findOneBy({ id });
    if (!listing) throw new ApiError('LISTING_NOT_FOUND', `no listing with id ${id}`);
    const sources: {
      source_id: string;
      source_name: string;
      kind: string;
      external_id: string;
      url: string | null;
      status: string;
      first_seen_at: Date;
      last_seen_at: Date;
      changed_at: Date;
      closed_at: Date | null;
    }[] = await this.ds.query(
      `SELECT sp.source_id, s.name AS source_name, s.kind, sp.external_id, sp.url, sp.status,
              sp.first_seen_at, sp.last_seen_at, sp.changed_at, sp.closed_at
         FROM source_postings sp JOIN sources s ON s.id = sp.source_id
        WHERE sp.listing_id = $1 ORDER BY sp.first_seen_at ASC`,
      [id],
    );
    return {
      ...toListingView(listing, true),
      sources: sources.map((s) => ({
        sourceId: s.source_id,
        sourceName: s.source_name,
        kind: s.kind,
        externalId: s.external_id,
        url: s.url,
        status: s.status,
        firstSeenAt: s.first_seen_at,
        lastSeenAt: s.last_seen_at,
        changedAt: s.changed_at,
        closedAt: s.closed_at,
      })),
    };
  }

  private cursor(raw: string) {
    try {
      return decodeCursor(raw);
    } catch (err) {
      if (err instanceof InvalidCursorError) throw new ApiError('INVALID_CURSOR', err.message);
      throw err;
    }
  }
}
