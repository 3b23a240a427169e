import { utf8Encode } from '../../../../shared/bytes/index.ts';
import { currencyExponent, formatAmount, formatMoney } from './money.ts';
import { dynamicPayload } from './payload.ts';
import { formatTime } from './time.ts';
import type { DisplayContext, Gfx, MonoImage, Payment, Screen } from './types.ts';

// 128×64 pixels; the 6×8 font gives 21 characters by 8 lines, 10 characters beside a 64-pixel QR area.
const W = 128;
const H = 64;
const RESULTS = ['paid', 'machine failed', 'machine timeout', 'refused', 'duplicate', 'cancelled'];

// Encoding takes tens of milliseconds on a desktop build of the interpreter and seconds on the nRF52, so
// the idle screen encodes once per payload and keeps the image (about 210 bytes for 41 modules).
let cachedPayload = '';
let cachedImage: MonoImage | undefined;

function centred(g: Gfx, text: string, y: number, scale: number): void {
  g.drawString(text, Math.max(0, (W - text.length * 6 * scale) >> 1), y, scale);
}

/** The merchant's name in lines of up to `width` characters (cut at spaces where possible), at most `lines` lines. */
export function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest && out.length < lines) {
    let cut = Math.min(width, rest.length);
    if (cut < rest.length) {
      let space = cut;
      while (space > 0 && rest.charAt(space) !== ' ') space--;
      if (space > 0) cut = space;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    while (rest.charAt(0) === ' ') rest = rest.slice(1);
  }
  return out;
}

function idle(g: Gfx, amount: number, ctx: DisplayContext): void {
  const config = ctx.config;
  const names = wrap(config.merchant, 10, 3);
  for (let i = 0; i < names.length; i++) g.drawString(names[i]!, 0, i * 9, 1);
  const text = amount ? formatAmount(amount, currencyExponent(config.currency)) : '';
  if (text) g.drawString(formatMoney(amount, config.currency), 0, 36, 1);
  const payload = config.template ? dynamicPayload(config.template, text) : '';
  if (payload !== cachedPayload) {
    cachedPayload = payload;
    cachedImage = payload ? ctx.load('qr').qrImage(utf8Encode(payload)) : undefined;
  }
  if (!cachedImage) {
    g.drawString(payload ? 'QR too long' : 'Not set up', 0, 48, 1);
    return;
  }
  g.drawString('Scan to pay', 0, 56, 1);
  // The 64-pixel square on the right holds the symbol centred: a quiet zone of at least 4 modules all round.
  const scale = Math.floor(H / (cachedImage.width + 8));
  const offset = (H - cachedImage.width * scale) >> 1;
  g.drawImage(cachedImage, W - H + offset, offset, scale);
}

function payment(g: Gfx, title: string, p: Payment, footer: string): void {
  centred(g, title, 0, 1);
  centred(g, formatAmount(p.amount, currencyExponent(p.currency)), 14, 2);
  centred(g, formatMoney(p.amount, p.currency).slice(-3), 32, 1);
  centred(g, 'wallet ' + p.walletId, 44, 1);
  centred(g, footer, 56, 1);
}

function log(g: Gfx, index: number, ctx: DisplayContext): void {
  g.drawString('Log ' + (index + 1) + '/' + ctx.logCount, 0, 0, 1);
  const entry = ctx.readRecord(index);
  if (entry) {
    g.drawString('#' + entry.seq, 0, 12, 1);
    g.drawString(formatTime(entry.time), 0, 22, 1);
    g.drawString(formatMoney(entry.amount, entry.currency), 0, 32, 1);
    g.drawString(RESULTS[entry.result] || 'result ' + entry.result, 0, 42, 1);
  } else g.drawString(ctx.logCount ? 'unreadable' : 'empty', 0, 22, 1);
  g.drawString('<Prev', 0, 56, 1);
  g.drawString('Next>', W - 30, 56, 1);
}

/** Draws one screen on `g` and flips it to the LCD. */
export function drawScreen(g: Gfx, screen: Screen, ctx: DisplayContext): void {
  g.clear();
  if (screen.kind === 'idle') idle(g, screen.amount, ctx);
  else if (screen.kind === 'paying') payment(g, 'Payment', screen.payment, 'please wait');
  else if (screen.kind === 'counter') payment(g, 'PAID', screen.payment, 'hand over goods');
  else if (screen.kind === 'log') log(g, screen.index, ctx);
  else {
    centred(g, screen.outcome.toUpperCase(), 8, 2);
    if (screen.outcome !== 'paid') centred(g, 'code ' + screen.code, 30, 1);
    if (screen.payment) centred(g, formatMoney(screen.payment.amount, screen.payment.currency), 44, 1);
  }
  g.flip();
}
