import {
  Alert,
  Button,
  Column,
  FieldSet,
  Paragraph,
  Radio,
  StandaloneLink,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../common/app-link';
import { PageHeading } from '../common/page-title';
import { describeError, LoadError, Loading } from '../common/query-state';
import {
  SIGNAL_DELIVERIES,
  usePreferences,
  useSetPreferences,
  type SignalDelivery,
  type SignalKind,
} from './api';

/** Per kind of signal: in Brug only, also by e-mail at once, or in a daily digest. */
export function SignalPreferencesPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const save = useSetPreferences();
  const [draft, setDraft] = useState<Partial<Record<SignalKind, SignalDelivery>>>({});
  const [saved, setSaved] = useState(false);
  if (preferences.isPending) return <Loading />;
  if (preferences.isError)
    return <LoadError error={preferences.error} retry={() => void preferences.refetch()} />;
  const items = preferences.data.map((p) => ({ ...p, delivery: draft[p.kind] ?? p.delivery }));
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(items, {
      onSuccess: () => {
        setDraft({});
        setSaved(true);
      },
    });
  };
  return (
    <>
      <PageHeading title={t('signals.preferencesTitle')} />
      <Paragraph className="ams-mb-m">{t('signals.preferencesIntro')}</Paragraph>
      <form onSubmit={onSubmit} noValidate aria-label={t('signals.preferencesTitle')}>
        {items.map((item) => (
          <FieldSet key={item.kind} legend={t(`signals.kind_${item.kind}`)} className="ams-mb-m">
            <Column gap="x-small">
              {SIGNAL_DELIVERIES.map((delivery) => (
                <Radio
                  key={delivery}
                  id={`signal-${item.kind}-${delivery}`}
                  name={`signal-${item.kind}`}
                  value={delivery}
                  checked={item.delivery === delivery}
                  onChange={() => {
                    setSaved(false);
                    setDraft((d) => ({ ...d, [item.kind]: delivery }));
                  }}
                >
                  {t(`signals.delivery_${delivery}`)}
                </Radio>
              ))}
            </Column>
          </FieldSet>
        ))}
        <div role="status" className="ams-mb-s">
          {saved && <Paragraph>{t('signals.saved')}</Paragraph>}
        </div>
        {save.error && (
          <Alert
            heading={t('signals.failed')}
            headingLevel={2}
            severity="error"
            className="ams-mb-m"
          >
            <Paragraph>{describeError(save.error, t('common.tryAgainLater'))}</Paragraph>
          </Alert>
        )}
        <Button type="submit" disabled={save.isPending} className="ams-mb-l">
          {t('signals.save')}
        </Button>
      </form>
      <StandaloneLink href="/signals" linkComponent={AppLink}>
        {t('signals.back')}
      </StandaloneLink>
    </>
  );
}
