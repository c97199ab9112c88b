import { escapeHtmlText, looksEscapedHtml, unescapeHtml } from './ats-html';

describe('unescapeHtml', () => {
  it('undoes one level of escaping in a single pass', () => {
    expect(unescapeHtml('&lt;p class=&quot;x&quot;&gt;CPC &amp;amp; CCS&lt;/p&gt;')).toBe(
      '<p class="x">CPC &amp; CCS</p>',
    );
    expect(unescapeHtml('&#60;b&#62; &#x3C;i&#x3E; it&#39;s')).toBe("<b> <i> it's");
  });

  it('leaves other entities and invalid code points as they are', () => {
    expect(unescapeHtml('a&rsquo;b &nbsp; &#xD800; &#0;')).toBe('a&rsquo;b &nbsp; &#xD800; &#0;');
  });
});

describe('looksEscapedHtml', () => {
  it('tells escaped markup from raw markup and plain text', () => {
    expect(looksEscapedHtml('&lt;p&gt;Coder&lt;/p&gt;')).toBe(true);
    expect(looksEscapedHtml('<p>Coder &lt;3&gt;</p>')).toBe(false);
    expect(looksEscapedHtml('pay &lt; $20')).toBe(false);
  });
});

describe('escapeHtmlText', () => {
  it('escapes the characters that would start markup', () => {
    expect(escapeHtmlText('Pay & <Benefits>')).toBe('Pay &amp; &lt;Benefits&gt;');
  });
});
