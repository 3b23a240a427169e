import { toHostBytes, type Realm } from './realm.ts';

/**
 * The object the bundle gets from require("Storage"): every method of the injected storage, with bytes crossing
 * realms (typed arrays in become host Uint8Arrays, ArrayBuffers and typed arrays out are context copies).
 */
export function bridgeStorage(storage: object, realm: Realm): Record<string, unknown> {
  const bridged: Record<string, unknown> = {};
  const names = new Set<string>();
  for (let o: object | null = storage; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) names.add(name);
  }
  for (const name of names) {
    const member = (storage as Record<string, unknown>)[name];
    if (name === 'constructor' || typeof member !== 'function') continue;
    bridged[name] = (...args: unknown[]) => {
      const host = args.map((a) => (typeof a === 'object' && a !== null ? toHostBytes(a) ?? a : a));
      const result = (member as (...a: unknown[]) => unknown).apply(storage, host);
      if (Object.prototype.toString.call(result) === '[object ArrayBuffer]') return realm.buffer(new Uint8Array(result as ArrayBuffer));
      if (ArrayBuffer.isView(result)) return realm.bytes(toHostBytes(result)!);
      return result;
    };
  }
  return bridged;
}
