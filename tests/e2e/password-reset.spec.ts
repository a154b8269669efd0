// Forgot password (/login/reset), end to end in Arabic: a wrong birth date leads to the same
// next step and sends no code; the right one sends a code, weak passwords are refused with
// the shared rule's words, a good one ends the reset and the session that was open, the old
// password no longer opens the account and the new one does; axe finds nothing on either
// step, with and without errors.
//
// Its own demo account, 1000000099 (born 1402-07-21 AH): no other spec signs in with it, so
// changing its password disturbs nobody. Codes sent: 3 (the sign-in before, the reset, the
// sign-in with the new password), within the 5 an hour.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { PASSWORD, codes, logIn, newCode } from './account-helpers';
import { expectEveryWord } from './words';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ID = '1000000099';
const NEW_PASSWORD = 'نخلة الرياض 2026';

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, found.join('\n')).toEqual([]);
  await expectEveryWord(page, what);
}

/** Step one, on the page: the ID and a Hijri birth date. */
async function askForCode(page: Page, day: string, month: string, year: string) {
  await page.getByLabel('رقم الهوية', { exact: true }).fill(ID);
  await expect(page.getByLabel('هجري', { exact: true })).toBeChecked();
  await page.getByLabel('اليوم', { exact: true }).fill(day);
  await page.getByLabel('الشهر', { exact: true }).fill(month);
  await page.getByLabel('السنة', { exact: true }).fill(year);
  await page.getByRole('button', { name: 'إرسال رمز التحقق' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'أدخل رمز التحقق وكلمة المرور الجديدة' }),
  ).toBeFocused();
}

/** Step two, on the page. */
async function choose(page: Page, code: string, password: string, confirm = password) {
  await page.getByLabel('رمز التحقق', { exact: true }).fill(code);
  await page.getByLabel('كلمة المرور الجديدة', { exact: true }).fill(password);
  await page.getByLabel('تأكيد كلمة المرور الجديدة', { exact: true }).fill(confirm);
  await page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
}

test('forgot password: birth date and code, a new password, every session ended', async ({ page }) => {
  test.setTimeout(90_000);
  const first = (await codes(page, ID)).length;
  // A session open before the reset, which the reset must end.
  await logIn(page, ID);

  await page.goto('/login');
  await page.getByRole('link', { name: 'نسيت كلمة المرور؟' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'استعادة كلمة المرور' })).toBeVisible();
  await noViolations(page, 'reset: start');
  await page.getByRole('button', { name: 'إرسال رمز التحقق' }).click();
  await expect(page.locator('.error-summary').first()).toBeFocused();
  await expect(page).toHaveTitle(/^خطأ:/);
  await noViolations(page, 'reset: start with errors');

  // A wrong birth date: the same next step, and no code.
  const before = (await codes(page, ID)).length;
  await askForCode(page, '٢٢', '٧', '١٤٠٢');
  await page.goto('/login/reset');
  // The right one, in Arabic-Indic digits.
  await askForCode(page, '٢١', '٧', '١٤٠٢');
  const code = await newCode(page, ID, before);
  expect((await codes(page, ID)).length).toBe(before + 1);
  await noViolations(page, 'reset: code and password');

  // Weak and mismatched passwords are refused on the page; what was typed stays.
  await choose(page, code, '12345678');
  await expect(page.locator('.error-summary').first()).toBeFocused();
  await expect(page.getByRole('link', { name: 'كلمة المرور هذه شائعة ويسهل تخمينها، اختر غيرها' })).toBeVisible();
  await choose(page, code, `x${ID}x`);
  await expect(page.getByRole('link', { name: 'يجب ألا تحتوي كلمة المرور على رقم هويتك' })).toBeVisible();
  await choose(page, code, NEW_PASSWORD, 'نخلة الرياض');
  await expect(page.getByRole('link', { name: 'كلمتا المرور غير متطابقتين' })).toBeVisible();
  await expect(page.getByLabel('رمز التحقق', { exact: true })).toHaveValue(code);
  await noViolations(page, 'reset: code and password with errors');

  await choose(page, code, NEW_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'تم تغيير كلمة المرور' })).toBeFocused();
  await noViolations(page, 'reset: done');
  // The session opened before has ended: at once on the process that did the reset, within
  // its 5-second memory on another one (scripts/cluster runs this spec behind a balancer).
  await expect
    .poll(() => page.evaluate(async () => (await fetch('/api/v1/me')).status), { timeout: 8_000 })
    .toBe(401);

  // The old password is refused; the new one opens the account.
  await page.getByRole('link', { name: 'تسجيل الدخول بكلمة المرور الجديدة' }).click();
  await page.getByLabel('رقم الهوية', { exact: true }).fill(ID);
  await page.getByLabel('كلمة المرور', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
  await expect(page.getByRole('link', { name: 'رقم الهوية أو كلمة المرور غير صحيحة' })).toBeVisible();
  const signInBefore = (await codes(page, ID)).length;
  await page.getByLabel('كلمة المرور', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'أدخل رمز التحقق' })).toBeVisible();
  await page.getByLabel('رمز التحقق', { exact: true }).fill(await newCode(page, ID, signInBefore));
  await page.getByRole('button', { name: 'التحقق', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'حسابي' })).toBeVisible();
  expect((await codes(page, ID)).length).toBe(first + 3);
});
