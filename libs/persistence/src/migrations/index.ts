import { Initial1795389109677 } from './1795389109677-Initial';
import { SearchIndexesAndCandidates1795389800000 } from './1795389800000-SearchIndexesAndCandidates';
import { IngestionFillFactor1795392000000 } from './1795392000000-IngestionFillFactor';
import { DeriveListingLastSeen1795393000000 } from './1795393000000-DeriveListingLastSeen';
import { StoredSearchDocument1795394000000 } from './1795394000000-StoredSearchDocument';
import { ListingChangeXid1795395000000 } from './1795395000000-ListingChangeXid';
import { ListingDeletions1795396000000 } from './1795396000000-ListingDeletions';
import { Recruiters1796569313449 } from './1796569313449-Recruiters';
import { DigestTables1796570122820 } from './1796570122820-DigestTables';
import { RecruiterTokensMintedOnSend1796570536405 } from './1796570536405-RecruiterTokensMintedOnSend';
import { SourceHalted1796571724388 } from './1796571724388-SourceHalted';
import { SourceRunToken1796572447053 } from './1796572447053-SourceRunToken';
import { SourceSuspectSnapshots1796573924904 } from './1796573924904-SourceSuspectSnapshots';
import { Lz4LargeColumns1796581321139 } from './1796581321139-Lz4LargeColumns';
import { DigestDueIndexById1796581400000 } from './1796581400000-DigestDueIndexById';
import { DigestOutboxLz4Bodies1796581545168 } from './1796581545168-DigestOutboxLz4Bodies';

/** Committed migrations, in order. Generated with `npm run migration:generate -- <Name>`, then read. */
export const MIGRATIONS = [
  Initial1795389109677,
  SearchIndexesAndCandidates1795389800000,
  IngestionFillFactor1795392000000,
  DeriveListingLastSeen1795393000000,
  StoredSearchDocument1795394000000,
  ListingChangeXid1795395000000,
  ListingDeletions1795396000000,
  Recruiters1796569313449,
  DigestTables1796570122820,
  RecruiterTokensMintedOnSend1796570536405,
  SourceHalted1796571724388,
  SourceRunToken1796572447053,
  SourceSuspectSnapshots1796573924904,
  Lz4LargeColumns1796581321139,
  DigestDueIndexById1796581400000,
  DigestOutboxLz4Bodies1796581545168,
];
