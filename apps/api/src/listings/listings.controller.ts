import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { searchQuerySchema } from '#search';
import { endpointInput } from '../http/endpoint-input';
import { LISTING_EXAMPLE, SEARCH_RESPONSE_EXAMPLE } from './listings.openapi';
import { ListingsService } from './listings.service';

const SEARCH = endpointInput({ query: searchQuerySchema });
const GET_ONE = endpointInput({ params: z.object({ id: z.uuid('id must be a UUID') }) });

@ApiTags('listings')
@Controller('api/v1/listings')
export class ListingsController {
  constructor(@Inject(ListingsService) private readonly listings: ListingsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Search listings: full text, filters, sorts, facets; cursor-paged. Closed listings excluded unless asked.',
  })
  @SEARCH.docs
  @ApiOkResponse({ schema: { example: SEARCH_RESPONSE_EXAMPLE } })
  search(@Query(SEARCH.query) query: z.output<typeof searchQuerySchema>) {
    return this.listings.search(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One listing with every source posting it was seen in.' })
  @GET_ONE.docs
  @ApiOkResponse({ schema: { example: { ...LISTING_EXAMPLE, sources: [] } } })
  get(@Param(GET_ONE.params) { id }: { id: string }) {
    return this.listings.get(id);
  }
}
