import { Heading } from '@amsterdam/design-system-react';
import { useEffect, useRef, type ReactNode } from 'react';

let firstPage = true;

/** Sets the document title: the page first, then the application. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Brug`;
  }, [title]);
}

/**
 * The page's one level-1 heading. After a navigation inside the app it takes focus, so a screen
 * reader announces the new page and the next Tab starts from its top (as after a full load).
 */
export function PageHeading({ children, title }: { children?: ReactNode; title: string }) {
  usePageTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, []);
  return (
    <Heading level={1} ref={ref} tabIndex={-1} className="ams-mb-m brug-page-heading">
      {children ?? title}
    </Heading>
  );
}
