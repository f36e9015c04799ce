import { useEffect, useRef } from 'react';

/**
 * The page's h1. It takes focus when the page appears, so after a client-side navigation screen
 * reader and keyboard users start at the new content rather than on the link they pressed.
 */
export function PageHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} – Complaints console`;
    ref.current?.focus();
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
