/**
 * Where the checker's inputs (contribution base, balance, hospital bill…) are kept: the extension's own IndexedDB.
 * It belongs to the extension's origin, so the popup reads it and no content script can (a content script's
 * IndexedDB is the web page's), unlike storage.local, which every content script may read; and it survives a browser
 * restart, unlike storage.session. (storage.local.setAccessLevel would cut content scripts off the settings too, which
 * they must read, and is not offered by the browsers we support.)
 */
export interface CheckerInputStore {
  /** The stored value, or undefined when nothing was ever stored. */
  get(): Promise<unknown>;
  set(value: unknown): Promise<void>;
}

const DB_NAME = 'yibao-lens';
const STORE = 'checker';
const KEY = 'inputs';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let opening: Promise<IDBDatabase> | null = null;
function openDatabase(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB blocked'));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

export const indexedDbCheckerInputStore: CheckerInputStore = {
  async get() {
    const db = await openDatabase();
    return request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
  },
  async set(value) {
    const db = await openDatabase();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, KEY);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB write failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write aborted'));
    });
  },
};

/** For tests: the same contract in memory. */
export function memoryCheckerInputStore(initial?: unknown): CheckerInputStore & { value: unknown } {
  const store = {
    value: initial,
    async get() {
      return store.value;
    },
    async set(value: unknown) {
      store.value = structuredClone(value);
    },
  };
  return store;
}
