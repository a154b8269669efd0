// «تحديث البيانات» (/account/household), issue #13, with its own demo account 1000000115 (a
// wife, a son and a daughter; one sign-in per run): relation words carry sex; a bad date keeps
// what was typed and the error summary takes focus; a new daughter shows eligible with a
// higher estimate beside today's; a lost answer keeps the preview and a retry files once; the
// request is listed with its reference; an income above the cap takes the support to 0. axe
// finds nothing at each step, at the default width and at 360 px, in Arabic and in English.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { apiGet, hijriDaysAgo, logIn } from './account-helpers';
import { expectEveryWord } from './words';

const ID = '1000000115';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe at this width and at 360 px (a small phone). */
async function noViolations(page: Page, what: string) {
  const size = page.viewportSize();
  for (const width of [size?.width ?? 1280, 360]) {
    await page.setViewportSize({ width, height: size?.height ?? 720 });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = results.violations.map(
      (v) => `${what} at ${width}px: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(found, found.join('\n')).toEqual([]);
    await expectEveryWord(page, what);
  }
  if (size) await page.setViewportSize(size);
}

type Change = { reference: string; status: string; kind: string };

test('a household change: preview with the shared rules, then a request with a reference', async ({ page }) => {
  test.setTimeout(180_000);
  await logIn(page, ID);

  // The eligibility page names each member's relation with their sex.
  await page.getByRole('link', { name: 'الأهلية', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الأهلية' })).toBeVisible();
  for (const word of ['الزوجة', 'ابن', 'ابنة']) {
    await expect(page.locator('.member .hint').getByText(word, { exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: 'تحديث البيانات', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تحديث البيانات' })).toBeVisible();
  const today = page.locator('.summary-list');
  await expect(today.getByText('الزوجة', { exact: true })).toBeVisible();
  await expect(today.getByText('ابنة', { exact: true })).toBeVisible();
  await expect(today.getByText('3,000.00\u00a0ر.س')).toBeVisible();
  await expect(page.getByText('لم ترسل أي طلب تحديث بعد.')).toBeVisible();
  await noViolations(page, 'the household');

  // Nothing chosen: the summary takes focus and names the question.
  await page.getByRole('button', { name: 'معاينة التحديث', exact: true }).click();
  const summary = page.locator('.error-summary').first();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'اختر نوع التحديث' })).toBeVisible();
  await expect(page).toHaveTitle(/^خطأ:/);
  await noViolations(page, 'nothing chosen');

  // A new daughter, with a date that does not exist: what was typed stays.
  await page.getByRole('radio', { name: 'إضافة فرد إلى الأسرة', exact: true }).check();
  await page.getByRole('radio', { name: 'ابنة', exact: true }).check();
  await page.getByLabel('الاسم الكامل', { exact: true }).fill('جنى ناصر العمري');
  await page.getByRole('radio', { name: 'سعودية', exact: true }).check();
  // Saudi: the Hijri calendar is chosen for the date.
  await expect(page.getByRole('radio', { name: 'هجري', exact: true })).toBeChecked();
  await page.getByLabel('اليوم', { exact: true }).fill('٣١');
  await page.getByLabel('الشهر', { exact: true }).fill('13');
  await page.getByLabel('السنة', { exact: true }).fill('1447');
  await page.getByRole('button', { name: 'معاينة التحديث', exact: true }).click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /هذا التاريخ غير موجود/ })).toBeVisible();
  await expect(page.getByLabel('اليوم', { exact: true })).toHaveValue('٣١');
  await expect(page.getByLabel('الاسم الكامل', { exact: true })).toHaveValue('جنى ناصر العمري');
  await expect(page.getByRole('radio', { name: 'ابنة', exact: true })).toBeChecked();
  await noViolations(page, 'a bad date');

  const [day, month, year] = hijriDaysAgo(20);
  await page.getByLabel('اليوم', { exact: true }).fill(day);
  await page.getByLabel('الشهر', { exact: true }).fill(month);
  await page.getByLabel('السنة', { exact: true }).fill(year);
  await page.getByRole('button', { name: 'معاينة التحديث', exact: true }).click();

  // The preview: today's household and the changed one, side by side.
  const preview = page.getByRole('heading', { level: 2, name: 'أثر التحديث قبل إرساله' });
  await expect(preview).toBeFocused();
  const daughter = page.getByRole('row', { name: /جنى ناصر العمري/ });
  await expect(daughter.getByRole('cell').nth(0)).toHaveText('ليس ضمن الأسرة');
  await expect(daughter.getByRole('cell').nth(1)).toHaveText('✓ مؤهل');
  const support = page.getByRole('row', { name: /الدعم الشهري التقديري/ });
  await expect(support.getByRole('cell').nth(0)).toHaveText('1,512\u00a0ر.س');
  await expect(support.getByRole('cell').nth(1)).toHaveText('1,728\u00a0ر.س');
  await expect(page.getByText('الدعم المعروض تقدير وليس مبلغاً رسمياً.')).toBeVisible();
  await expect(page.getByText(/^يُطبَّق التحديث من الدفعة رقم \d+ بتاريخ .+ إذا قُبل الطلب\.$/)).toBeVisible();
  await noViolations(page, 'the preview');

  // The answer is lost: the preview stays, with the problem, and a retry files once.
  await page.route('**/api/v1/me/household-changes', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.fallback());
  await page.getByRole('button', { name: 'إرسال الطلب', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('تعذّر الاتصال بالخادم');
  await expect(daughter).toBeVisible();
  await page.unroute('**/api/v1/me/household-changes');
  await page.getByRole('button', { name: 'إرسال الطلب', exact: true }).click();

  const sent = page.getByRole('heading', { level: 2, name: 'أُرسل طلب التحديث' });
  await expect(sent).toBeFocused();
  const status = page.getByRole('status').filter({ hasText: /رقم الطلب HC-\d{8}/ });
  await expect(status).toContainText('تحت الدراسة');
  const reference = /HC-\d{8}/.exec((await status.textContent()) ?? '')?.[0] ?? '';
  const listed = page.locator('.ticket').filter({ hasText: reference });
  await expect(listed).toContainText('إضافة جنى ناصر العمري');
  await expect(listed).toContainText('تحت الدراسة');
  const changes = await apiGet<Change[]>(page, '/api/v1/me/household-changes');
  expect(changes[0]).toMatchObject({ reference, status: 'under_review', kind: 'add_dependent' });
  expect(changes.filter((c) => c.reference === reference)).toHaveLength(1);
  await noViolations(page, 'sent');

  // An income above the cap: the support falls to 0.
  await page.getByRole('button', { name: 'تحديث آخر', exact: true }).click();
  await page.getByRole('radio', { name: 'تغيّر دخل الأسرة الشهري', exact: true }).check();
  await page.getByLabel('دخل الأسرة الشهري الجديد بالريال', { exact: true }).fill('٢٥٠٠٠');
  await page.getByRole('button', { name: 'معاينة التحديث', exact: true }).click();
  await expect(preview).toBeFocused();
  await expect(support.getByRole('cell').nth(0)).toHaveText('1,512\u00a0ر.س');
  await expect(support.getByRole('cell').nth(1)).toHaveText('0\u00a0ر.س');
  const income = page.getByRole('row', { name: /^دخل الأسرة الشهري/ });
  await expect(income.getByRole('cell').nth(1)).toHaveText('25,000.00\u00a0ر.س');
  await noViolations(page, 'an income above the cap');

  // Back to the form: the income typed is still there.
  await page.getByRole('button', { name: 'تعديل التحديث', exact: true }).click();
  await expect(page.getByLabel('دخل الأسرة الشهري الجديد بالريال', { exact: true })).toHaveValue('٢٥٠٠٠');

  // In English, the same page and answers: the words follow the language, sex included.
  await page.getByRole('button', { name: 'Switch the site to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Update your details' })).toBeVisible();
  await expect(today.getByText('Wife', { exact: true })).toBeVisible();
  await expect(today.getByText('Daughter', { exact: true })).toBeVisible();
  await expect(page.getByLabel('New monthly household income, in SAR', { exact: true })).toHaveValue('٢٥٠٠٠');
  await expect(page.locator('.ticket').filter({ hasText: reference })).toContainText('Add جنى ناصر العمري');
  await noViolations(page, 'the form in English');
  await page.getByRole('button', { name: 'Preview the change', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What the change would do' })).toBeFocused();
  await expect(page.getByRole('row', { name: /Estimated monthly support/ }).getByRole('cell').nth(1)).toHaveText('0\u00a0SAR');
  await noViolations(page, 'the preview in English');
});
