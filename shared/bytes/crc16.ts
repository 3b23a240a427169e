// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor): the checksum EMV QR codes end
// with, reused for BLE frame integrity so the box carries one CRC routine. Table-free on purpose: a 256-entry
// table costs more JsVars on a Puck.js than the loop costs time.
export function crc16(data: Uint8Array, start?: number, end?: number): number {
  let crc = 0xffff;
  const stop = end === undefined ? data.length : end;
  for (let i = start || 0; i < stop; i++) {
    crc ^= data[i]! << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}
