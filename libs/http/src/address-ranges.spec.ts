import { classifyAddress, describeRange } from './address-ranges';

// Classification only: no address here is ever connected to.

const nameOf = (address: string) => classifyAddress(address)?.name ?? 'public';

describe('classifyAddress: IPv4', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
  ])('%s is %s', (address, name) => {
    expect(nameOf(address)).toBe(name);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.169.0.1',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
  ])('%s, just outside a special block or plainly public, is public', (address) => {
    expect(classifyAddress(address)).toBeNull();
  });
});

describe('classifyAddress: IPv6', () => {
  it.each([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fec0::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['2001::1', 'reserved'], // Teredo
    ['2001:10::1', 'reserved'], // ORCHID
    ['100::1', 'reserved'], // discard-only
    ['64:ff9b:1::a00:1', 'nat64'], // local-use translation
    ['::2', 'reserved'], // unassigned, outside 2000::/3
    ['4000::1', 'reserved'],
  ])('%s is %s', (address, name) => {
    expect(nameOf(address)).toBe(name);
  });

  it.each(['2606:4700:4700::1111', '2a00:1450:4001::200e', '2001:4860:4860::8888'])(
    '%s is public',
    (address) => {
      expect(classifyAddress(address)).toBeNull();
    },
  );
});

describe('classifyAddress: IPv6 forms carrying an IPv4 address', () => {
  it.each([
    ['::ffff:127.0.0.1', 'loopback', '127.0.0.1'], // IPv4-mapped
    ['::ffff:7f00:1', 'loopback', '127.0.0.1'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', 'link-local', '169.254.169.254'],
    ['::ffff:10.1.2.3', 'private', '10.1.2.3'],
    ['::ffff:0:192.168.0.1', 'private', '192.168.0.1'], // IPv4-translated
    ['64:ff9b::127.0.0.1', 'loopback', '127.0.0.1'], // NAT64 well-known prefix
    ['64:ff9b::a9fe:a9fe', 'link-local', '169.254.169.254'],
    ['2002:7f00:1::1', 'loopback', '127.0.0.1'], // 6to4
    ['2002:c0a8:101::1', 'private', '192.168.1.1'],
  ])('%s is %s through %s', (address, name, inner) => {
    const range = classifyAddress(address);
    expect(range?.name).toBe(name);
    expect(range?.embeddedIpv4).toBe(inner);
  });

  it('lets through the same forms carrying a public address', () => {
    expect(classifyAddress('::ffff:8.8.8.8')).toBeNull();
    expect(classifyAddress('64:ff9b::808:808')).toBeNull();
    expect(classifyAddress('2002:808:808::1')).toBeNull();
  });

  it('calls the IPv4-compatible form (deprecated, ::/96) reserved whatever it carries', () => {
    expect(nameOf('::8.8.8.8')).toBe('reserved');
    expect(nameOf('::127.0.0.1')).toBe('reserved');
  });
});

describe('numeric host forms, as a URL parser hands them over', () => {
  // The WHATWG URL parser rewrites every IPv4 spelling to a dotted quad and IPv6 to its short form,
  // so what reaches the classifier (and the connection) is always one of the forms above.
  it.each([
    ['http://2130706433:4201/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://0xa9fea9fe/', '169.254.169.254'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
  ])('%s names %s, which is refused', (url, hostname) => {
    expect(new URL(url).hostname).toBe(hostname);
    expect(classifyAddress(new URL(url).hostname)).not.toBeNull();
  });
});

it('refuses to classify what is not an IP address', () => {
  expect(() => classifyAddress('localhost')).toThrow(TypeError);
  expect(() => classifyAddress('2130706433')).toThrow(TypeError);
  expect(() => classifyAddress('127.1')).toThrow(TypeError);
});

it('describes a refusal with the block, and the IPv4 address inside an IPv6 form', () => {
  expect(describeRange('127.0.0.5', classifyAddress('127.0.0.5')!)).toBe('127.0.0.5 (loopback, 127.0.0.0/8)');
  expect(describeRange('::ffff:7f00:1', classifyAddress('::ffff:7f00:1')!)).toBe(
    '::ffff:7f00:1 (IPv4 127.0.0.1: loopback, 127.0.0.0/8)',
  );
});
