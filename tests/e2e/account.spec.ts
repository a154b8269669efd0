// The seed's core journey against the real server in demo mode, driven by labels: log in with
// national ID, password and the code from the demo SMS outbox; open "المدفوعات المالية";
// press "اعتراض" on the newest paid payment; submit; follow it in "اعتراضاتي". Each test uses
// its own demo account, so the tests cannot disturb one another or the other spec files.
import { test, expect, type Page } from '@playwright/test';
import { WORDS, apiGet, codes, logIn, logInHere, newCode, useLanguage, PASSWORD } from './account-helpers';

test.describe.configure({ mode: 'serial' });

/** The account's objections, as the API lists them (asked from the page, with its cookie). */
async function objectionsOn(page: Page, cycle: number) {
  const list = await apiGet<{ reference: string; cycle: number | null }[]>(page, '/api/v1/objections');
  return list.filter((o) => o.cycle === cycle);
}

/** From the payments page: "اعتراض" on the newest allowed payment, reason, description. */
async function startObjection(page: Page, lang: 'ar' | 'en' = 'ar') {
  const ar = lang === 'ar';
  await page.getByRole('button', { name: ar ? 'اعتراض' : 'Object', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: ar ? 'تقديم اعتراض' : 'File an objection' })).toBeVisible();
  const cycle = Number(new URL(page.url()).searchParams.get('cycle'));
  await page.getByRole('radio', { name: ar ? 'المبلغ أقل من المستحق' : 'The amount is less than due' }).check();
  await page.getByLabel(ar ? 'وصف الاعتراض' : 'Describe your objection', { exact: true }).fill(
    ar ? 'صُرف لنا أقل من المعتاد مع أن الدخل لم يتغير.' : 'We were paid less than usual though our income did not change.',
  );
  await expect(page.getByText(ar ? /بقي لك \S+ حرف/ : /You have \d+ characters left/)).toBeVisible();
  await page.getByRole('button', { name: ar ? 'متابعة' : 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ar ? 'راجع اعتراضك' : 'Check your objection' })).toBeVisible();
  return cycle;
}

test('log in, open the payments, object to the newest paid payment, follow it (Arabic)', async ({ page }) => {
  await page.goto('/login');
  // Arabic-Indic digits, as typed on an Arabic keyboard.
  await logInHere(page, '١٠٠٠٠٠٠٠٠٨');
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'حسابي' })).toBeVisible();
  await expect(page.getByText('مرحباً، عبدالله محمد القحطاني')).toBeVisible();

  await page.getByRole('link', { name: 'المدفوعات المالية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'المدفوعات المالية' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'مبالغ آخر 24 شهراً' })).toBeVisible();
  const newest = page.getByRole('row').nth(1);
  await expect(newest.getByText('مدفوعة')).toBeVisible();
  const firstButton = page.getByRole('button', { name: 'اعتراض', exact: true }).first();
  await expect(firstButton).toHaveAccessibleDescription(/الدفعة .*الاعتراض متاح حتى/);

  const cycle = await startObjection(page);
  await expect(page.getByText('المبلغ أقل من المستحق')).toBeVisible();
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تم تقديم اعتراضك' })).toBeVisible();
  const reference = (await page.locator('.confirmation__reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^OB-\d{8}$/);
  await expect(page.getByRole('heading', { name: 'ماذا يحدث بعد ذلك؟' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('portal.objection-draft'))).toBeNull();
  // The confirmation prints with its reference, date and text, without the menu or buttons.
  const print = page.getByRole('button', { name: 'طباعة' });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(print).toBeHidden();
  await expect(page.locator('.confirmation__reference')).toHaveText(reference);
  await expect(page.getByText('صُرف لنا أقل من المعتاد')).toBeVisible();
  await expect(page.getByText('تاريخ التقديم')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('link', { name: 'اعتراضاتي' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'اعتراضاتي' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row).toBeVisible();
  await expect(row.getByText('تحت الدراسة')).toBeVisible();
  expect(await objectionsOn(page, cycle)).toHaveLength(1);

  // The payment's own page now says why there is no second objection.
  await page.goto(`/account/payments/${cycle}`);
  await expect(page.getByRole('heading', { level: 1, name: 'تفاصيل الدفعة' })).toBeVisible();
  await expect(page.getByText('لديك اعتراض تحت الدراسة على هذا')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'لماذا هذا المبلغ؟' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'طباعة' })).toBeVisible();
});

test('a double submit files one objection', async ({ page }) => {
  await logIn(page, '1000000016');
  await page.getByRole('link', { name: 'المدفوعات المالية' }).click();
  const cycle = await startObjection(page);
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/objections')) posts += 1;
  });
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'تم تقديم اعتراضك' })).toBeVisible();
  expect(posts).toBe(1);
  expect(await objectionsOn(page, cycle)).toHaveLength(1);
});

