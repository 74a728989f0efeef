import {
  Alert,
  Button,
  Column,
  Paragraph,
  Row,
  StandaloneLink,
} from '@amsterdam/design-system-react';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorAt, fieldErrorsOf, TextField } from '../common/form';
import { AppLink } from '../common/app-link';
import { formatNumber } from '../common/format';
import { PageHeading } from '../common/page-title';
import { describeError } from '../common/query-state';
import { useVerifyChain, type VerifyResult } from './api';
import { CheckpointPanel } from './checkpoint-panel';

/**
 * "Verify the log": the server recomputes the tree against the latest signed checkpoint (and the
 * old chain of the events from before it, ADR 30). The checkpoint is what an auditor writes down
 * or downloads, to check later (here, or offline with `npm run brug -- audit verify`) that the
 * log only grew. Formerly: the server recomputes every hash. The head it ends at is what an auditor
 * writes down, to check later (here, or offline with `npm run brug -- audit verify`) that the
 * history up to it was not rewritten.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const verify = useVerifyChain();
  const [expectHead, setExpectHead] = useState('');
  const [expectCheckpoint, setExpectCheckpoint] = useState('');
  const errors = fieldErrorsOf(verify.error);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    verify.mutate({
      expectHead: expectHead.trim() || undefined,
      expectCheckpoint: expectCheckpoint.trim() || undefined,
    });
  };

  return (
    <>
      <PageHeading title={t('verify.title')} />
      <Paragraph className="ams-mb-l">{t('verify.intro')}</Paragraph>
      <CheckpointPanel />
      <Paragraph className="ams-mb-l">
        <StandaloneLink href="/audit/bundle" linkComponent={AppLink}>
          {t('auditBundle.toPage')}
        </StandaloneLink>
      </Paragraph>
      <form onSubmit={onSubmit} aria-label={t('verify.title')} className="ams-mb-l">
        <Column>
          <TextField
            id="verify-expect-head"
            label={t('verify.expectHead')}
            hint={t('verify.expectHeadHint')}
            optional
            value={expectHead}
            onChange={setExpectHead}
            error={errorAt(errors, 'expectHead') ? t('verify.expectHeadError') : undefined}
          />
          <TextField
            id="verify-expect-checkpoint"
            label={t('verify.expectCheckpoint')}
            hint={t('verify.expectCheckpointHint')}
            optional
            value={expectCheckpoint}
            onChange={setExpectCheckpoint}
            error={
              errorAt(errors, 'expectCheckpoint') ? t('verify.expectCheckpointError') : undefined
            }
          />
          <Row>
            <Button type="submit" disabled={verify.isPending}>
              {verify.isPending ? t('verify.busy') : t('verify.submit')}
            </Button>
          </Row>
        </Column>
      </form>
      <div role="status" aria-live="polite">
        {verify.data && <VerifyOutcome result={verify.data} />}
      </div>
      {verify.isError && errors.length === 0 && (
        <Alert heading={t('verify.failed')} headingLevel={2} severity="error" role="alert">
          <Paragraph>{describeError(verify.error, t('common.tryAgainLater'))}</Paragraph>
        </Alert>
      )}
    </>
  );
}

function VerifyOutcome({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  if (!result.valid) {
    return (
      <Alert
        heading={t('verify.invalid')}
        headingLevel={2}
        severity="error"
        data-testid="verify-result"
      >
        <Paragraph>
          {t('verify.invalidDetail', {
            seq: result.firstInvalidLeafIndex ?? result.firstInvalidSeq ?? '?',
            // Worded from its code; the API's English reason is for API users (ADR 23).
            reason: t(`errors.chain.${result.reasonCode ?? 'malformed'}`),
          })}
        </Paragraph>
      </Alert>
    );
  }
  const head =
    result.headSeq != null && result.headHash ? `${result.headSeq}:${result.headHash}` : null;
  const checkpoint =
    result.treeSize != null && result.rootHash ? `${result.treeSize}:${result.rootHash}` : null;
  return (
    <Alert
      heading={t('verify.valid')}
      headingLevel={2}
      severity="success"
      data-testid="verify-result"
    >
      <Paragraph className="ams-mb-s">
        {t('verify.validLeaves', { leaves: formatNumber(result.leaves ?? 0) })}
      </Paragraph>
      {checkpoint && (
        <>
          <Paragraph className="ams-mb-s">{t('verify.writeDownCheckpoint')}</Paragraph>
          <Paragraph className="ams-mb-s">
            <code className="brug-code brug-head" data-testid="verify-head">
              {checkpoint}
            </code>
          </Paragraph>
        </>
      )}
      {head && (
        <>
          <Paragraph className="ams-mb-s">
            {t('verify.validDetail', { events: formatNumber(result.events ?? 0) })}{' '}
            {t('verify.writeDown')}
          </Paragraph>
          <Paragraph>
            <code className="brug-code brug-head" data-testid="verify-old-head">
              {head}
            </code>
          </Paragraph>
        </>
      )}
    </Alert>
  );
}
