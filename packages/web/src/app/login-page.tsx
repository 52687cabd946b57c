import { type FormEvent, useState } from 'react';
import { createApiClient } from '../api/client.js';
import { useAuth } from './auth-context.js';

/** Asks for the API token and checks it against the server before keeping it. */
export function LoginPage() {
  const { login, notice } = useAuth();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError('Enter the API token.');
      return;
    }
    setBusy(true);
    setError(null);
    let rejected = false;
    try {
      await createApiClient(value, () => {
        rejected = true;
      }).get('/api/projects');
      login(value);
    } catch (cause) {
      setError(
        rejected
          ? 'That token is not valid. Use the admin token printed when the server first started, or FLAKESTORM_ADMIN_TOKEN.'
          : (cause as Error).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login">
      <form className="card login-card" onSubmit={submit}>
        <h1>Flakestorm</h1>
        <p className="muted">
          Enter an API token. The admin token is printed once when the server first starts (
          <code>admin token: …</code>), or set with <code>FLAKESTORM_ADMIN_TOKEN</code>.
        </p>
        {notice ? (
          <p className="notice" role="alert">
            {notice}
          </p>
        ) : null}
        <label htmlFor="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
        />
        {error ? (
          <p className="error-text" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Log in'}
        </button>
      </form>
    </div>
  );
}