test('going offline during submit keeps the draft, and a retry files once', async ({ page, context }) => {
  await logIn(page, '1000000024');
  await page.getByRole('link', { name: 'المدفوعات المالية' }).click();
  const cycle = await startObjection(page);
  const draft = await page.evaluate(() => localStorage.getItem('portal.objection-draft'));
  expect(draft).toContain('"key"');

  await context.setOffline(true);
  await expect(page.getByText('أنت غير متصل بالإنترنت')).toBeVisible();
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page.getByRole('alert').getByText(/تعذّر الاتصال بالخادم/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'تقديم الاعتراض' })).toBeEnabled();
  expect(await page.evaluate(() => localStorage.getItem('portal.objection-draft'))).toBe(draft);
  await context.setOffline(false);

  // The server files it but the answer is lost on the way back.
  await page.route('**/api/v1/objections', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page.getByRole('alert').getByText(/تعذّر الاتصال بالخادم/)).toBeVisible();
  await page.unroute('**/api/v1/objections');
  expect(await objectionsOn(page, cycle)).toHaveLength(1);

  // A reload keeps the draft and its key; the retry gets the first answer back.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'راجع اعتراضك' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('portal.objection-draft'))).toBe(draft);
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تم تقديم اعتراضك' })).toBeVisible();
  const filed = await objectionsOn(page, cycle);
  expect(filed).toHaveLength(1);
  await expect(page.locator('.confirmation__reference')).toHaveText(filed[0].reference);
});

test('a wrong ID, a wrong password and a wrong code give the right messages', async ({ page }) => {
  const id = '1000000057';
  let sessionPosts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/session')) sessionPosts += 1;
  });
  await page.goto('/login');
  await page.getByLabel('رقم الهوية', { exact: true }).fill('1000000000');
  await page.getByLabel('كلمة المرور', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.locator('.error-summary').first()).toBeFocused();
  await expect(page.getByRole('link', { name: 'رقم الهوية غير صحيح، تأكد من الأرقام' })).toBeVisible();
  expect(sessionPosts).toBe(0);

  await page.getByLabel('رقم الهوية', { exact: true }).fill(id);
  await page.getByLabel('كلمة المرور', { exact: true }).fill('Wrong@2026');
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.getByRole('link', { name: 'رقم الهوية أو كلمة المرور غير صحيحة' })).toBeVisible();
  await expect(page).toHaveTitle(/^خطأ:/);

  const before = (await codes(page, id)).length;
  await page.getByLabel('كلمة المرور', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'تسجيل الدخول' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'أدخل رمز التحقق' })).toBeVisible();
  await expect(page.getByText(/05\*+12/)).toBeVisible();
  await expect(page.getByText(/يمكنك طلب رمز جديد بعد/)).toBeVisible();
  const code = await newCode(page, id, before);
  await page.getByLabel('رمز التحقق', { exact: true }).fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'التحقق', exact: true }).click();
  await expect(page.getByRole('alert').getByText('رمز التحقق غير صحيح، بقيت لك محاولتان')).toBeVisible();
  await page.getByLabel('رمز التحقق', { exact: true }).fill(code);
  await page.getByRole('button', { name: 'التحقق', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'حسابي' })).toBeVisible();
});

