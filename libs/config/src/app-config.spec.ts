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

describe('mail settings', () => {
  it('writes to the local outbox unless SMTP_URL is set', () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }).SMTP_URL).toBe('smtp://127.0.0.1:2525');
  });

  it('refuses an SMTP_URL of another scheme', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://127.0.0.1:2525' })).toThrow('SMTP_URL');
  });

  it('reads the inbound mailbox settings: off by default, loopback, both TLS files or none', () => {
    const off = loadConfig({});
    expect(off.INBOUND_SMTP_PORT).toBeUndefined();
    expect(off.INBOUND_SMTP_HOST).toBe('127.0.0.1');
    expect(loadConfig({ INBOUND_SMTP_PORT: '2525' }).INBOUND_SMTP_PORT).toBe(2525);
    expect(() => loadConfig({ INBOUND_MAIL_DOMAIN: 'not a domain' })).toThrow('INBOUND_MAIL_DOMAIN');
    expect(() => loadConfig({ INBOUND_SMTP_TLS_KEY_FILE: '/k.pem' })).toThrow('INBOUND_SMTP_TLS_CERT_FILE');
  });

  it('refuses half a DKIM setup', () => {
    expect(() => loadConfig({ DKIM_DOMAIN: 'coderjobs.example', DKIM_SELECTOR: 's1' })).toThrow(
      'DKIM_PRIVATE_KEY_FILE',
    );
  });
});
