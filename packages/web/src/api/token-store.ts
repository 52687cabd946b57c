const key = 'flakestorm.token';

/** The API token, kept for this browser tab only (sessionStorage), never in a cookie or localStorage. */
export function loadToken(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Remembers the token for this tab. */
export function saveToken(token: string): void {
  sessionStorage.setItem(key, token);
}

/** Forgets the token (log out, or the server rejected it). */
export function clearToken(): void {
  sessionStorage.removeItem(key);
}
