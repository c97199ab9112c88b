// Internals of the in-memory index that tests exercise directly (the full-text tree evaluation and
// the bitsets under it), beside the public entry #search.
export * from '../src/memory/bitset';
export * from '../src/memory/tsquery-tree';
