// A phone shared by a family: what the browser keeps about an account (the objection draft,
// the login in progress) belongs to the account that wrote it. "تسجيل الخروج" deletes it; a
// session that merely ended keeps it for the same account (account.spec.ts) but never shows
// it to, or sends it for, anyone else. Each test uses two demo accounts of its own here; each
// of them also signs in once in another spec (see ARCHITECTURE.md, "Testing").
import { test, expect, type Page } from '@playwright/test';
import { apiGet, logIn, logInHere } from './account-helpers';

test.describe.configure({ mode: 'serial' });

const DRAFT = 'portal.objection-draft';
const CHALLENGE = 'portal.login';

/** From the account home: "اعتراض" on a payment, reason and description; ends on review. */
async function writeDraft(page: Page, description: string) {
  await page.getByRole('link', { name: 'المدفوعات المالية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'المدفوعات المالية' })).toBeVisible();
  await page.getByRole('button', { name: 'اعتراض', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'تقديم اعتراض' })).toBeVisible();
  const cycle = Number(new URL(page.url()).searchParams.get('cycle'));
  await page.getByRole('radio', { name: 'مبلغ الدفعة صفر' }).check();
  await page.getByLabel('وصف الاعتراض', { exact: true }).fill(description);
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'راجع اعتراضك' })).toBeVisible();
  return cycle;
}

function stored(page: Page) {
  return page.evaluate(
    ([draft, challenge]) => ({ draft: localStorage.getItem(draft), challenge: sessionStorage.getItem(challenge) }),
    [DRAFT, CHALLENGE],
  );
}

/** Counts the objections this page sends from now on. */
function countObjectionPosts(page: Page) {
  const sent = { count: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/objections')) sent.count += 1;
  });
  return sent;
}

/** What the signed-in account has filed, as the API lists it. */
async function filedDescriptions(page: Page) {
  return (await apiGet<{ description: string }[]>(page, '/api/v1/objections')).map((o) => o.description);
}

test('logging out deletes the draft, and the next person neither sees nor sends it', async ({ page }) => {
  const a = '1000000008';
  const b = '1000000016';
  const words = 'مسودة صاحب الحساب الأول، لا يراها غيره.';
  await logIn(page, a);
  const cycle = await writeDraft(page, words);
  const draft = (await stored(page)).draft;
  expect(draft).toContain(words);
  expect(JSON.parse(draft ?? '{}').owner).toBe(a);

  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('سجّلت الخروج. حذفنا من هذا الجهاز')).toBeVisible();
  expect(await stored(page)).toEqual({ draft: null, challenge: null });

  // The next person on the same browser.
  const posts = countObjectionPosts(page);
  await logInHere(page, b);
  await expect(page.getByRole('heading', { level: 1, name: 'حسابي' })).toBeVisible();
  await page.goto('/account/objections/review');
  await expect(page.getByRole('heading', { level: 1, name: 'اعتراضاتي' })).toBeVisible();
  await page.goto(`/account/objections/new?kind=financial&cycle=${cycle}`);
  await expect(page.getByRole('heading', { level: 1, name: 'تقديم اعتراض' })).toBeVisible();
  await expect(page.getByLabel('وصف الاعتراض', { exact: true })).toHaveValue('');
  await expect(page.getByText(words)).toHaveCount(0);

  // Even a draft put back by hand (an old copy, another tab) is dropped unsent.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [DRAFT, draft ?? '']);
  await page.goto('/account/objections/review');
  await expect(page.getByRole('heading', { level: 1, name: 'اعتراضاتي' })).toBeVisible();
  expect((await stored(page)).draft).toBeNull();
  expect(posts.count).toBe(0);
  expect(await filedDescriptions(page)).not.toContain(words);
});

test("a draft left by an ended session is not shown or sent to the next account", async ({ page, context }) => {
  const a = '1000000024';
  const b = '1000000040';
  const words = 'مسودة بقيت بعد انتهاء جلسة صاحبها.';
  await logIn(page, a);
  await writeDraft(page, words);
  // The session ends on the server (as after inactivity): the draft stays, for its owner.
  await context.clearCookies();
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fobjections%2Freview$/);
  expect((await stored(page)).draft).toContain(words);

  // Someone else logs in on that page: the way back leads to no draft.
  const posts = countObjectionPosts(page);
  await logInHere(page, b);
  await expect(page.getByRole('heading', { level: 1, name: 'اعتراضاتي' })).toBeVisible();
  await expect(page).toHaveURL(/\/account\/objections$/);
  await expect(page.getByText(words)).toHaveCount(0);
  expect((await stored(page)).draft).toBeNull();
  expect(posts.count).toBe(0);
  expect(await filedDescriptions(page)).not.toContain(words);
});
