import { AllowHostsError, AllowList, parseAllowHosts } from './allow-hosts';

const listOf = (input: string) => new AllowList(parseAllowHosts(input));

describe('parseAllowHosts', () => {
  it('reads hosts, host:port pairs, bracketed IPv6 and CIDR blocks, ignoring blanks', () => {
    const entries = parseAllowHosts(' feeds.Internal.example , 127.0.0.1:4010,[::1]:8080,::1,10.20.0.0/16,,');
    expect(entries.map((e) => (e.kind === 'host' ? [e.host, e.port] : [e.kind, e.text]))).toEqual([
      ['feeds.internal.example', null],
      ['127.0.0.1', 4010],
      ['::1', 8080],
      ['::1', null],
      ['cidr', '10.20.0.0/16'],
    ]);
  });

  it('spells IP hosts as URLs do', () => {
    expect(parseAllowHosts('127.1:80')[0]).toMatchObject({ host: '127.0.0.1', port: 80 });
    expect(parseAllowHosts('[0:0:0:0:0:0:0:1]')[0]).toMatchObject({ host: '::1', port: null });
  });

  it.each([
    ['10.0.0.0/33', /prefix length/],
    ['10.0.0.0/', /CIDR/],
    ['example.org/8', /CIDR/],
    ['feeds.example:0', /port/],
    ['feeds.example:70000', /port/],
    ['feeds.example:http', /port/],
    ['user@feeds.example', /host name/],
    ['feeds example', /host name/],
    ['[feeds.example]:80', /IPv6/],
  ])('refuses "%s", naming it', (entry, why) => {
    expect(() => parseAllowHosts(entry)).toThrow(AllowHostsError);
    expect(() => parseAllowHosts(entry)).toThrow(why);
    expect(() => parseAllowHosts(entry)).toThrow(`"${entry}"`);
  });
});

describe('AllowList', () => {
  it('lets a listed host through on any port, a host:port on that port only', () => {
    const allow = listOf('demo-feeds,127.0.0.1:4010');
    expect(allow.allowsHost('demo-feeds', 4010)).toBe(true);
    expect(allow.allowsHost('DEMO-FEEDS', 80)).toBe(true);
    expect(allow.allowsHost('127.0.0.1', 4010)).toBe(true);
    expect(allow.allowsHost('127.0.0.1', 4011)).toBe(false);
    expect(allow.allowsHost('127.0.0.5', 4010)).toBe(false);
  });

  it('lets addresses in a listed block through, IPv4-mapped forms included', () => {
    const allow = listOf('10.20.0.0/16,fd00::/8');
    expect(allow.allowsAddress('10.20.3.4')).toBe(true);
    expect(allow.allowsAddress('::ffff:10.20.3.4')).toBe(true);
    expect(allow.allowsAddress('10.21.0.1')).toBe(false);
    expect(allow.allowsAddress('fd12::1')).toBe(true);
    expect(allow.allowsAddress('fe80::1')).toBe(false);
  });

  it('counts a portless IP as its own block, so a name resolving to it passes; not one with a port', () => {
    expect(listOf('127.0.0.7').allowsAddress('127.0.0.7')).toBe(true);
    expect(listOf('127.0.0.7:80').allowsAddress('127.0.0.7')).toBe(false);
  });

  it('is empty without entries', () => {
    expect(listOf('').empty).toBe(true);
    expect(listOf(' , ').empty).toBe(true);
  });
});
