import { Parser } from 'htmlparser2';
import { htmlToText } from './html-to-text';
import { renderDescription } from './sanitize-description';

/** Every tag and attribute in an HTML string, as a browser's tokenizer would see them. */
function tagsAndAttributes(html: string): { tags: Set<string>; attributes: string[] } {
  const tags = new Set<string>();
  const attributes: string[] = [];
  const parser = new Parser({
    onopentag(name, attrs) {
      tags.add(name);
      for (const [key, value] of Object.entries(attrs)) attributes.push(`${key}=${value}`);
    },
  });
  parser.write(html);
  parser.end();
  return { tags, attributes };
}

const ALLOWED = new Set([
  'p',
  'div',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'u',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const ALLOWED_MORE = [
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'dl',
  'dt',
  'dd',
  'a',
];
ALLOWED_MORE.forEach((t) => ALLOWED.add(t));

describe('renderDescription', () => {
  it.each<[string, string]>([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="x()" style="color:red">ok</p>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">apply</a>', '<a>apply</a>'],
    ['<a href=" jav&#x09;ascript:alert(1)">apply</a>', '<a>apply</a>'],
    [
      '<a href="https://example.com/apply?a=1&amp;b=2">apply</a>',
      '<a href="https://example.com/apply?a=1&amp;b=2" rel="nofollow noopener noreferrer">apply</a>',
    ],
    ['<iframe src="https://evil.example.com"></iframe><p>x</p>', '<p>x</p>'],
    ['<img src="https://t.example.com/p.gif" width="1" height="1"><p>x</p>', '<p>x</p>'],
    ['<svg><script>alert(2)</script></svg><b>bold</b>', '<strong>bold</strong>'],
    ['<style>p{}</style><h1>Title</h1>', '<h2>Title</h2>'],
    ['<form action="x"><input name="ssn"></form>ok', 'ok'],
    ['<p>1 &lt; 2 &amp; "3"</p>', '<p>1 &lt; 2 &amp; &quot;3&quot;</p>'],
    ['<ul><li>one<li>two</ul>', '<ul><li>one</li><li>two</li></ul>'],
    ['<b><i>x</b></i>', '<strong><em>x</em></strong>'],
    ['<p>open', '<p>open</p>'],
    ['<!-- comment --><p>x</p>', '<p>x</p>'],
    ['<object data="m.swf"></object><embed src="x.swf">ok', 'ok'],
  ])('%j -> %j', (input, expected) => {
    expect(renderDescription(input, 'html').html).toBe(expected);
  });

  it.each([
    ['<scr<script>ipt>alert(1)</script>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'],
    ['<div style="background:url(javascript:alert(1))">x</div>'],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>'],
    ['"><img src=x onerror=alert(1)>'],
    ['<body onload=alert(1)>'],
    ['<a href="vbscript:msgbox(1)">x</a>'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ])('leaves no active content from %j', (input) => {
    const { tags, attributes } = tagsAndAttributes(renderDescription(input, 'html').html);
    expect([...tags].filter((t) => !ALLOWED.has(t))).toEqual([]);
    expect(attributes.filter((a) => !/^(?:href=https?:|rel=nofollow)/.test(a))).toEqual([]);
  });

  it('writes text postings as escaped paragraphs', () => {
    expect(renderDescription('Coder <b>\n\nCPC & CCS', 'text')).toEqual({
      html: '<p>Coder &lt;b&gt;</p><p>CPC &amp; CCS</p>',
      text: 'Coder <b>\n\nCPC & CCS',
    });
  });

  it('keeps the text of deep nesting without keeping 10,000 levels of tags', () => {
    const deep = '<div>'.repeat(10_000) + 'CPC required' + '</div>'.repeat(10_000);
    const { html, text } = renderDescription(deep, 'html');
    expect(text).toBe('CPC required');
    expect((html.match(/<div>/g) ?? []).length).toBeLessThanOrEqual(48);
  });
});

describe('htmlToText', () => {
  it('puts blocks on lines and marks list items', () => {
    expect(
      htmlToText('<h3>Requirements</h3><ul><li>CPC</li><li>2 years</li></ul><p>Pay: $20&nbsp;/hr</p>'),
    ).toBe('Requirements\n- CPC\n- 2 years\nPay: $20 /hr');
  });

  it('reads table rows as "header: value" lines', () => {
    expect(htmlToText('<table><tr><th>Location</th><td>Roanoke, VA</td></tr></table>')).toBe(
      'Location: Roanoke, VA',
    );
  });
});
