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

test('the English words are fetched only when someone chooses English, then every page opens in English', async ({ page }) => {
  // English is a text pack beside the app (crates/texts, src/i18n/english.rs), not in the wasm.
  const packs: string[] = [];
  page.on('request', (request) => {
    if (/\/texts-en-[0-9a-f]{16}\.txt$/.test(request.url())) packs.push(request.url());
  });
  await page.goto('/');
  await page.waitForFunction(() => (window as unknown as { portalStarted?: boolean }).portalStarted === true);
  expect(packs).toEqual([]);
  await page.getByRole('button', { name: 'Switch the site to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Citizen Account' })).toBeVisible();
  expect(packs).toHaveLength(1);
  await page.goto('/contact');
  await page.waitForFunction(() => (window as unknown as { portalStarted?: boolean }).portalStarted === true);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact us' })).toBeVisible();
});

test.describe('without the service worker, so the page itself fetches the English words', () => {
  test.use({ serviceWorkers: 'block' });

  test('when the English words cannot be fetched, the page stays Arabic and says so in English', async ({ page }) => {
    const pack = /\/texts-en-[0-9a-f]{16}\.txt$/;
    await page.route(pack, (route) => route.abort());
    await page.goto('/');
    await page.waitForFunction(() => (window as unknown as { portalStarted?: boolean }).portalStarted === true);
    const english = page.getByRole('button', { name: 'Switch the site to English' });
    await english.click();
    const message = page.getByRole('status').filter({ hasText: 'could not be loaded in English' });
    await expect(message).toBeVisible();
    await expect(message).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await page.unroute(pack);
    await english.click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Citizen Account' })).toBeVisible();
    await expect(page.getByText('could not be loaded in English')).toBeHidden();
  });
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

// An area is one route whose chunk chooses the page (src/area_pages.rs): a path it lacks is
// still a real 404 and the not-found page, without asking who is signed in.
test('an unknown page inside an area is a 404 and says so', async ({ page }) => {
  for (const path of ['/check/nope', '/login/verify/nope', '/account/nope']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'الصفحة غير موجودة' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
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

test('the footer and the about page say this copy is a demonstration, not the official portal', async ({ page }) => {
  const demo = 'هذه نسخة تجريبية للعرض، وليست البوابة الرسمية لحساب المواطن.';
  await page.goto('/');
  await expect(page.getByRole('contentinfo').getByText(demo)).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'عن البرنامج' }).click();
  await expect(page.getByRole('main').getByText(demo)).toBeVisible();
  await page.getByRole('button', { name: 'Switch the site to English' }).click();
  await expect(page.getByRole('contentinfo')).toContainText(
    'This is a demonstration copy, not the official Citizen Account portal.',
  );
});

test('the contact page lists the offices in the 13 regions, each to be confirmed', async ({ page }) => {
  await page.goto('/contact');
  await expect(page.getByRole('heading', { level: 2, name: 'المكاتب في المناطق' })).toBeVisible();
  const offices = page.getByRole('table', { name: 'المكاتب في المناطق' });
  await expect(offices.getByRole('row')).toHaveCount(14);
  await expect(offices.getByRole('row', { name: /منطقة الجوف/ })).toContainText('سكاكا');
  await expect(offices.getByText('بحاجة إلى تأكيد')).toHaveCount(13);
  await expect(offices.getByRole('row', { name: /منطقة الرياض/ })).toContainText(/من 8:00 .* إلى 8:00/);
  await expect(page.getByRole('link', { name: '19911' })).toBeVisible();
});

test('printing leaves out the navigation, the tools and the buttons, and keeps the content', async ({ page }) => {
  await page.goto('/estimate');
  await page.getByRole('radio', { name: 'فرد مستقل' }).check();
  await page.getByLabel('دخل الأسرة الشهري بالريال').fill('0');
  await page.getByRole('button', { name: 'احتساب الدعم' }).click();
  const result = page.getByRole('region', { name: 'الدعم التقديري' });
  const print = result.getByRole('button', { name: 'طباعة' });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('link', { name: 'انتقل إلى المحتوى الرئيسي' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Switch the site to English' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'أدوات سهولة الوصول' })).toBeHidden();
  await expect(print).toBeHidden();
  await expect(result.locator('.result__figure')).toHaveText('720\u00a0ر.س شهرياً');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation')).toBeVisible();
});
