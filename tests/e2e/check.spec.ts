// The eligibility pre-check as a person meets it: one question per page, check your answers,
// the result with its reasons. In Arabic offline after the first load; in English by keyboard.
import { test, expect, type Page, type Locator } from '@playwright/test';

/** Presses Tab until `target` has focus (the way a keyboard user gets there). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('an eligible head of household with a dependent, in Arabic, offline after the first load', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'حساب المواطن' })).toBeVisible();
  // The first load is over once the app runs with the pre-check's code (src/lazy.rs).
  await page.waitForFunction(() => (window as unknown as { portalOfflineReady?: boolean }).portalOfflineReady === true);
  await context.setOffline(true);

  await page.getByRole('navigation').getByRole('link', { name: 'تحقق من الأهلية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تحقق من الأهلية' })).toBeVisible();
  await page.getByRole('link', { name: 'بدء التحقق' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'هل تتقدم رب أسرة أم فرداً مستقلاً؟' })).toBeFocused();
  await page.getByRole('radio', { name: 'رب أسرة' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ما تاريخ ميلادك؟' })).toBeVisible();
  await page.getByLabel('اليوم', { exact: true }).fill('٣١');
  await page.getByLabel('الشهر', { exact: true }).fill('٢');
  await page.getByLabel('السنة', { exact: true }).fill('١٤١٠');
  await page.getByRole('button', { name: 'متابعة' }).click();
  // No Hijri month has a 31st: the summary takes focus.
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'هذا التاريخ غير موجود في التقويم، تأكد من اليوم والشهر' })).toBeVisible();
  await expect(page).toHaveTitle(/^خطأ:/);
  await page.getByLabel('اليوم', { exact: true }).fill('١٥');
  await page.getByLabel('الشهر', { exact: true }).fill('٩');
  await expect(page.getByText(/^يوافق .*1990/)).toBeVisible();
  await page.getByRole('button', { name: 'متابعة' }).click();

  await page.getByRole('radio', { name: 'سعودي', exact: true }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /الأشهر الثلاثة الأخيرة/ })).toBeVisible();
  await page.getByRole('radio', { name: 'نعم' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /سجن/ })).toBeVisible();
  await page.getByRole('radio', { name: 'لا' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'هل لديك حساب بنكي باسمك؟' })).toBeVisible();
  await page.getByRole('radio', { name: 'نعم' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'التابعون' })).toBeVisible();
  await page.getByRole('radio', { name: 'نعم' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'إضافة تابع' })).toBeVisible();
  await page.getByRole('radio', { name: 'ابنة', exact: true }).check();
  await page.getByRole('radio', { name: 'ميلادي' }).check();
  await page.getByLabel('اليوم', { exact: true }).fill('1');
  await page.getByLabel('الشهر', { exact: true }).fill('1');
  await page.getByLabel('السنة', { exact: true }).fill('2015');
  await page.getByRole('radio', { name: 'سعودي', exact: true }).check();
  await page.getByRole('button', { name: 'إضافة التابع' }).click();
  await expect(page.getByText(/^التابع 1: ابنة، /)).toBeVisible();
  await page.getByRole('radio', { name: 'لا' }).check();
  await page.getByRole('button', { name: 'متابعة' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'راجع إجاباتك' })).toBeVisible();
  await expect(page.getByText('تابع واحد')).toBeVisible();
  // Change one answer: back to the question, then straight back to the answers.
  await page.getByRole('link', { name: 'تغيير الجنسية' }).click();
  await expect(page.getByRole('radio', { name: 'سعودي', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'راجع إجاباتك' })).toBeVisible();
  await page.getByRole('button', { name: 'عرض النتيجة' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'النتيجة المبدئية: مؤهل' })).toBeVisible();
  const conditions = page.locator('.criteria').first().getByRole('listitem');
  await expect(conditions).toHaveCount(4);
  for (const item of await conditions.all()) await expect(item).toContainText('✓ متحقق');
  await expect(page.getByText(/^عمرك اليوم: \S+ سنة\.$/)).toBeVisible();
  const dependents = page.locator('.criteria').nth(1).getByRole('listitem');
  await expect(dependents).toHaveCount(1);
  await expect(dependents.first()).toContainText(/^التابع 1: ابنة، \S+ سنة/);
  await expect(dependents.first()).toContainText('✓ مشمول');
  // Gregorian first, the Hijri date beside it; Western digits.
  await expect(page.getByText(/^تاريخ التحقق: \d+ \S+ \d{4}، الموافق .*هـ\.$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'طباعة' })).toBeVisible();

  // The answers survive a reload.
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'النتيجة المبدئية: مؤهل' })).toBeVisible();
});

test('a non-Saudi independent individual without a bank account, in English, by keyboard only', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('portal.lang', 'en'));
  await page.goto('/check');
  await expect(page.getByRole('heading', { level: 1, name: 'Check eligibility' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Start the check' }));
  await page.keyboard.press('Enter');

  const heading = page.getByRole('heading', { level: 1, name: /head of household or as an independent/ });
  await expect(heading).toBeFocused();
  // Continue without an answer: the summary takes focus; its link leads to the first option.
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await tabTo(page, page.getByRole('link', { name: 'Choose head of household or independent individual' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Head of household' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Independent individual' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'What is your date of birth?' })).toBeFocused();
  await tabTo(page, page.getByRole('radio', { name: 'Hijri' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Gregorian' })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('6');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1995');
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  /** Picks the n-th option (0-based) of the page's one radio question and continues. */
  async function answer(question: RegExp, option: number) {
    await expect(page.getByRole('heading', { level: 1, name: question })).toBeFocused();
    await page.keyboard.press('Tab');
    if (option === 0) await page.keyboard.press('Space');
    for (let i = 0; i < option; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, page.getByRole('button', { name: 'Continue' }));
    await page.keyboard.press('Enter');
  }
  await answer(/nationality/, 2); // Not Saudi
  await answer(/last three months/, 0); // Yes
  await answer(/prison/, 1); // No
  await answer(/bank account/, 1); // No
  await answer(/live separately/, 1); // No

  await expect(page.getByRole('heading', { level: 1, name: 'Dependents' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // No
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeFocused();
  await expect(page.getByText('No dependents')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'See the result' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Provisional result: not eligible' })).toBeFocused();
  const conditions = page.locator('.criteria').getByRole('listitem');
  await expect(conditions).toHaveCount(5);
  await expect(conditions.nth(0)).toContainText('✓ Met');
  await expect(conditions.nth(1)).toContainText('✗ Not met');
  await expect(conditions.nth(1)).toContainText('Support is for Saudi nationals and mobility-card holders.');
  await expect(conditions.nth(1)).toContainText('non-Saudi wife of a Saudi man');
  await expect(conditions.nth(2)).toContainText('✓ Met');
  await expect(conditions.nth(3)).toContainText('Open a bank account in your own name');
  await expect(conditions.nth(4)).toContainText('You have no proof that you live separately');
  await expect(page.getByText(/^Checked on .*, which is .* AH\.$/)).toBeVisible();
});

test('a deep link into an unfinished pre-check goes to the first unanswered question', async ({ page }) => {
  await page.goto('/check/result');
  await expect(page.getByRole('heading', { level: 1, name: 'هل تتقدم رب أسرة أم فرداً مستقلاً؟' })).toBeVisible();
  await expect(page).toHaveURL(/\/check\/applicant$/);
  await page.getByRole('link', { name: 'رجوع' }).click();
  await expect(page).toHaveURL(/\/check$/);
});
