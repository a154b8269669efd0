// Several servers behind a load balancer (scripts/cluster: two processes on one PostgreSQL,
// nginx round robin, no sticky sessions). Runs only there (E2E_CLUSTER=1). nginx says which
// process answered in `X-Upstream`. Account 1000000081 is this spec's own.
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './account-helpers';

const ACCOUNT = '1000000081';
const upstreams = (process.env.E2E_UPSTREAMS ?? '').split(',').filter(Boolean);

test.skip(!process.env.E2E_CLUSTER, 'only through scripts/cluster');

type Answer = { status: number; upstream: string; body: string };

/** A request from inside the page, as the app makes it (its cookie, its origin). */
async function call(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const response = await fetch(path, {
        method,
        headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: response.status, upstream: response.headers.get('x-upstream') ?? '', body: await response.text() };
    },
    { method, path, body, headers },
  );
}

test('signed in on one process, served by both; an objection retried across them is filed once; sign-out holds everywhere', async ({ page }) => {
  expect(upstreams).toHaveLength(2);
  await logIn(page, ACCOUNT);

  // Round robin, no stickiness: the same session is served by both processes.
  const seen = new Set<string>();
  for (let i = 0; i < 6; i++) {
    const me = await call(page, 'GET', '/api/v1/me');
    expect(me.status, me.body).toBe(200);
    seen.add(me.upstream);
  }
  expect([...seen].sort()).toEqual([...upstreams].sort());

  // The pages work whichever process answers.
  await page.goto('/account/payments');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // The same objection with the same Idempotency-Key, sent until both processes answered it.
  const payments = JSON.parse((await call(page, 'GET', '/api/v1/payments')).body) as { cycle: number }[];
  let filed: Answer | undefined;
  const answeredBy = new Set<string>();
  const key = `cluster-${Date.now()}`;
  for (const payment of payments) {
    const body = { kind: 'financial', cycle: payment.cycle, reason: 'short_payment', description: 'المبلغ أقل من المتوقع' };
    const first = await call(page, 'POST', '/api/v1/objections', body, { 'idempotency-key': key });
    if (first.status !== 201) continue; // this payment cannot take an objection: try the next
    filed = first;
    answeredBy.add(first.upstream);
    for (let i = 0; i < 4; i++) {
      const retry = await call(page, 'POST', '/api/v1/objections', body, { 'idempotency-key': key });
      expect(retry.status).toBe(201);
      expect(JSON.parse(retry.body).reference).toBe(JSON.parse(first.body).reference);
      answeredBy.add(retry.upstream);
    }
    break;
  }
  expect(filed, 'one payment took an objection').toBeDefined();
  expect([...answeredBy].sort()).toEqual([...upstreams].sort());
  const mine = JSON.parse((await call(page, 'GET', '/api/v1/objections')).body) as { reference: string }[];
  expect(mine.filter((o) => o.reference === JSON.parse(filed!.body).reference)).toHaveLength(1);

  // Sign out through one process; keep the old cookie and ask both. Within 5 seconds (the
  // documented delay of the other process's session memory) both refuse it.
  const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-portal_session');
  expect(cookie).toBeDefined();
  const out = await call(page, 'DELETE', '/api/v1/session');
  expect(out.status).toBe(204);
  await page.context().addCookies([cookie!]);
  const started = Date.now();
  await expect
    .poll(
      async () => {
        const answers = [await call(page, 'GET', '/api/v1/me'), await call(page, 'GET', '/api/v1/me')];
        return answers.every((a) => a.status === 401);
      },
      { timeout: 6_000, intervals: [250] },
    )
    .toBe(true);
  expect(Date.now() - started).toBeLessThan(6_000);
});
