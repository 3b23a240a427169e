import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { en } from '../../../../cloud/site/i18n/en.ts';
import { pickLocale, translator } from '../../../../cloud/site/i18n/index.ts';
import { zhTW } from '../../../../cloud/site/i18n/zh-TW.ts';

const messages = suite('messages');

messages('every English key has a zh-TW message and every zh-TW key an English one', () => {
  assert.equal(Object.keys(en).filter((k) => !(k in zhTW)), []);
  assert.equal(Object.keys(zhTW).filter((k) => !(k in en)), []);
});

messages('both locales use the same placeholders in each message', () => {
  const names = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort().join(',');
  assert.equal(Object.keys(en).filter((k) => names(en[k]!) !== names(zhTW[k] ?? '')), []);
});

messages('no message is empty', () => {
  assert.equal([...Object.entries(en), ...Object.entries(zhTW)].filter(([, v]) => v.trim() === '').map(([k]) => k), []);
});

messages.run();

const translate = suite('translator');

translate('fills named placeholders and leaves unknown ones as written', () => {
  const t = translator('en');
  assert.is(t('app.signedInAs', { name: 'Ada' }), 'Signed in as Ada');
  assert.is(t('app.signedInAs'), 'Signed in as {name}');
});

translate('answers in the chosen locale', () => {
  assert.is(translator('zh-TW')('nav.authority'), '權限中心');
  assert.is(translator('en')('nav.authority'), 'Authority center');
});

translate('shows an unknown key as itself so a missing message is visible', () => {
  assert.is(translator('zh-TW')('no.such.key'), 'no.such.key');
});

translate.run();

const pick = suite('pickLocale');

pick('prefers the account setting over the query, the cookie and the browser', () => {
  assert.is(pickLocale({ account: 'zh-TW', query: 'en', cookie: 'en', acceptLanguage: 'en' }), 'zh-TW');
});

pick('uses ?lang= before the cookie, and the cookie before Accept-Language', () => {
  assert.is(pickLocale({ query: 'zh-TW', cookie: 'en' }), 'zh-TW');
  assert.is(pickLocale({ cookie: 'zh-TW', acceptLanguage: 'en-US' }), 'zh-TW');
});

pick('maps any Chinese Accept-Language to zh-TW and honours q weights', () => {
  assert.is(pickLocale({ acceptLanguage: 'zh-CN,zh;q=0.9' }), 'zh-TW');
  assert.is(pickLocale({ acceptLanguage: 'fr, en;q=0.5, zh-TW;q=0.8' }), 'zh-TW');
  assert.is(pickLocale({ acceptLanguage: 'zh;q=0, en' }), 'en');
});

pick('falls back to English for unknown values', () => {
  assert.is(pickLocale({ query: 'fr', cookie: 'xx', acceptLanguage: 'de-DE' }), 'en');
  assert.is(pickLocale({}), 'en');
});

pick.run();
