import { load } from 'cheerio';
import { fieldSelectorProblem, parseFieldSelector, readField, readFields, readHtml } from './html.selector';
import { readPageDate } from './html.dates';

describe('field selector syntax', () => {
  it('splits a CSS selector from an @attribute suffix', () => {
    expect(parseFieldSelector('a.title')).toEqual({ css: 'a.title', attr: null });
    expect(parseFieldSelector('a.title@href')).toEqual({ css: 'a.title', attr: 'href' });
    expect(parseFieldSelector('@data-id')).toEqual({ css: null, attr: 'data-id' });
    expect(parseFieldSelector('a[href$="@x"]')).toEqual({ css: 'a[href$="@x"]', attr: null });
  });

  it('reports unusable selectors', () => {
    expect(fieldSelectorProblem('')).toBe('is empty');
    expect(fieldSelectorProblem('div[')).toMatch(/not a valid CSS selector/);
    expect(fieldSelectorProblem('li@id', { attributeAllowed: false })).toMatch(/plain CSS selector/);
    expect(fieldSelectorProblem('time@datetime')).toBeNull();
  });
});

describe('reading fields', () => {
  const $ = load(
    '<li data-id="7"><a class="t" href="/j/7"> Coder <b>II</b> </a><span class="loc">Tulsa, OK<br/>Enid, OK</span>' +
      '<div class="body"><p>One</p><p>Two</p></div></li>',
  );
  const item = $('li');

  it('reads text, attributes of a match and of the item itself', () => {
    expect(readField($, item, 'a.t')).toBe('Coder II');
    expect(readField($, item, 'a.t@href')).toBe('/j/7');
    expect(readField($, item, '@data-id')).toBe('7');
    expect(readField($, item, '.missing')).toBeNull();
    expect(readFields($, item, '.loc')).toEqual(['Tulsa, OK Enid, OK']);
  });

  it('reads HTML: inner HTML of one match, outer HTML of several', () => {
    expect(readHtml($, item, '.body')).toBe('<p>One</p><p>Two</p>');
    expect(readHtml($, item, '.body p')).toBe('<p>One</p>\n<p>Two</p>');
  });
});

describe('readPageDate', () => {
  it('reads calendar dates as UTC midnight and leaves relative ones', () => {
    expect(readPageDate('2026-05-08')).toBe('2026-05-08T00:00:00.000Z');
    expect(readPageDate('Posted May 10, 2026')).toBe('2026-05-10T00:00:00.000Z');
    expect(readPageDate('10 May 2026')).toBe('2026-05-10T00:00:00.000Z');
    expect(readPageDate('05/04/2026')).toBe('2026-05-04T00:00:00.000Z');
    expect(readPageDate('Posted 3 days ago')).toBeNull();
    expect(readPageDate('February 30, 2026')).toBeNull();
  });
});
