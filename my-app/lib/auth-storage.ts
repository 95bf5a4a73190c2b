/**
 * Where the admin panel keeps its session: tokens and the admin's chosen SubAccount, in localStorage.
 * Every accessor tolerates a missing `window` (server render) and a blocked storage.
 */
export const STORAGE_KEYS = {
  accessToken: 'loctelli.accessToken',
  refreshToken: 'loctelli.refreshToken',
  subAccountId: 'loctelli.subAccountId',
} as const;

function read(key: string): string | null {
  if (typeof window === 'undefined') return null;
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  if (typeof window === 'undefined') return;
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage can be disabled (private mode); the session then lasts as long as the page.
  }
}

export const authStorage = {
  getAccessToken: () => read(STORAGE_KEYS.accessToken),
  getRefreshToken: () => read(STORAGE_KEYS.refreshToken),
  setTokens(accessToken: string, refreshToken: string): void {
    write(STORAGE_KEYS.accessToken, accessToken);
    write(STORAGE_KEYS.refreshToken, refreshToken);
  },
  clearTokens(): void {
    write(STORAGE_KEYS.accessToken, null);
    write(STORAGE_KEYS.refreshToken, null);
  },
  getSubAccountId(): number | null {
    const raw = read(STORAGE_KEYS.subAccountId);
    const id = raw ? Number(raw) : NaN;
    return Number.isInteger(id) && id > 0 ? id : null;
  },
  setSubAccountId(id: number | null): void {
    write(STORAGE_KEYS.subAccountId, id === null ? null : String(id));
  },
  hasSession: () => read(STORAGE_KEYS.accessToken) !== null || read(STORAGE_KEYS.refreshToken) !== null,
};
