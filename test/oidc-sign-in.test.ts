import { Clock } from '../src/common/clock';
import { bearer } from './support/factories';
import { sparePort, startProvider, type TestProvider } from './support/oidc-provider';
import { startTestApp, testConfig, TestApp } from './support/test-app';

/** A tiny browser: cookies per host, redirects followed by hand. */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();
  async go(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = this.jar.get(target.host) ?? new Map<string, string>();
    const headers = new Headers(init.headers);
    if (cookies.size) {
      headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /Max-Age=0|expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(target.host, cookies);
    return response;
  }
  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }
  /** Follows redirects until one leaves `stopHost` or lands on a page; returns the last. */
  async follow(
    url: string,
    stopAt: (u: URL) => boolean,
  ): Promise<{ url: URL; response: Response }> {
    let current = new URL(url);
    for (let i = 0; i < 15; i++) {
      if (stopAt(current)) return { url: current, response: new Response(null) };
      const response = await this.go(current.toString());
      const location = response.headers.get('location');
      if (!location) return { url: current, response };
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }
}

/**
 * Issue 17, item 1 (ADR 33), acceptance 1 (through the API) and 2: signing in through a real
 * OpenID provider, the person made from a `groups` claim by an identity mapping; and each way a
 * sign-in can go wrong ends on the problem page, without a session, with a log line.
 */
