import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type ApiClient, createApiClient } from '../api/client.js';
import { clearToken, loadToken, saveToken } from '../api/token-store.js';

/** Who is logged in, and how to talk to the API as them. */
export interface Auth {
  token: string | null;
  api: ApiClient | null;
  /** Why the user was sent back to the login screen, if they were. */
  notice: string | null;
  login(token: string): void;
  logout(notice?: string): void;
}

const AuthContext = createContext<Auth | null>(null);

/** Holds the token (sessionStorage) and sends the user back to login on any 401. */
export function AuthProvider(props: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(() => loadToken());
  const [notice, setNotice] = useState<string | null>(null);

  const logout = useCallback(
    (message?: string) => {
      clearToken();
      setToken(null);
      setNotice(message ?? null);
      queryClient.clear();
    },
    [queryClient],
  );
  const login = useCallback((value: string) => {
    saveToken(value);
    setNotice(null);
    setToken(value);
  }, []);
  const api = useMemo(
    () =>
      token
        ? createApiClient(token, () =>
            logout('The server rejected the token (401). Enter a valid API token to continue.'),
          )
        : null,
    [token, logout],
  );
  const value = useMemo(() => ({ token, api, notice, login, logout }), [token, api, notice, login, logout]);
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}

/** The auth state; throws outside AuthProvider (a programming error). */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>.');
  return auth;
}

/** The API client of the logged-in user (pages render only once logged in). */
export function useApi(): ApiClient {
  const { api } = useAuth();
  if (!api) throw new Error('useApi needs a logged-in user.');
  return api;
}
