// axe-core (WCAG 2.0/2.1 A and AA, 2.2 AA) on every account page and form state, in Arabic
// and in English: login and code (empty, with errors), the account home, eligibility,
// payments and a payment, the objection steps (empty, with errors, filled), the confirmation,
// "اعتراضاتي", "صوتك مسموع" and a new request. No rule is disabled. Each language uses its
// own demo account, so this file never disturbs the journey specs.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { WORDS, logInHere, useLanguage } from './account-helpers';
import { expectEveryWord } from './words';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function noViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = results.violations.map(
    (v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, found.join('\n')).toEqual([]);
  await expectEveryWord(page, what);
}

const CASES = [
  { lang: 'ar' as const, id: '1000000073', h: { eligibility: 'الأهلية', payments: 'المدفوعات المالية', payment: 'تفاصيل الدفعة', object: 'اعتراض', newObjection: 'تقديم اعتراض', cont: 'متابعة', review: 'راجع اعتراضك', submit: 'تقديم الاعتراض', filed: 'تم تقديم اعتراضك', objections: 'اعتراضاتي', tickets: 'صوتك مسموع', newTicket: 'طلب جديد', send: 'إرسال الطلب', description: 'وصف الاعتراض', reason: 'مبلغ الدفعة صفر' } },
  { lang: 'en' as const, id: '2000000006', h: { eligibility: 'Eligibility', payments: 'Financial payments', payment: 'Payment details', object: 'Object', newObjection: 'File an objection', cont: 'Continue', review: 'Check your objection', submit: 'Submit objection', filed: 'Your objection has been filed', objections: 'My objections', tickets: 'Your Voice Is Heard', newTicket: 'New request', send: 'Send request', description: 'Describe your objection', reason: 'The amount is zero' } },
];

for (const { lang, id, h } of CASES) {
  test(`no axe violation on the account pages: ${lang}`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    await useLanguage(page, lang);
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: w.login })).toBeVisible();
    await noViolations(page, 'login');
    await page.getByRole('button', { name: w.login, exact: true }).click();
    await expect(page.locator('.error-summary').first()).toBeFocused();
    await noViolations(page, 'login with errors');

    await logInHere(page, id, lang);
    await expect(page.getByRole('heading', { level: 1, name: w.account })).toBeVisible();
    await expect(page.locator('.card .tag').first()).toBeVisible();
    await noViolations(page, 'account home');

    await page.getByRole('link', { name: h.eligibility, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: h.eligibility })).toBeVisible();
    await expect(page.locator('.member').first()).toBeVisible();
    await noViolations(page, 'eligibility');

    await page.getByRole('link', { name: h.payments, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: h.payments })).toBeVisible();
    await expect(page.locator('table')).toBeVisible();
    await noViolations(page, 'payments');

    await page.getByRole('row').nth(1).getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: h.payment })).toBeVisible();
    await expect(page.locator('.steps li').first()).toBeVisible();
    await noViolations(page, 'a payment');

    await page.goBack();
    await page.getByRole('button', { name: h.object, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: h.newObjection })).toBeVisible();
    await noViolations(page, 'objection details');
    await page.getByRole('button', { name: h.cont }).click();
    await expect(page.locator('.error-summary').first()).toBeFocused();
    await noViolations(page, 'objection details with errors');
    await page.getByRole('radio', { name: h.reason }).check();
    await page.getByLabel(h.description, { exact: true }).fill('x'.repeat(501));
    await page.getByRole('button', { name: h.cont }).click();
    await expect(page.locator('.character-count--over')).toBeVisible();
    await noViolations(page, 'objection details, too long');
    await page.getByLabel(h.description, { exact: true }).fill('Nothing reached the bank account.');
    await page.getByRole('button', { name: h.cont }).click();
    await expect(page.getByRole('heading', { level: 1, name: h.review })).toBeVisible();
    await noViolations(page, 'objection review');
    await page.getByRole('button', { name: h.submit }).click();
    await expect(page.getByRole('heading', { level: 1, name: h.filed })).toBeVisible();
    await noViolations(page, 'objection confirmation');

    await page.getByRole('link', { name: h.objections, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: h.objections })).toBeVisible();
    await expect(page.locator('table')).toBeVisible();
    await noViolations(page, 'my objections');

    await page.getByRole('link', { name: h.tickets, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: h.tickets })).toBeVisible();
    await expect(page.locator('.loading')).toHaveCount(0);
    await noViolations(page, 'tickets');
    await page.goto('/account/tickets/new');
    await expect(page.getByRole('heading', { level: 1, name: h.newTicket })).toBeVisible();
    await page.getByRole('button', { name: h.send }).click();
    await expect(page.locator('.error-summary').first()).toBeFocused();
    await noViolations(page, 'new request with errors');
  });
}

test('no axe violation on the code page, empty and with an error', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('رقم الهوية', { exact: true }).fill('1000000073');
  await page.getByLabel('كلمة المرور', { exact: true }).fill('Demo@2026');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'أدخل رمز التحقق' })).toBeVisible();
  await noViolations(page, 'code');
  await page.getByRole('button', { name: 'التحقق', exact: true }).click();
  await expect(page.locator('.error-summary').first()).toBeFocused();
  await noViolations(page, 'code with errors');
});
