// The README's screenshots, taken on a phone-sized screen from the real build and server.
// Runs only through scripts/screenshots (E2E_SCREENSHOTS=1), which writes docs/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { hijriDaysAgo, logIn, useLanguage } from './account-helpers';

test.skip(!process.env.E2E_SCREENSHOTS, 'only through scripts/screenshots');
test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `docs/screenshots/${name}.png` });

/** Waits until the app has taken over the prerendered page and the network is quiet. */
async function settled(page: Page) {
  await page.waitForFunction(() => (window as { portalStarted?: boolean }).portalStarted === true);
  await page.waitForLoadState('networkidle');
}

test('home in Arabic and in English', async ({ page, browser }) => {
  await page.goto('/');
  await settled(page);
  await shot(page, 'home-ar');
  const english = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await useLanguage(english, 'en');
  await english.goto('/');
  await settled(english);
  await shot(english, 'home-en');
  await english.close();
});

test('payments and an objection', async ({ page }) => {
  await logIn(page, '1000000008');
  await page.getByRole('link', { name: 'المدفوعات المالية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'المدفوعات المالية' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shot(page, 'payments-ar');
  await page.getByRole('button', { name: 'اعتراض', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'تقديم اعتراض' })).toBeVisible();
  await page.getByRole('radio', { name: 'المبلغ أقل من المستحق' }).check();
  await page.getByLabel('وصف الاعتراض', { exact: true }).fill('صُرف لنا أقل من المعتاد مع أن الدخل لم يتغير.');
  await shot(page, 'objection-ar');
});

test('the bank account', async ({ page }) => {
  await logIn(page, '1000000107');
  await page.getByRole('link', { name: 'الحساب البنكي', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الحساب البنكي' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shot(page, 'bank-ar');
});

test('a household change, previewed by the shared rules', async ({ page }) => {
  await logIn(page, '1000000115');
  await page.getByRole('link', { name: 'تحديث البيانات', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تحديث البيانات' })).toBeVisible();
  await page.getByRole('radio', { name: 'إضافة فرد إلى الأسرة', exact: true }).check();
  await page.getByRole('radio', { name: 'ابنة', exact: true }).check();
  await page.getByLabel('الاسم الكامل', { exact: true }).fill('جنى ناصر العمري');
  await page.getByRole('radio', { name: 'سعودية', exact: true }).check();
  const [day, month, year] = hijriDaysAgo(20);
  await page.getByLabel('اليوم', { exact: true }).fill(day);
  await page.getByLabel('الشهر', { exact: true }).fill(month);
  await page.getByLabel('السنة', { exact: true }).fill(year);
  await page.getByRole('button', { name: 'معاينة التحديث', exact: true }).click();
  const preview = page.getByRole('heading', { level: 2, name: 'أثر التحديث قبل إرساله' });
  await expect(preview).toBeVisible();
  await preview.scrollIntoViewIfNeeded();
  await shot(page, 'household-ar');
});
