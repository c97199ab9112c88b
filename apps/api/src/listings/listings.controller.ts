import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { parseInput } from '../common/zod-input';
import { ListingsService } from './listings.service';

const listQuerySchema = z.object({
  source: z.string().max(64).optional(),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

const idSchema = z.object({ id: z.uuid('id must be a UUID') });

@ApiTags('listings')
@Controller('api/v1/listings')
export class ListingsController {
  constructor(@Inject(ListingsService) private readonly listings: ListingsService) {}

  @Get()
  @ApiOperation({ summary: 'Listings, newest first, cursor-paged; closed listings excluded unless asked.' })
  @ApiQuery({ name: 'source', required: false, example: 'greenhouse-acme-health' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed', 'all'], example: 'open' })
  @ApiQuery({ name: 'limit', required: false, example: 20 })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor from the previous page' })
  list(@Query() query: unknown) {
    return this.listings.list(parseInput(listQuerySchema, query, 'query'));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One listing with every source posting it was seen in.' })
  get(@Param() params: unknown) {
    return this.listings.get(parseInput(idSchema, params, 'params').id);
  }
}
