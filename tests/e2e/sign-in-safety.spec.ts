// Sign-in that withstands abuse, in the browser: the session cookie is `__Host-` prefixed,
// Secure, HttpOnly, SameSite=Strict and ends with the browser; and `/login?next=` never leads
// off the site, whatever is written after it. One real login (demo account 1000000032, which
// also logs in once in account.spec.ts); the other `next` values go through the real code page
// with its answer stubbed, so they send no SMS and count against no limit.
import { test, expect, type Page } from '@playwright/test';
import { apiGet, logInHere } from './account-helpers';

const ID = '1000000032';

/** Every host this page asked for anything, other than the site itself. */
function foreignRequests(page: Page, origin: string) {
  const hosts: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:') hosts.push(r.url());
  });
  return hosts;
}

async function expectAccountHome(page: Page, origin: string, what: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'حسابي' }), what).toBeVisible();
  const url = new URL(page.url());
  expect(url.origin, what).toBe(origin);
  expect(url.pathname, what).toBe('/account');
}

// `next` as the login pages read it (the query decoded once); each is written into the address
// with encodeURIComponent, as a link would carry it.
const DECODED = [
  '/\t/evil.example',
  '/\\evil.example',
  '/\\\\evil',
  '//evil',
  '//evil.example/account',
  '///evil.example',
  '/%2F%2Fevil.example',
  '/%2f/evil.example',
  '%2F%2Fevil',
  '/%5Cevil.example',
  '/%09/evil.example',
  '/\n/evil.example',
  '/\r\n//evil.example',
  '\t//evil.example',
  '/account\\..\\..\\evil.example',
  '/\u0000/evil.example',
  '/\u202e/elpmaxe.live',
  '/\u200b/evil.example',
  'javascript:alert(document.domain)',
  'JAVASCRIPT:alert(1)',
  'https://evil.example/',
  'http:evil.example',
  'data:text/html,evil',
  'evil.example',
  '/login/verify',
];
// And written literally, as someone might type them after `?next=`.
const RAW = ['/%09/evil.example', '/%5C%5Cevil', '%2F%2Fevil.example', '/%0A/evil.example', '//evil.example'];

test('the session cookie is __Host-, Secure, HttpOnly, SameSite=Strict and a session cookie; next never leaves the site', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL ?? '').origin;
  const foreign = foreignRequests(page, origin);

  // A real login through the pages, sent off with the tab-and-slashes trick.
  await page.goto('/login?next=/%09/evil.example');
  await expect(page.getByText('سجّل الدخول للمتابعة.')).toBeVisible();
  await logInHere(page, ID);
  await expectAccountHome(page, origin, '/%09/evil.example');

  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === '__Host-portal_session');
  expect(session, JSON.stringify(cookies)).toBeDefined();
  expect(session).toMatchObject({
    domain: new URL(origin).hostname,
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    expires: -1,
  });
  expect(cookies.map((c) => c.name)).not.toContain('portal_session');
  expect(await page.evaluate(() => document.cookie)).not.toContain('portal_session');

  // The account pages load with it.
  await page.getByRole('link', { name: 'المدفوعات المالية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'المدفوعات المالية' })).toBeVisible();
  await expect(page.locator('table')).toBeVisible();
  expect((await apiGet<{ national_id: string }>(page, '/api/v1/me')).national_id).toBe(ID);

  // The rest: the code page with a challenge in the tab and the code's answer stubbed (the
  // session cookie from above is real, so the account area loads for real).
  await page.route('**/api/v1/session/verify', (route) =>
    route.fulfill({ json: { idle_expires_in_seconds: 900, absolute_expires_in_seconds: 28_800 } }),
  );
  const addresses = [
    ...DECODED.map((next) => `/login/verify?next=${encodeURIComponent(next)}`),
    ...RAW.map((next) => `/login/verify?next=${next}`),
  ];
  for (const address of addresses) {
    await page.evaluate(() =>
      sessionStorage.setItem(
        'portal.login',
        JSON.stringify({ challenge_id: 'stub', masked_mobile: '05******34', resend_at: Date.now() + 60_000 }),
      ),
    );
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: 'أدخل رمز التحقق' }), address).toBeVisible();
    await page.getByLabel('رمز التحقق', { exact: true }).fill('123456');
    await page.getByRole('button', { name: 'التحقق', exact: true }).click();
    await expectAccountHome(page, origin, address);
  }
  expect(foreign).toEqual([]);
});

test('the login page passes on only a safe next', async ({ page }) => {
  for (const next of ['//evil.example', '/\\evil.example', '/%2F%2Fevil.example']) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await expect(page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' })).toBeVisible();
    // The way back from the code page is built from the same safe value.
    await page.evaluate(() =>
      sessionStorage.setItem(
        'portal.login',
        JSON.stringify({ challenge_id: 'stub', masked_mobile: '05******34', resend_at: Date.now() + 60_000 }),
      ),
    );
    await page.goto(`/login/verify?next=${encodeURIComponent(next)}`);
    const back = page.getByRole('link', { name: 'رجوع', exact: true });
    await expect(back).toHaveAttribute('href', '/login?next=%2Faccount');
  }
});
