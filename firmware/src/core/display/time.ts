function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Unix seconds as "YYYY-MM-DD HH:MM" (UTC); "no clock" for 0, the time a box logs before its clock is set. */
export function formatTime(unix: number): string {
  if (!unix) return 'no clock';
  // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil, inverted), without Date: one
  // arithmetic path the interpreter and Node compute alike.
  const z = Math.floor(unix / 86400) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const secs = unix % 86400;
  return (yoe + era * 400 + (month < 3 ? 1 : 0)) + '-' + pad(month) + '-' + pad(doy - Math.floor((153 * mp + 2) / 5) + 1) +
    ' ' + pad(Math.floor(secs / 3600)) + ':' + pad(Math.floor(secs / 60) % 60);
}
