import { ConfigError, loadConfig } from './app-config';

describe('HTTP_ALLOW_HOSTS', () => {
  it('is empty by default: every internal destination is refused', () => {
    expect(loadConfig({}).HTTP_ALLOW_HOSTS).toBe('');
  });

  it('takes host, host:port and CIDR entries', () => {
    const value = 'feeds.internal.example, 127.0.0.1:4010 ,10.20.0.0/16,[::1]:8080';
    expect(loadConfig({ HTTP_ALLOW_HOSTS: value }).HTTP_ALLOW_HOSTS).toBe(value);
  });

  it.each(['10.0.0.0/33', 'feeds.example:99999', 'user@feeds.example'])(
    'stops the boot on "%s", naming the variable and the entry',
    (entry) => {
      expect(() => loadConfig({ HTTP_ALLOW_HOSTS: `127.0.0.1:4010,${entry}` })).toThrow(ConfigError);
      expect(() => loadConfig({ HTTP_ALLOW_HOSTS: entry })).toThrow(`HTTP_ALLOW_HOSTS: "${entry}"`);
    },
  );
});
