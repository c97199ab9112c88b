import type { ListingView } from '#search';
import type { SearchParams } from './search-params';

/**
 * What "similar" means for a closed listing: the same role, the same work mode (and state, for
 * onsite and hybrid work), asking for the same credentials. `broader` drops all but the role, for
 * when that finds too little.
 */
export function similarSearch(listing: ListingView): { params: SearchParams; broader: SearchParams } {
  const role = listing.role === 'other' ? undefined : [listing.role];
  const credentials = [...listing.certifications.required, ...listing.certifications.anyOf.flat()];
  const state = listing.locations.find((l) => l.state)?.state;
  const params: SearchParams = {
    ...(role ? { role } : {}),
    ...(listing.workMode === 'remote' ? { workMode: ['remote'] } : state ? { state: [state] } : {}),
    ...(credentials.length > 0 ? { credential: [...new Set(credentials)] } : {}),
  };
  return { params, broader: role ? { role } : {} };
}
