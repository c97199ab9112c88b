// Full names of the USPS state codes, for reading "Texas" or "New York" and for display.
import { US_STATES, type UsState } from './vocabulary';

export const STATE_NAMES: Record<UsState, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
};

/** Other spellings seen in postings and source feeds, lower case. */
export const STATE_NAME_ALIASES: Record<string, UsState> = {
  'washington dc': 'DC',
  'washington d.c.': 'DC',
  'd.c.': 'DC',
  'virgin islands': 'VI',
  'us virgin islands': 'VI',
};

const STATE_BY_LOWER_NAME = new Map<string, UsState>([
  ...US_STATES.map((code): [string, UsState] => [STATE_NAMES[code].toLowerCase(), code]),
  ...Object.entries(STATE_NAME_ALIASES),
]);
const STATE_CODES = new Set<string>(US_STATES);

/** "TX", "tx", "Texas" or "texas" -> "TX"; anything else -> null. */
export function toStateCode(value: string | null | undefined): UsState | null {
  if (!value) return null;
  const trimmed = value.trim().replace(/\.$/, '');
  const upper = trimmed.toUpperCase();
  if (upper.length === 2 && STATE_CODES.has(upper)) return upper as UsState;
  return STATE_BY_LOWER_NAME.get(trimmed.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}
