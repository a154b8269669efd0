// The support estimate: household and income in, the estimate with its thresholds, steps,
// chart and disclaimer out; errors answered in the user's language.
import { test, expect } from '@playwright/test';

test('a couple with one child and 3,000 SAR of income, in Arabic, typed with Arabic digits, shown with Western ones', async ({ page }) => {
  await page.goto('/estimate');
  await expect(page.getByRole('heading', { level: 1, name: 'احسب الدعم التقديري' })).toBeVisible();
  await page.getByLabel('دخل الأسرة الشهري بالريال').fill('٤,٥٠٠');
  await page.getByRole('button', { name: 'احتساب الدعم' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'اختر رب أسرة أو فرد مستقل',
    'اكتب الدخل بالأرقام فقط، دون فواصل، مثل 4500',
  ]);
  await expect(page).toHaveTitle(/^خطأ:/);

  await page.getByRole('radio', { name: 'رب أسرة' }).check();
  await page.getByLabel('عدد التابعين الذين أعمارهم 18 سنة فأكثر').fill('١');
  await page.getByLabel('عدد التابعين دون 18 سنة').fill('١');
  await page.getByLabel('دخل الأسرة الشهري بالريال').fill('٣٠٠٠');
  await page.getByRole('button', { name: 'احتساب الدعم' }).click();

  const result = page.getByRole('region', { name: 'الدعم التقديري' });
  await expect(result.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(summary).toBeHidden();
  await expect(result.locator('.result__figure')).toHaveText('1,296\u00a0ر.س شهرياً');
  await expect(result).toContainText('تقديري، وليس مبلغاً رسمياً.');
  await expect(result.getByText(/^لا يُخفَّض الدعم ما دام دخل الأسرة 7,714\u00a0ر.س أو أقل/)).toBeVisible();
  await expect(result.getByText(/^يتوقف الدعم عندما يبلغ دخل الأسرة 15,428\u00a0ر.س/)).toBeVisible();
  const steps = result.getByRole('list').last().getByRole('listitem');
  await expect(steps.first()).toContainText('رب الأسرة');
  await expect(steps.first()).toContainText('720\u00a0ر.س');
  await expect(result.getByText(/لا يزيد على .*فلا يُخفَّض الدعم/)).toBeVisible();
  await expect(result.getByRole('img', { name: 'الدعم التقديري بحسب دخل الأسرة' })).toBeVisible();
  await expect(result.getByRole('button', { name: 'طباعة' })).toBeVisible();
});

test('a reduced estimate, in English', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('portal.lang', 'en'));
  await page.goto('/estimate');
  await page.getByRole('radio', { name: 'Head of household' }).check();
  await page.getByLabel('Number of dependents aged 18 or older').fill('1');
  await page.getByLabel('Number of dependents under 18').fill('1');
  await page.getByLabel('Household monthly income in SAR').fill('10000');
  await page.getByRole('button', { name: 'Calculate the support' }).click();
  const result = page.getByRole('region', { name: 'Estimated support' });
  await expect(result.locator('.result__figure')).toHaveText(/a month$/);
  await expect(result).toContainText('An estimate, not an official amount.');
  await expect(result.getByText(/^The support ends when the household's income reaches 15,428\u00a0SAR/)).toBeVisible();
  await expect(result.getByText(/is above .* so the support is reduced by/)).toBeVisible();
  await expect(result.getByRole('img', { name: 'Estimated support by household income' })).toBeVisible();

  // An independent individual is not asked about dependents.
  await page.getByRole('radio', { name: 'Independent individual' }).check();
  await expect(page.getByLabel('Number of dependents under 18')).toHaveCount(0);
});
