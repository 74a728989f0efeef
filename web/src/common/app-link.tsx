import type { AnchorHTMLAttributes, Ref } from 'react';
import { Link } from 'react-router';

type AppLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

/**
 * The design system's links render `href`; the router's Link navigates without a reload. This
 * adapter is the `linkComponent` for every ADS link that points inside the app.
 */
export function AppLink({ href, ...props }: AppLinkProps) {
  return <Link to={href ?? '/'} {...props} />;
}
