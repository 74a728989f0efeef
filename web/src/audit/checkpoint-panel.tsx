import { Button, DescriptionList, Heading, Paragraph } from '@amsterdam/design-system-react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { download } from '../api/client';
import { formatDateTime, formatNumber } from '../common/format';
import { LoadError, Loading } from '../common/query-state';
import { useAuditHead } from './api';

/**
 * The latest signed checkpoint, for an auditor to write down or keep as a file: its size, root,
 * time and the signed note's text exactly as Brug signed it (issue 15, item 6).
 */
export function CheckpointPanel() {
  const { t } = useTranslation();
  const head = useAuditHead();
  const noCheckpoint = head.error instanceof ApiProblem && head.error.status === 404;
  return (
    <section aria-labelledby="head-heading" className="ams-mb-l">
      <Heading level={2} size="level-3" id="head-heading" className="ams-mb-s">
        {t('verify.currentHead')}
      </Heading>
      {head.isPending ? (
        <Loading />
      ) : noCheckpoint ? (
        <Paragraph>{t('verify.emptyTrail')}</Paragraph>
      ) : head.isError ? (
        <LoadError error={head.error} retry={() => void head.refetch()} headingLevel={3} />
      ) : (
        <>
          <DescriptionList termsWidth="medium" className="ams-mb-s">
            <DescriptionList.Term>{t('auditBundle.checkpointSize')}</DescriptionList.Term>
            <DescriptionList.Description>
              {t('auditBundle.checkpointSizeValue', { size: formatNumber(head.data.treeSize) })}
            </DescriptionList.Description>
            <DescriptionList.Term>{t('auditBundle.checkpointRoot')}</DescriptionList.Term>
            <DescriptionList.Description>
              <code className="brug-code brug-head" data-testid="latest-checkpoint-root">
                {head.data.rootHash}
              </code>
            </DescriptionList.Description>
            <DescriptionList.Term>{t('auditBundle.checkpointTime')}</DescriptionList.Term>
            <DescriptionList.Description>
              {formatDateTime(head.data.createdAt)}
            </DescriptionList.Description>
            <DescriptionList.Term>{t('verify.writeDownCheckpoint')}</DescriptionList.Term>
            <DescriptionList.Description>
              <code className="brug-code brug-head" data-testid="latest-checkpoint">
                {`${head.data.treeSize}:${head.data.rootHash}`}
              </code>
            </DescriptionList.Description>
          </DescriptionList>
          <Paragraph className="ams-mb-xs" id="checkpoint-note-label">
            {t('auditBundle.checkpointNote')}
          </Paragraph>
          <pre
            className="brug-code ams-mb-s"
            data-testid="checkpoint-note"
            aria-labelledby="checkpoint-note-label"
            tabIndex={0}
          >
            {head.data.note}
          </pre>
          <Button
            variant="secondary"
            onClick={() =>
              void download(
                `/audit/checkpoint?size=${head.data.treeSize}`,
                `brug-audit-checkpoint-${head.data.treeSize}.txt`,
                'text/plain',
              )
            }
          >
            {t('verify.downloadCheckpoint')}
          </Button>
        </>
      )}
    </section>
  );
}
