import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './navigation.js';

/** An in-app link: a real <a href> (open in new tab works), navigated client-side on plain clicks. */
export function Link(props: { to: string; children: ReactNode; className?: string; title?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return (
    <a href={props.to} onClick={onClick} className={props.className} title={props.title}>
      {props.children}
    </a>
  );
}
