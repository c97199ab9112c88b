import { keepViewJson, keptJson, type ListingView } from '#search';
import { replySerializer } from './reply-serializer';

const serializeReply = replySerializer(keptJson);

// The writer must give JSON.stringify's bytes for anything a handler may return, kept views or not.

/** A stand-in list view: the writer only cares that it is an object the view cache kept. */
function view(id: string, title: string): ListingView {
  return { id, title, salary: { min: 20, max: null }, specialties: ['inpatient'] } as unknown as ListingView;
}

describe('serializeReply', () => {
  const bodies: [string, unknown][] = [
    ['a plain search page', { items: [view('a', 'Coder'), view('b', 'Biller')], nextCursor: null }],
    [
      'a match page with nested parts and reasons',
      {
        items: [{ listing: view('c', 'Auditor'), score: 88, parts: { pay: 0.5 }, reasons: [{ code: 'x' }] }],
        home: { lat: 30.1, lon: -97.7 },
        nextCursor: 'eyJvIjoyMH0',
      },
    ],
    ['undefined and function members, left out', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
    ['undefined and functions in arrays, written null', [undefined, () => 1, 1, null]],
    [
      'dates and objects with toJSON',
      { at: new Date('2026-11-23T04:00:00Z'), v: { toJSON: () => 'custom' } },
    ],
    [
      'boxed values and class instances',
      { n: Object(5), s: Object('x'), m: new Map([[1, 2]]), e: new Error('x') },
    ],
    ['a null-prototype object', Object.assign(Object.create(null) as object, { z: 1, a: [2] })],
    ['keys needing escapes and integer-like keys', { 'quo"te': 1, '\n': 2, 10: 'ten', 2: 'two' }],
    ['deep nesting past the walked levels', { a: { b: { c: { d: { e: [1, { f: view('d', 'x') }] } } } } }],
    ['scalars', 'text'],
    ['numbers out of JSON range', { nan: NaN, inf: -Infinity }],
    ['an empty body', {}],
    ['null', null],
  ];

  it.each(bodies)('writes %s as JSON.stringify does', (_name, body) => {
    expect(serializeReply(body)).toBe(JSON.stringify(body));
  });

  it('writes kept views as JSON.stringify does, at every level a response holds them', () => {
    const a = view('a', 'Coder');
    const b = view('b', 'Biller "senior"');
    keepViewJson(a);
    keepViewJson(b);
    const page = { items: [a, b], nextCursor: null };
    const matches = {
      items: [
        { listing: a, score: 1 },
        { listing: b, score: 0 },
      ],
      nextCursor: null,
    };
    expect(serializeReply(page)).toBe(JSON.stringify(page));
    expect(serializeReply(matches)).toBe(JSON.stringify(matches));
  });

  it('writes a kept view once and copies that text afterwards', () => {
    const v = view('e', 'Coder');
    keepViewJson(v);
    const first = serializeReply({ items: [v] });
    // Views are never changed once built; a change here shows the text is reused, not rewritten.
    (v as unknown as { title: string }).title = 'Changed';
    expect(serializeReply({ items: [v] })).toBe(first);
    // A view nobody kept is written afresh every time.
    const loose = view('f', 'Coder');
    serializeReply({ items: [loose] });
    (loose as unknown as { title: string }).title = 'Changed';
    expect(serializeReply({ items: [loose] })).toContain('"Changed"');
  });

  it('fails on a cycle as JSON.stringify does', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = { again: cyclic };
    expect(() => serializeReply(cyclic)).toThrow(TypeError);
  });
});
