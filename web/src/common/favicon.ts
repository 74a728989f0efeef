import faviconIco from '@amsterdam/design-system-assets/favicon/favicon.ico?url';
import faviconSvg from '@amsterdam/design-system-assets/favicon/icon.svg?url';

/**
 * The City's favicon from the design system's assets, bundled (hashed, cached) wherever npm put
 * the package; index.html cannot name a package path itself.
 */
export function addFavicon(): void {
  const icons: [string, string, string?][] = [
    [faviconIco, 'image/x-icon', '32x32'],
    [faviconSvg, 'image/svg+xml'],
  ];
  for (const [href, type, sizes] of icons) {
    const link = document.createElement('link');
    link.rel = 'icon';
    link.href = href;
    link.type = type;
    if (sizes) link.setAttribute('sizes', sizes);
    document.head.append(link);
  }
}
