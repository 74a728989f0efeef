import { Alert, Button, Paragraph, Row } from '@amsterdam/design-system-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, Me } from '../api/client';
import { ApiProblem } from '../api/problem';

/**
 * Whether taking this case on (accepting it, or assigning it to oneself) takes it from another
 * team: then the person is asked first, and the koppel moves with it (ADR 24). The API decides
 * in the end (409 `koppel_team_mismatch`); this only asks before it has to.
 */
export function takesFromAnotherTeam(me: Me, item: CaseDto): boolean {
  return me.role === 'staff' && item.team !== null && item.team.id !== me.organisationUnit?.id;
}

/** The API refused to move the koppel unasked (the team changed meanwhile, say). */
export function isKoppelTeamMismatch(error: unknown): boolean {
  return error instanceof ApiProblem && error.code === 'koppel_team_mismatch';
}

/** "This case belongs to team X. Take it on and move the koppel?" with yes and no. */
export function TakeOnConfirm({
  team,
  busy,
  onConfirm,
  onCancel,
}: {
  team: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <Alert
      heading={t('koppel.takeOnHeading')}
      headingLevel={3}
      severity="warning"
      className="ams-mb-m"
      data-testid="take-on-confirm"
    >
      <Paragraph className="ams-mb-s">{t('koppel.takeOnQuestion', { team })}</Paragraph>
      <Row wrap>
        <Button ref={yes} onClick={onConfirm} disabled={busy}>
          {t('koppel.takeOnConfirm')}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Row>
    </Alert>
  );
}
