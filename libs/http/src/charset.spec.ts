import { charsetFromContentType, charsetFromDocument, decodeBody } from './charset';

describe('charsetFromContentType', () => {
  it('reads the charset parameter in any case and quoting', () => {
    expect(charsetFromContentType('text/html; charset=UTF-8')).toBe('utf-8');
    expect(charsetFromContentType('text/html;charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/html; boundary=x; Charset = windows-1252 ')).toBe('windows-1252');
  });

  it('returns null when there is none', () => {
    expect(charsetFromContentType('application/json')).toBeNull();
    expect(charsetFromContentType('text/html; charset=')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
    expect(charsetFromContentType(undefined)).toBeNull();
  });
});

describe('charsetFromDocument', () => {
  it('reads an XML declaration and an HTML meta tag', () => {
    expect(charsetFromDocument(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss/>'))).toBe(
      'iso-8859-1',
    );
    expect(charsetFromDocument(Buffer.from('<html><head><meta charset="windows-1252">'))).toBe(
      'windows-1252',
    );
    expect(
      charsetFromDocument(
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'),
      ),
    ).toBe('iso-8859-1');
  });

  it('returns null when the document does not say', () => {
    expect(charsetFromDocument(Buffer.from('<html><body>hi</body></html>'))).toBeNull();
  });
});

describe('decodeBody', () => {
  const latin1 = Buffer.from('Codificación médica', 'latin1');

  it('defaults to UTF-8', () => {
    expect(decodeBody(Buffer.from('Codificación médica', 'utf8'), 'text/html')).toBe('Codificación médica');
  });

  it('decodes latin1 when the header names it', () => {
    expect(decodeBody(latin1, 'text/html; charset=latin1')).toBe('Codificación médica');
    expect(decodeBody(latin1, 'text/html; charset=iso-8859-1')).toBe('Codificación médica');
  });

  it('falls back to the document declaration when the header has no charset', () => {
    const doc = Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), latin1]);
    expect(decodeBody(doc, 'text/html')).toBe('<meta charset="iso-8859-1">Codificación médica');
  });

  it('lets the header win over the document', () => {
    const doc = Buffer.from('<meta charset="iso-8859-1">é', 'utf8');
    expect(decodeBody(doc, 'text/html; charset=utf-8')).toBe('<meta charset="iso-8859-1">é');
  });

  it('falls back to UTF-8 for an unknown label', () => {
    expect(decodeBody(Buffer.from('plain é'), 'text/plain; charset=x-unknown-42')).toBe('plain é');
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeBody(Buffer.from('\ufeff{"a":1}', 'utf8'), 'application/json')).toBe('{"a":1}');
  });
});
