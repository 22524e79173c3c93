import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { takeNavigationFocus, yieldNavigationFocus } from '../routing/navigation.js';

/**
 * The page's h1. After a client-side navigation it takes the keyboard focus, so screen readers
 * announce the new page; when a loading heading gives way to the real one, focus is handed over.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Layout effects: the cleanup must run while the heading is still in the DOM and focused.
  useLayoutEffect(() => {
    const heading = ref.current;
    if (heading && takeNavigationFocus()) heading.focus();
    return () => {
      if (heading && document.activeElement === heading) yieldNavigationFocus();
    };
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
