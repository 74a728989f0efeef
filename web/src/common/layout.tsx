import {
  type IconProps,
  Grid,
  Menu,
  Page,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@amsterdam/design-system-react';
import {
  ClipboardFillIcon,
  DocumentsFillIcon,
  DocumentWithPencilFillIcon,
  FolderFillIcon,
  LockClosedFillIcon,
  PersonsFillIcon,
  PieChartFillIcon,
  SettingsFillIcon,
} from '@amsterdam/design-system-react-icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/client';
import { mayOpen, type PageKey } from '../auth/roles';
import { useUnreadCount } from '../signals/api';
import { useMe } from '../auth/use-auth';
import { AppLink } from './app-link';
import { isLanguage, type Language } from './i18n';

interface NavItem {
  to: string;
  page: PageKey;
  icon: IconProps['svg'];
  label: (me: Me) => NavLabel;
}
type NavLabel =
  | 'nav.queue'
  | 'nav.myCases'
  | 'nav.domainCases'
  | 'nav.allCases'
  | 'nav.fileCase'
  | 'nav.dashboard'
  | 'nav.audit'
  | 'nav.verify'
  | 'nav.exports'
  | 'admin.nav';

const NAV: NavItem[] = [
  { to: '/queue', page: 'queue', icon: ClipboardFillIcon, label: () => 'nav.queue' },
  {
    to: '/cases',
    page: 'cases',
    icon: FolderFillIcon,
    label: (me) =>
      me.role === 'buyer'
        ? 'nav.myCases'
        : me.role === 'budget_holder'
          ? 'nav.domainCases'
          : 'nav.allCases',
  },
  {
    to: '/cases/new',
    page: 'fileCase',
    icon: DocumentWithPencilFillIcon,
    label: () => 'nav.fileCase',
  },
  { to: '/dashboard', page: 'dashboard', icon: PieChartFillIcon, label: () => 'nav.dashboard' },
  { to: '/audit', page: 'audit', icon: PersonsFillIcon, label: () => 'nav.audit' },
  { to: '/audit/verify', page: 'verify', icon: LockClosedFillIcon, label: () => 'nav.verify' },
  { to: '/exports', page: 'exports', icon: DocumentsFillIcon, label: () => 'nav.exports' },
  { to: '/admin', page: 'admin', icon: SettingsFillIcon, label: () => 'admin.nav' },
];

function MenuLinks({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return NAV.filter((item) => mayOpen(me.role, item.page)).map((item) => (
    <Menu.Link
      key={item.to}
      href={item.to}
      linkComponent={AppLink}
      icon={item.icon}
      aria-current={pathname === item.to ? 'page' : undefined}
    >
      {t(item.label(me))}
    </Menu.Link>
  ));
}

/**
 * The header's link to the inbox, with the unread count in its text and its accessible name
 * ("Signaleringen, 3 ongelezen"); for the roles that receive signals.
 */
function SignalsLink({ me }: { me: Me }) {
  const { t } = useTranslation();
  const receives = mayOpen(me.role, 'signals');
  const { data } = useUnreadCount(receives);
  if (!receives) return null;
  const count = data?.count ?? 0;
  const shown = data?.capped ? `${data.max}+` : String(count);
  return (
    <PageHeader.MenuLink
      fixed
      href="/signals"
      linkComponent={AppLink}
      aria-label={t('signals.headerLinkName', { count, shown })}
    >
      {count > 0 ? t('signals.headerLink', { count: shown }) : t('signals.headerLinkNone')}
    </PageHeader.MenuLink>
  );
}

/** The link to the same page in the other language (works without JavaScript state too). */
function LanguageLink() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'nl';
  const other: Language = current === 'nl' ? 'en' : 'nl';
  const params = new URLSearchParams(location.search);
  params.set('lang', other);
  const href = `${location.pathname}?${params.toString()}`;
  return (
    <PageHeader.MenuLink
      fixed
      href={href}
      lang={other}
      hrefLang={other}
      onClick={(event) => {
        event.preventDefault();
        void i18n.changeLanguage(other);
        params.delete('lang');
        const rest = params.toString();
        void navigate(`${location.pathname}${rest ? `?${rest}` : ''}`, { replace: true });
      }}
    >
      {t('layout.otherLanguage')}
    </PageHeader.MenuLink>
  );
}

/**
 * The frame of every page, from the Amsterdam Design System: skip link, header with the City's
 * logo, the menu (beside the page on wide windows, behind the menu button on narrow ones), the
 * main landmark and the footer.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  return (
    <Page withMenu={Boolean(me)}>
      <SkipLink className="ams-page__area--skip-link" href="#main">
        {t('layout.skipLink')}
      </SkipLink>
      <PageHeader
        className="ams-page__area--header"
        brandName="Brug"
        logoBrand={i18n.language === 'en' ? 'amsterdam-english' : 'amsterdam'}
        logoAccessibleName={t('layout.logo')}
        logoLink="/"
        logoLinkComponent={AppLink}
        logoLinkTitle={t('layout.home')}
        navigationLabel={t('layout.headerNavigation')}
        menuButtonText={t('layout.menu')}
        menuButtonTextForShow={t('layout.showMenu')}
        menuButtonTextForHide={t('layout.hideMenu')}
        noMenuButtonOnWideWindow
        menuItems={
          <>
            <LanguageLink />
            {me && <SignalsLink me={me} />}
            {me && (
              <PageHeader.MenuLink href="/me" linkComponent={AppLink}>
                {me.name}
              </PageHeader.MenuLink>
            )}
            {me && (
              <PageHeader.MenuLink fixed href="/sign-out" linkComponent={AppLink}>
                {t('layout.signOut')}
              </PageHeader.MenuLink>
            )}
          </>
        }
      >
        {me ? (
          <Menu>
            <MenuLinks me={me} />
          </Menu>
        ) : undefined}
      </PageHeader>
      {me && (
        <Menu className="ams-page__area--menu" inWideWindow accessibleName={t('layout.mainMenu')}>
          <MenuLinks me={me} />
        </Menu>
      )}
      <main className="ams-page__area--body" id="main">
        <Grid paddingVertical="large">
          <Grid.Cell span="all">
            <Outlet />
          </Grid.Cell>
        </Grid>
      </main>
      <PageFooter className="ams-page__area--footer">
        <PageFooter.Spotlight>
          <Grid paddingVertical="large">
            <Grid.Cell span="all" appearance="transparent">
              <Paragraph color="inverse">{t('layout.footer')}</Paragraph>
            </Grid.Cell>
          </Grid>
        </PageFooter.Spotlight>
        <PageFooter.Menu heading={t('layout.footerMenu')}>
          <PageFooter.MenuLink href="/api/v1/docs">{t('layout.apiDocs')}</PageFooter.MenuLink>
        </PageFooter.Menu>
      </PageFooter>
    </Page>
  );
}
