// Route chunks (src/lazy.rs): a page whose code does not arrive (no network before it was
// ever fetched, or a new deployment removed the file) says so and offers a retry, instead of a
// blank or broken app; the retry loads the page once the file can be fetched.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectEveryWord } from './words';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LOGIN_CHUNK = /\/split_login-[0-9a-f]+\.wasm$/;

test('a chunk that does not load gives a page with a retry, and the retry loads the page', async ({ page }) => {
  await page.route(LOGIN_CHUNK, (route) => route.abort());
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'تعذّر تحميل هذا الجزء من البوابة' })).toBeVisible();
  const retry = page.getByRole('button', { name: 'إعادة المحاولة' });
  await expect(retry).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expectEveryWord(page, 'the page saying the chunk did not arrive');

  await page.unroute(LOGIN_CHUNK);
  await Promise.all([page.waitForEvent('load'), retry.click()]);
  await expect(page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' })).toBeVisible();
  await page.waitForFunction(() => (window as unknown as { portalStarted?: boolean }).portalStarted === true);
  await expect(page.getByRole('heading', { level: 1, name: 'تعذّر تحميل هذا الجزء من البوابة' })).toHaveCount(0);
});
