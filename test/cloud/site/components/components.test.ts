import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { jsx, type Child } from 'hono/jsx';
import { DateTime, DoneNotice, ErrorSummary, Field, Form, formatMoney, Layout, Money, Pager, Select, Table, visibleNav, withQuery } from '../../../../cloud/site/components/index.ts';
import type { PublicContext } from '../../../../cloud/site/context.ts';
import { translator } from '../../../../cloud/site/i18n/index.ts';
import { PERMISSIONS } from '../../../../cloud/services/authority/permissions.ts';
import { accessibilityProblems } from '../a11y.ts';

const ctx = (locale: 'en' | 'zh-TW' = 'en', signedIn = true): PublicContext => ({
  principal: signedIn ? { accountId: 'acc_1', merchantId: null, permissions: ['boxes.view'], via: 'session', locale } : null,
  t: translator(locale), locale, csrf: 'csrf-token', now: 0,
});

const html = async (node: Child) => String(await (node as { toString(): string | Promise<string> }).toString());
const page = (children: Child, c = ctx()) => html(Layout({ title: 'Test', ctx: c, children }));

const layout = suite('Layout');

layout('sets the lang attribute, a skip link to main and a title', async () => {
  const out = await page('hi', ctx('zh-TW'));
  assert.match(out, '<html lang="zh-TW">');
  assert.match(out, '<a class="skip" href="#main">跳至主要內容</a>');
  assert.match(out, '<main id="main"');
  assert.match(out, '<title>Test · WayGo 商戶管理</title>');
  assert.equal(accessibilityProblems(out), []);
});

layout('shows only the nav links the principal may open', async () => {
  const out = await page(null);
  assert.match(out, 'href="/admin/boxes"');
  assert.not.match(out, 'href="/admin/accounts"');
  assert.not.match(out, 'href="/admin/payments"');
});

layout('puts the CSRF token into the logout and language forms', async () => {
  const out = await page(null);
  assert.match(out, /action="\/admin\/logout"[^]*name="_csrf" value="csrf-token"/);
  assert.match(out, /action="\/admin\/language"[^]*name="_csrf" value="csrf-token"/);
});

layout('offers language links and no logout before sign-in', async () => {
  const out = await page(null, ctx('en', false));
  assert.match(out, 'href="?lang=zh-TW"');
  assert.not.match(out, '/admin/logout');
  assert.equal(accessibilityProblems(out), []);
});

layout.run();

const nav = suite('visibleNav');

nav('drops groups with no link the permissions open', () => {
  assert.equal(visibleNav([]).map((g) => g.label), ['nav.dashboard']);
  assert.is(visibleNav(PERMISSIONS).flatMap((g) => g.links).length, 13);
});

nav.run();

const form = suite('Form');

form('adds the hidden _csrf field to POST forms only', async () => {
  assert.match(await html(Form({ action: '/x', ctx: ctx(), children: 'x' })), '<input type="hidden" name="_csrf" value="csrf-token"/>');
  assert.not.match(await html(Form({ action: '/x', method: 'get', ctx: ctx(), children: 'x' })), '_csrf');
});

form.run();

const field = suite('Field');

field('ties the label, the hint and the error to the input', async () => {
  const out = await page(Field({ name: 'email', label: 'Email', hint: 'Work address', error: 'Required' }));
  assert.match(out, '<label for="f-email">Email</label>');
  assert.match(out, 'aria-describedby="f-email-hint f-email-error"');
  assert.match(out, 'aria-invalid="true"');
  assert.equal(accessibilityProblems(out), []);
});

field('never echoes a password value', async () => {
  assert.not.match(await html(Field({ name: 'password', type: 'password', label: 'Password', value: 'secret' })), 'secret');
});

field.run();

const select = suite('Select');

select('marks the chosen option and offers a blank first choice', async () => {
  const out = await html(Select({ name: 's', label: 'S', blank: 'All', value: 'b', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }));
  assert.match(out, '<option value="">All</option>');
  assert.match(out, '<option value="b" selected="">B</option>');
});

select.run();

const table = suite('Table');

table('renders a caption, column headers with scope and numeric cells aligned', async () => {
  const out = await page(Table({ caption: 'Rows', columns: [{ label: 'Name' }, { label: 'Amount', numeric: true }], rows: [['a', 5]] }));
  assert.match(out, '<caption>Rows</caption>');
  assert.match(out, '<th scope="col" class="num">Amount</th>');
  assert.match(out, '<td class="num">5</td>');
});

table('says there is nothing to show instead of an empty table', async () => {
  assert.match(await page(Table({ caption: 'Rows', columns: [{ label: 'Name' }], rows: [] })), 'Nothing to show.');
});

table.run();

const pager = suite('Pager');

pager('links to the next page keeping the filters', async () => {
  const out = await page(Pager({ nextCursor: 'abc', baseHref: '/admin/boxes?status=active' }));
  assert.match(out, 'href="/admin/boxes?status=active&amp;cursor=abc"');
});

pager('renders nothing on a single page', async () => {
  assert.not.match(await page(Pager({ nextCursor: null, baseHref: '/admin/boxes' })), 'class="pager"');
});

pager('withQuery drops empty values', () => {
  assert.is(withQuery('/a?x=1', { x: undefined, y: 'b', z: '' }), '/a?y=b');
});

pager.run();

const errors = suite('ErrorSummary');

errors('links each error to its field and is announced as an alert', async () => {
  const out = await page(ErrorSummary({ errors: [{ field: 'email', message: 'Bad email' }, { message: 'Other' }] }));
  assert.match(out, 'role="alert"');
  assert.match(out, '<a href="#f-email">Bad email</a>');
  assert.match(out, '<li>Other</li>');
});

errors('DoneNotice shows the message of an allowed name only', async () => {
  assert.match(await page(jsx(DoneNotice, { done: 'created', prefix: 'form.', allowed: ['created'] }, [])), 'Created.');
  assert.not.match(await page(jsx(DoneNotice, { done: 'nonsense', prefix: 'form.', allowed: ['created'] }, [])), 'form.nonsense');
});

errors.run();

const money = suite('Money');

money('formats integer minor units with the currency exponent', () => {
  assert.is(formatMoney(74010, 'TWD', 'en'), 'NT$740.10');
  assert.is(formatMoney(500, 'JPY', 'en'), '¥500');
  assert.is(formatMoney(-1, 'USD', 'en'), '-$0.01');
});

money('formats for the page locale, which the layout provides', async () => {
  assert.match(await page(jsx(Money, { minor: 123456, currency: 'USD' }), ctx('zh-TW')), 'US$1,234.56');
});

money.run();

const time = suite('DateTime');

time('shows UTC time with a machine-readable datetime', async () => {
  const out = await page(DateTime({ ms: Date.UTC(2018, 7, 7, 18, 8, 18) }));
  assert.match(out, '<time datetime="2018-08-07T18:08:18.000Z">2018-08-07 18:08:18 UTC</time>');
});

time('shows a dash for no time', async () => {
  assert.match(await page(jsx(DateTime, { ms: null }, []), ctx('zh-TW')), '<span>—</span>');
});

time.run();