test('a signed-out deep link comes back after login, and the journey works in English', async ({ page }) => {
  await useLanguage(page, 'en');
  await page.goto('/account/payments');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fpayments$/);
  await expect(page.getByText('Log in to continue.')).toBeVisible();
  await logInHere(page, '1000000032', 'en');
  await expect(page).toHaveURL(/\/account\/payments$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Financial payments' })).toBeVisible();
  const cycle = await startObjection(page, 'en');
  await page.getByRole('button', { name: 'Submit objection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your objection has been filed' })).toBeVisible();
  const reference = (await page.locator('.confirmation__reference').textContent())?.trim() ?? '';
  await page.getByRole('link', { name: 'My objections' }).click();
  const row = page.getByRole('row', { name: new RegExp(reference) });
  await expect(row.getByText('Under review')).toBeVisible();
  expect(await objectionsOn(page, cycle)).toHaveLength(1);
});

test('an ended session sends to login and back without losing the draft', async ({ page, context }) => {
  await logIn(page, '1000000065');
  await page.getByRole('link', { name: 'المدفوعات المالية' }).click();
  // The newest payment is being processed: no "اعتراض" on it.
  await expect(page.getByRole('row').nth(1).getByText('تحت الإجراء للصرف')).toBeVisible();
  await expect(page.getByRole('row').nth(1).getByRole('button')).toHaveCount(0);
  const cycle = await startObjection(page);
  await context.clearCookies();
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fobjections%2Freview$/);
  await logInHere(page, '1000000065');
  await expect(page.getByRole('heading', { level: 1, name: 'راجع اعتراضك' })).toBeVisible();
  await expect(page.getByText('صُرف لنا أقل من المعتاد')).toBeVisible();
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تم تقديم اعتراضك' })).toBeVisible();
  expect(await objectionsOn(page, cycle)).toHaveLength(1);
});

test('eligibility reasons in words, an eligibility objection, and the idle warning', async ({ page }) => {
  await page.clock.install();
  await logIn(page, '1000000040');
  await page.getByRole('link', { name: 'الأهلية' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'الأهلية' })).toBeVisible();
  await expect(page.getByText('لا يوجد حساب بنكي مسجل باسم مقدم الطلب.')).toBeVisible();
  await page.getByRole('button', { name: 'اعتراض', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'تقديم اعتراض' })).toBeVisible();
  await page.getByRole('radio', { name: 'لا يوجد حساب بنكي مسجل باسم مقدم الطلب.' }).check();
  await page.getByLabel('وصف الاعتراض', { exact: true }).fill('فتحت حساباً بنكياً باسمي.');
  await page.getByRole('button', { name: 'متابعة' }).click();
  await page.getByRole('button', { name: 'تقديم الاعتراض' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'تم تقديم اعتراضك' })).toBeVisible();

  // Every request of the page answered first: an answer that lands after the jump would count
  // as activity and push the warning back.
  await page.waitForLoadState('networkidle');
  // Thirteen and a half quiet minutes (the warning opens at 13:00; the margin absorbs the
  // seconds the last answers took under load): it opens and takes focus; staying keeps the
  // session.
  await page.clock.fastForward('13:30');
  const dialog = page.getByRole('dialog', { name: 'هل ما زلت هنا؟' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'تمديد الجلسة' })).toBeFocused();
  await dialog.getByRole('button', { name: 'تمديد الجلسة' }).click();
  await expect(dialog).toBeHidden();
  // Fifteen more: signed out, sent to the login page with the way back.
  await page.clock.fastForward('15:05');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByText('انتهت جلستك لعدم النشاط')).toBeVisible();
});
