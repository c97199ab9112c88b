import { Global, Module } from '@nestjs/common';
import { SearchIndexService } from './search-index.service';

/** Listing search for the API: SQL, or the in-memory index of open listings (SEARCH_INDEX). */
@Global()
@Module({
  providers: [SearchIndexService],
  exports: [SearchIndexService],
})
export class SearchModule {}
