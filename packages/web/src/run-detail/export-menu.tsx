import { useState } from 'react';
import { useApi } from '../app/auth-context.js';

const formats = [
  ['html', 'HTML'],
  ['json', 'JSON'],
  ['csv', 'CSV'],
  ['junit', 'JUnit'],
  ['md', 'Markdown'],
  ['pdf', 'PDF'],
] as const;

/** Downloads of a finished run; fetched with the token (a plain link could not send it). */
export function ExportMenu(props: { runId: string }) {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: string) => {
    setBusy(format);
    setError(null);
    try {
      const response = await api.raw(`/api/runs/${encodeURIComponent(props.runId)}/export?format=${format}`);
      if (!response.ok) throw new Error(`Export failed (${response.status}).`);
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await response.blob());
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name ?? `flakestorm-${props.runId}.${format}`;
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-menu">
      <span className="muted">Export:</span>
      {formats.map(([format, label]) => (
        <button key={format} type="button" disabled={busy !== null} onClick={() => void download(format)}>
          {busy === format ? '…' : label}
        </button>
      ))}
      {error ? (
        <span className="error-text" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
