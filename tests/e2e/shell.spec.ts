// The app shell as a person meets it: Arabic and right-to-left first, a language switch that
// is remembered, deep links, a real 404, and the server's headers.
import { test, expect } from '@playwright/test';

test('the home page is Arabic and right-to-left, and the app runs under the CSP', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).not.toContain("'unsafe-inline'");
  await expect(page.getByRole('heading', { level: 1, name: 'حساب المواطن' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(violations).toEqual([]);
});

test('switching to English flips lang and dir, and is remembered after a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch the site to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: 'Citizen Account' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('button', { name: 'حوّل الموقع إلى العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

test('a deep link opens its page, and an unknown page says so', async ({ page }) => {
  await page.goto('/contact');
  await expect(page.getByRole('heading', { level: 1, name: 'تواصل معنا' })).toBeVisible();
  await expect(page).toHaveTitle(/تواصل معنا/);
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' })).toBeVisible();
  await page.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the API answers JSON: health, and a JSON 404 for an unknown path', async ({ request }) => {
  const health = await request.get('/api/v1/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: true, demo: true });
  const missing = await request.get('/api/v1/nope');
  expect(missing.status()).toBe(404);
  expect(missing.headers()['content-type']).toContain('application/json');
  expect(await missing.json()).toMatchObject({ code: 'not_found' });
});

test('the keyboard reaches the skip link first and it moves to the content', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'انتقل إلى المحتوى الرئيسي' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
});