describe('OpenID Connect sign-in', () => {
  let t: TestApp;
  let provider: TestProvider;
  let base: string;

  beforeAll(async () => {
    // The app listens first, so its own address is the redirect URI the provider knows.
    const port = await sparePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startProvider({
      clientId: 'brug',
      clientSecret: 'a-test-secret-of-the-provider-only',
      redirectUris: [`${base}/api/v1/auth/oidc/meentcoop/callback`],
      postLogoutRedirectUris: [`${base}/sign-in?signedOut=1`],
      accounts: {
        anna: {
          email: 'anna@meentcoop.example',
          name: 'Anna Energie',
          groups: ['meentcoop-energy'],
        },
        nobody: { email: 'nobody@meentcoop.example', name: 'Niemand', groups: ['elsewhere'] },
      },
    });
    t = await startTestApp({
      captureLogs: true,
      env: {
        PUBLIC_URL: base,
        OIDC_PROVIDERS: 'meentcoop',
        OIDC_MEENTCOOP_ISSUER: provider.issuer,
        OIDC_MEENTCOOP_CLIENT_ID: 'brug',
        OIDC_MEENTCOOP_CLIENT_SECRET: 'a-test-secret-of-the-provider-only',
        OIDC_MEENTCOOP_SCOPES: 'openid email profile groups',
        OIDC_MEENTCOOP_DISPLAY_NAME: 'MeentCoop',
      },
    });
    await t.app.listen(port, '127.0.0.1');
    const admin = await bearer(t, 'admin');
    const units = await t.http().get('/api/v1/organisation-units').set(admin).expect(200);
    const team = (units.body.items as { id: string; kind: string; code: string }[]).find(
      (u) => u.kind === 'meentcoop_team',
    )!;
    await t
      .http()
      .post('/api/v1/admin/identity-mappings')
      .set(admin)
      .send({
        provider: 'meentcoop',
        claimValue: 'meentcoop-energy',
        role: 'staff',
        organisationUnitId: team.id,
      })
      .expect(201);
  });
  afterAll(async () => {
    provider.process.kill();
    await t.close();
  });

  /** From the button to the provider's answer at Brug's callback (not yet followed). */
  async function toCallback(browser: Browser, login: string, tamper?: (u: URL) => void) {
    const start = await browser.go(`${base}/api/v1/auth/oidc/meentcoop/start?returnTo=/me`);
    expect(start.status).toBe(303);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    tamper?.(authorize);
    const { url: interaction } = await browser.follow(authorize.toString(), (u) =>
      u.pathname.startsWith('/interaction/'),
    );
    const page = await browser.go(interaction.toString());
    const html = await page.text();
    expect(html).toContain('name="login"');
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? `${interaction.pathname}/login`;
    const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
    const posted = await browser.go(new URL(action, interaction).toString(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ...hidden.map((m) => [m[1]!, m[2]!] as [string, string]),
        ['login', login],
        ['password', 'any'],
      ]).toString(),
    });
    const next = new URL(posted.headers.get('location')!, interaction);
    const { url: callback } = await browser.follow(next.toString(), (u) => u.origin === base);
    expect(callback.pathname).toBe('/api/v1/auth/oidc/meentcoop/callback');
    return callback;
  }

  it('acceptance 1: signs a person in from a groups claim, as staff of the mapped team', async () => {
    const browser = new Browser();
    const callback = await toCallback(browser, 'anna');
    const done = await browser.go(callback.toString());
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/me');
    const me = await browser.go(`${base}/api/v1/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'anna@meentcoop.example', role: 'staff' });
  });

  it('lists the identity mappings: all, or one provider’s', async () => {
    const admin = await bearer(t, 'admin');
    const all = await t.http().get('/api/v1/admin/identity-mappings').set(admin).expect(200);
    expect(all.body.items).toEqual([
      expect.objectContaining({ provider: 'meentcoop', claimValue: 'meentcoop-energy' }),
    ]);
    const mine = await t
      .http()
      .get('/api/v1/admin/identity-mappings?provider=meentcoop')
      .set(admin)
      .expect(200);
    expect(mine.body.items).toHaveLength(1);
    const other = await t
      .http()
      .get('/api/v1/admin/identity-mappings?provider=city')
      .set(admin)
      .expect(200);
    expect(other.body.items).toEqual([]);
  });

  it('acceptance 2: a wrong state, a replayed code, a wrong nonce, an expired ID token, a provider that does not answer', async () => {
    const problems: string[] = [];
    const attempt = async (callback: URL, browser: Browser) => {
      const response = await browser.go(callback.toString());
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location')!, base);
      expect(location.pathname).toBe('/sign-in/problem');
      expect(browser.cookie(new URL(base).host, '__Host-brug_session')).toBeUndefined();
      problems.push(location.searchParams.get('code')!);
    };

    const wrongState = new Browser();
    const cb1 = await toCallback(wrongState, 'anna');
    cb1.searchParams.set('state', 'not-the-state');
    await attempt(cb1, wrongState);

    // A code used once is refused by the provider the second time.
    const replay = new Browser();
    const cb2 = await toCallback(replay, 'anna');
    await replay.go(cb2.toString());
    const again = new Browser();
    const cb3 = await toCallback(again, 'anna');
    cb3.searchParams.set('code', cb2.searchParams.get('code')!);
    await attempt(cb3, again);

    const wrongNonce = new Browser();
    const cb4 = await toCallback(wrongNonce, 'anna', (u) => u.searchParams.set('nonce', 'other'));
    await attempt(cb4, wrongNonce);

    const otherIssuer = new Browser();
    const cb5 = await toCallback(otherIssuer, 'anna');
    cb5.searchParams.set('iss', 'http://127.0.0.1:1/other');
    await attempt(cb5, otherIssuer);

    const expired = new Browser();
    const cb6 = await toCallback(expired, 'anna');
    const spy = jest
      .spyOn(t.app.get(Clock), 'now')
      .mockImplementation(() => new Date(Date.now() + 3 * 3600_000));
    await attempt(cb6, expired);
    spy.mockRestore();

    const nobody = new Browser();
    await attempt(await toCallback(nobody, 'nobody'), nobody);

    const down = new Browser();
    const cb7 = await toCallback(down, 'anna');
    provider.process.kill();
    await new Promise((r) => setTimeout(r, 300));
    await attempt(cb7, down);

    expect(problems).toEqual([
      'state_mismatch',
      'code_rejected',
      'nonce_mismatch',
      'issuer_mismatch',
      'id_token_expired',
      'no_mapping',
      'provider_unavailable',
    ]);
    expect(t.logs.join('').match(/oidc_sign_in_failed/g)?.length).toBe(7);
  });
});

/** OIDC_<ID>_REDIRECT_PATH: a provider registered with another callback path signs in there. */
describe('OpenID Connect sign-in at a configured callback path', () => {
  let t: TestApp;
  let provider: TestProvider;
  let base: string;
  const path = '/sso/meentcoop/return';

  beforeAll(async () => {
    const port = await sparePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startProvider({
      clientId: 'brug',
      clientSecret: 'a-test-secret-of-the-provider-only',
      // Only the configured path: the default one would be refused by the provider.
      redirectUris: [`${base}${path}`],
      postLogoutRedirectUris: [`${base}/sign-in?signedOut=1`],
      accounts: {
        anna: { email: 'anna@meentcoop.example', name: 'Anna', groups: ['meentcoop-energy'] },
      },
    });
    t = await startTestApp({
      env: {
        PUBLIC_URL: base,
        OIDC_PROVIDERS: 'meentcoop',
        OIDC_MEENTCOOP_ISSUER: provider.issuer,
        OIDC_MEENTCOOP_CLIENT_ID: 'brug',
        OIDC_MEENTCOOP_CLIENT_SECRET: 'a-test-secret-of-the-provider-only',
        OIDC_MEENTCOOP_SCOPES: 'openid email profile groups',
        OIDC_MEENTCOOP_REDIRECT_PATH: path,
      },
    });
    await t.app.listen(port, '127.0.0.1');
    const admin = await bearer(t, 'admin');
    const units = await t.http().get('/api/v1/organisation-units').set(admin).expect(200);
    const team = (units.body.items as { id: string; code: string }[]).find(
      (u) => u.code === 'meentcoop-energy',
    )!;
    await t
      .http()
      .post('/api/v1/admin/identity-mappings')
      .set(admin)
      .send({
        provider: 'meentcoop',
        claimValue: 'meentcoop-energy',
        role: 'staff',
        organisationUnitId: team.id,
      })
      .expect(201);
  });
  afterAll(async () => {
    provider.process.kill();
    await t.close();
  });

  it('sends the provider that path as redirect_uri and signs in when the browser comes back there', async () => {
    const browser = new Browser();
    const start = await browser.go(`${base}/api/v1/auth/oidc/meentcoop/start?returnTo=/me`);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}${path}`);
    const { url: interaction } = await browser.follow(authorize.toString(), (u) =>
      u.pathname.startsWith('/interaction/'),
    );
    const html = await (await browser.go(interaction.toString())).text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? `${interaction.pathname}/login`;
    const hidden = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
    const posted = await browser.go(new URL(action, interaction).toString(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ...hidden.map((m) => [m[1]!, m[2]!] as [string, string]),
        ['login', 'anna'],
        ['password', 'any'],
      ]).toString(),
    });
    const next = new URL(posted.headers.get('location')!, interaction);
    const { url: callback } = await browser.follow(next.toString(), (u) => u.origin === base);
    expect(callback.pathname).toBe(path);
    const done = await browser.go(callback.toString());
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/me');
    const me = await browser.go(`${base}/api/v1/me`);
    expect(await me.json()).toMatchObject({ email: 'anna@meentcoop.example', role: 'staff' });
  });

  it('refuses a path that is no path', () => {
    for (const bad of ['sso/return', '/sso/return/', '/sso?x=1', '//evil.example/x']) {
      expect(() =>
        testConfig({
          OIDC_ISSUER: 'https://sso.example',
          OIDC_CLIENT_ID: 'brug',
          OIDC_CLIENT_SECRET: 'secret',
          OIDC_REDIRECT_PATH: bad,
        }),
      ).toThrow(/REDIRECT_PATH/);
    }
  });
});
