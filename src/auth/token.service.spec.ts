import type { AppConfig } from '../config/config';
import { TokenService } from './token.service';

const USER = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function service(ttlSeconds = 3600): TokenService {
  return new TokenService({
    jwtSecret: 'a-test-secret-of-at-least-thirty-two-characters',
    jwtTtlSeconds: ttlSeconds,
  } as AppConfig);
}

describe('TokenService.verify, tokens kept once found valid', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers the same claims for the same token, checked or kept', async () => {
    const tokens = service();
    const token = await tokens.issue(USER, 3);
    const check = jest.spyOn(tokens as unknown as { check: () => unknown }, 'check');
    const first = await tokens.verify(token);
    expect(first).toMatchObject({ sub: USER, tv: 3 });
    expect(await tokens.verify(token)).toEqual(first);
    // The signature and claims were checked once.
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('refuses a token one character away from a kept one', async () => {
    const tokens = service();
    const token = await tokens.issue(USER, 1);
    expect(await tokens.verify(token)).not.toBeNull();
    const at = token.length - 5;
    const changed = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    expect(await tokens.verify(changed)).toBeNull();
    // Another service (another key) never took it as valid.
    const other = new TokenService({
      jwtSecret: 'another-secret-of-at-least-thirty-two-characters',
      jwtTtlSeconds: 3600,
    } as AppConfig);
    expect(await other.verify(token)).toBeNull();
  });

  it('refuses a kept token from the second of its expiry on, as the full check does', async () => {
    const tokens = service(60);
    const token = await tokens.issue(USER, 1);
    const claims = await tokens.verify(token);
    expect(claims).not.toBeNull();
    const exp = claims!.exp;
    const now = jest.spyOn(Date, 'now');
    now.mockReturnValue(exp * 1000 - 1);
    expect(await tokens.verify(token)).toEqual(claims);
    now.mockReturnValue(exp * 1000);
    expect(await tokens.verify(token)).toBeNull();
    // Forgotten now, and refused by the full check too.
    expect(await tokens.verify(token)).toBeNull();
    // The same moment for a token never kept: the full check says the same.
    const fresh = service(60);
    expect(await fresh.verify(token)).toBeNull();
  });

  it('keeps nothing for a refused token: a challenge is not an access token', async () => {
    const tokens = service();
    const challenge = await tokens.issueChallenge(USER, 1);
    expect(await tokens.verify(challenge)).toBeNull();
    expect(await tokens.verify(challenge)).toBeNull();
    expect(await tokens.verifyChallenge(challenge)).toMatchObject({ sub: USER });
  });

  it('hands out claims no caller can change for the next', async () => {
    const tokens = service();
    const token = await tokens.issue(USER, 2);
    const claims = await tokens.verify(token);
    expect(() => {
      (claims as { tv: number }).tv = 9;
    }).toThrow(TypeError);
    expect((await tokens.verify(token))?.tv).toBe(2);
  });
});
