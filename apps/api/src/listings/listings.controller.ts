import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { searchQuerySchema } from '#search';
import { parseInput } from '../http/parse-input';
import { ApiSearchQuery, LISTING_EXAMPLE, SEARCH_RESPONSE_EXAMPLE } from './listings.openapi';
import { ListingsService } from './listings.service';

const idSchema = z.object({ id: z.uuid('id must be a UUID') });

@ApiTags('listings')
@Controller('api/v1/listings')
export class ListingsController {
  constructor(@Inject(ListingsService) private readonly listings: ListingsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Search listings: full text, filters, sorts, facets; cursor-paged. Closed listings excluded unless asked.',
  })
  @ApiSearchQuery()
  @ApiOkResponse({ schema: { example: SEARCH_RESPONSE_EXAMPLE } })
  search(@Query() query: unknown) {
    return this.listings.search(parseInput(searchQuerySchema, query, 'query'));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One listing with every source posting it was seen in.' })
  @ApiOkResponse({ schema: { example: { ...LISTING_EXAMPLE, sources: [] } } })
  get(@Param() params: unknown) {
    return this.listings.get(parseInput(idSchema, params, 'params').id);
  }
}
