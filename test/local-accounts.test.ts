import { ApiClientsService } from '../src/auth/api-clients.service';
import { UsersService } from '../src/auth/users.service';
import { SYSTEM_ACTOR } from '../src/database/unit-of-work';
import { bearer } from './support/factories';
import { expectProblem } from './support/problem';
import { DEMO, DEMO_PASSWORD, startTestApp, TestApp } from './support/test-app';

type FieldErrors = { field: string; code: string; params?: object }[];

/**
 * Issue 17, item 4 (ADR 35): password rules as the NCSC advises (length, no composition rules,
 * no common passwords), and acceptance 7: with PASSWORD_SIGNIN=false the password routes are gone.
 */
describe('password rules', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearer(t, 'admin');
    userId = (await t.app.get(UsersService).findIdByEmail(DEMO.buyer2))!;
  });
  afterAll(() => t.close());

  const setPassword = (password: string) =>
    t.http().put(`/api/v1/users/${userId}/password`).set(admin).send({ password });

  it.each([
    ['qwerty123456', 'qwerty123456', 'common_password', undefined],
    ['Password1234', 'Password1234', 'common_password', undefined],
    ['a common word with a suffix', 'dragon2026!!!!', 'common_password', undefined],
    ['11 characters', 'kort-wachtw', 'too_short', { min: 12, max: 256 }],
    ['257 characters', 'x'.repeat(257), 'too_long', { min: 12, max: 256 }],
  ])('refuses %s as a new password', async (_label, password, code, params) => {
    const errors = expectProblem(await setPassword(password), 400).errors as FieldErrors;
    expect(errors).toEqual([
      expect.objectContaining({ field: 'password', code, ...(params ? { params } : {}) }),
    ]);
  });

  it('takes any long password: no composition rules, any characters', async () => {
    for (const password of ['correct horse battery staple', 'ëën lange zin zonder cijfers']) {
      await setPassword(password).expect(204);
    }
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: DEMO.buyer2, password: 'ëën lange zin zonder cijfers' })
      .expect(200);
  });

  it('applies the same rules when a person changes their own password', async () => {
    const response = await t
      .http()
      .put('/api/v1/me/password')
      .set(await bearer(t, 'staff'))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'iloveyou1234' });
    expect((expectProblem(response, 400).errors as FieldErrors)[0]).toMatchObject({
      field: 'newPassword',
      code: 'common_password',
    });
  });
});

describe('PASSWORD_SIGNIN=false', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { PASSWORD_SIGNIN: 'false' } });
  });
  afterAll(() => t.close());

  it('has no password grant, second step or password change: 404', async () => {
    const signIn = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: DEMO.admin, password: DEMO_PASSWORD });
    expectProblem(signIn, 404);
    const explicit = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ grant_type: 'password', email: DEMO.admin, password: DEMO_PASSWORD });
    expectProblem(explicit, 404);
    expectProblem(
      await t.http().post('/api/v1/auth/second-factor').send({ challenge: 'x', code: '123456' }),
      404,
    );
  });

  it('still signs API clients in (client credentials), and their password route is gone too', async () => {
    // Staff belong to a MeentCoop team: the demo staff member's.
    const users = t.app.get(UsersService);
    const staff = await users.get((await users.findIdByEmail(DEMO.staff))!);
    const created = await t.app.get(ApiClientsService).create(SYSTEM_ACTOR, {
      name: 'Koppeling',
      role: 'staff',
      organisationUnitId: staff.organisationUnit!.id,
      domains: [],
    });
    const token = await t
      .http()
      .post('/api/v1/auth/token')
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_id: created.client.id,
        client_secret: created.secret.clientSecret,
      })
      .expect(200);
    const auth = { Authorization: `Bearer ${token.body.access_token as string}` };
    const me = await t.http().get('/api/v1/me').set(auth).expect(200);
    expect(me.body).toMatchObject({ id: created.client.id, name: 'Koppeling', role: 'staff' });
    expectProblem(
      await t
        .http()
        .put('/api/v1/me/password')
        .set(auth)
        .send({ currentPassword: 'whatever', newPassword: 'een heel lang nieuw wachtwoord' }),
      404,
    );
  });
});
