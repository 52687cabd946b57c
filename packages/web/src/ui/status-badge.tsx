/** A run's status as a coloured badge (colour is decoration: the word is always there). */
export function StatusBadge(props: { status: string }) {
  return <span className={`badge badge-${props.status.replace(/[^a-z]/g, '')}`}>{props.status}</span>;
}
