// The bank account (/account/bank), end to end in Arabic: the registered IBAN shown masked; a
// new IBAN with wrong check digits refused on the page by the shared rule (the summary takes
// focus, what was typed stays); a valid one typed with Arabic-Indic digits and spaces sends a
// step-up code; a wrong code is refused, the right one (in Arabic-Indic digits) changes the
// account; the confirmation names the first payment paid into it; the notice is in the SMS
// outbox. axe finds nothing on any step, at the default width and at 360 px.
//
// Its own demo account, 1000000107: no other spec signs in with it. Codes sent: 2 (the
// sign-in and the bank account code), within the 5 an hour.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { apiGet, codes, logIn, newCode } from './account-helpers';
import { expectEveryWord } from './words';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const ID = '1000000107';
// SA44 2000 0001 2345 6789 1234 with Arabic-Indic digits and spaces, as a phone types it.
const NEW_IBAN_TYPED = 'SA٤٤ ٢٠٠٠ ٠٠٠١ ٢٣٤٥ ٦٧٨٩ ١٢٣٤';
// The same IBAN with wrong check digits (45 instead of 44).
const WRONG_CHECK_DIGITS = 'SA4520000001234567891234';

const western = (text: string) =>
  text.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).replace(/[٬,]/g, '');
const arabicIndic = (digits: string) => digits.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]);

/** axe at the current width, then at 360 px (a small phone), then back. */
async function noViolations(page: Page, what: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  for (const width of [size.width, 360]) {
    await page.setViewportSize({ width, height: size.height });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = results.violations.map(
      (v) => `${what} at ${width}px: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(found, found.join('\n')).toEqual([]);
    await expectEveryWord(page, what);
    if (width === 360) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow, `${what}: nothing wider than the phone`).toBeLessThanOrEqual(360);
    }
  }
  await page.setViewportSize(size);
}

/** The first payment a change made today (Riyadh) applies to, by the shared rule. */
function firstPaymentForChangeToday(): number {
  const riyadh = new Date(Date.now() + 3 * 3600 * 1000);
  let year = riyadh.getUTCFullYear();
  let month = riyadh.getUTCMonth() + 1 + (riyadh.getUTCDate() <= 10 ? 1 : 2);
  if (month > 12) {
    month -= 12;
    year += 1;
  }
  return (year - 2017) * 12 + month - 11;
}

type Sms = { national_id: string; code: string; message: string };

test('bank account: the masked IBAN, a change confirmed by an SMS code, the notice', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, ID);

  await page.getByRole('link', { name: 'الحساب البنكي', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الحساب البنكي' })).toBeVisible();
  const registered = page.locator('.summary-list__value [dir="ltr"]');
  await expect(registered).toHaveText('SA03****************7519');
  await noViolations(page, 'bank: registered');

  await page.getByRole('button', { name: 'تغيير الحساب البنكي' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تغيير الحساب البنكي' })).toBeFocused();
  await noViolations(page, 'bank: new IBAN');

  // Wrong check digits: refused on the page, before any code is sent; the input keeps it.
  const before = (await codes(page, ID)).length;
  const iban = page.getByLabel('رقم الآيبان الجديد', { exact: true });
  await iban.fill(WRONG_CHECK_DIGITS);
  await page.getByRole('button', { name: 'إرسال رمز التحقق' }).click();
  await expect(page.locator('.error-summary').first()).toBeFocused();
  await expect(page).toHaveTitle(/^خطأ:/);
  await expect(
    page.getByRole('link', { name: 'رقم الآيبان غير صحيح، تأكد منه في كشف حسابك البنكي' }),
  ).toBeVisible();
  await expect(iban).toHaveValue(WRONG_CHECK_DIGITS);
  await expect(iban).toHaveAttribute('aria-invalid', 'true');
  expect((await codes(page, ID)).length).toBe(before);
  await noViolations(page, 'bank: new IBAN with an error');

  // A valid IBAN as a phone types it: a code goes to the registered mobile.
  await iban.fill(NEW_IBAN_TYPED);
  await page.getByRole('button', { name: 'إرسال رمز التحقق' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'تأكيد تغيير الحساب البنكي' }),
  ).toBeFocused();
  await expect(page.locator('.summary-list__value [dir="ltr"]')).toHaveText('SA44****************1234');
  const code = await newCode(page, ID, before);
  await noViolations(page, 'bank: code');

  // A wrong code first: an error, the typed code kept, nothing changed.
  const wrong = code === '000000' ? '111111' : '000000';
  const codeField = page.getByLabel('رمز التحقق', { exact: true });
  await codeField.fill(wrong);
  await page.getByRole('button', { name: 'تأكيد التغيير' }).click();
  await expect(page.getByRole('alert')).toContainText('رمز التحقق غير صحيح');
  await expect(codeField).toHaveValue(wrong);
  await noViolations(page, 'bank: wrong code');

  // The right one, in Arabic-Indic digits.
  await codeField.fill(arabicIndic(code));
  await page.getByRole('button', { name: 'تأكيد التغيير' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تم تغيير الحساب البنكي' })).toBeFocused();
  await expect(page.locator('[dir="ltr"]', { hasText: 'SA44' })).toHaveText('SA44****************1234');
  const applies = page.locator('section.card');
  await expect(applies.getByRole('heading', { level: 2 })).toHaveText(
    'يُودَع الدعم في الحساب الجديد ابتداءً من:',
  );
  expect(western(await applies.innerText())).toContain(`الدفعة رقم ${firstPaymentForChangeToday()}`);
  await expect(page.getByText('أرسلنا رسالة نصية إلى رقم جوالك المسجل بهذا التغيير')).toBeVisible();
  await noViolations(page, 'bank: done');

  // The notice reached the registered mobile, with no code in it.
  const outbox = (await (await page.request.get('/api/v1/dev/sms-outbox')).json()) as Sms[];
  const notice = outbox.filter((m) => m.national_id === ID).pop();
  expect(notice?.code).toBe('');
  expect(notice?.message).toContain('تم تغيير الحساب البنكي');
  expect(outbox.filter((m) => m.national_id === ID && m.code !== '').length).toBe(before + 1);

  // The server says the same; the page shows the new account and when it applies.
  const account = await apiGet<{ masked_iban: string; last_change: { applies_from: { number: number } } }>(
    page,
    '/api/v1/me/bank-account',
  );
  expect(account.masked_iban).toBe('SA44****************1234');
  expect(account.last_change.applies_from.number).toBe(firstPaymentForChangeToday());
  await page.getByRole('button', { name: 'العودة إلى الحساب البنكي' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الحساب البنكي' })).toBeFocused();
  await expect(page.locator('.summary-list__value [dir="ltr"]')).toHaveText('SA44****************1234');
  await expect(page.getByText('تاريخ آخر تغيير')).toBeVisible();
  await noViolations(page, 'bank: changed');
});
