import {
  Alert,
  Button,
  Column,
  Field,
  FileInput,
  Heading,
  Label,
  Paragraph,
  Row,
} from '@amsterdam/design-system-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { download } from '../api/client';
import { ApiProblem } from '../api/problem';
import {
  describedBy,
  errorTextAt,
  fieldErrorsOf,
  FieldErrorMessage,
  FieldHint,
  TextField,
} from '../common/form';
import { PageHeading } from '../common/page-title';
import { describeError } from '../common/query-state';
import { usePublicKey } from './api';
import { BundleOutcomeView } from './bundle-outcome';
import { verifyBundleInBrowser, WebCryptoMissing } from './bundle-verifier';

/** Where the bundle page keeps what went wrong before anything was checked, by field. */
type FormErrors = Partial<Record<'file' | 'key' | 'crypto', string>>;

class FormProblem extends Error {
  constructor(readonly errors: FormErrors) {
    super('form');
  }
}

function FileField({
  id,
  label,
  hint,
  error,
  optional,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  optional?: boolean;
  onChange: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field invalid={Boolean(error)}>
      <Label htmlFor={id} hint={optional ? t('form.optional') : undefined}>
        {label}
      </Label>
      {hint && <FieldHint id={id}>{hint}</FieldHint>}
      {error && <FieldErrorMessage id={id}>{error}</FieldErrorMessage>}
      <FileInput
        id={id}
        name={id}
        aria-describedby={describedBy(id, Boolean(hint), Boolean(error))}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
    </Field>
  );
}

/** Downloads a case's bundle, optionally with the consistency proof from a kept checkpoint. */
function DownloadForm() {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [since, setSince] = useState('');
  const [missing, setMissing] = useState<'reference' | 'since' | null>(null);
  const fetchBundle = useMutation({
    mutationFn: ({ ref, from }: { ref: string; from: string }) =>
      download(
        `/cases/${encodeURIComponent(ref)}/audit/bundle${from ? `?since=${from}` : ''}`,
        `brug-audit-bundle-${ref}.json`,
      ),
  });
  const errors = fieldErrorsOf(fetchBundle.error);
  const notFound = fetchBundle.error instanceof ApiProblem && fetchBundle.error.status === 404;
  const referenceError =
    missing === 'reference'
      ? t('auditBundle.caseReferenceMissing')
      : notFound
        ? t('auditBundle.caseNotFound')
        : undefined;
  const sinceError =
    missing === 'since' ? t('auditBundle.sinceInvalid') : errorTextAt(errors, 'since', t);

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const ref = reference.trim();
    const from = since.trim();
    if (!ref) return setMissing('reference');
    if (from && !/^[1-9]\d{0,15}$/.test(from)) return setMissing('since');
    setMissing(null);
    fetchBundle.mutate({ ref, from });
  };

  return (
    <section aria-labelledby="bundle-download-heading" className="brug-panel ams-mb-l">
      <Heading level={2} size="level-3" id="bundle-download-heading" className="ams-mb-s">
        {t('auditBundle.downloadHeading')}
      </Heading>
      <form onSubmit={onSubmit} aria-labelledby="bundle-download-heading" noValidate>
        <Column>
          <TextField
            id="bundle-case"
            label={t('auditBundle.caseReference')}
            hint={t('auditBundle.caseReferenceHint')}
            value={reference}
            onChange={setReference}
            error={referenceError}
          />
          <TextField
            id="bundle-since"
            label={t('auditBundle.since')}
            hint={t('auditBundle.sinceHint')}
            optional
            inputMode="numeric"
            value={since}
            onChange={setSince}
            error={sinceError}
          />
          {fetchBundle.isError && !referenceError && !sinceError && (
            <Alert heading={t('auditBundle.downloadFailed')} headingLevel={3} severity="error">
              <Paragraph>{describeError(fetchBundle.error, t('common.tryAgainLater'))}</Paragraph>
            </Alert>
          )}
          <Row>
            <Button type="submit" variant="secondary" disabled={fetchBundle.isPending}>
              {t('auditBundle.download')}
            </Button>
          </Row>
        </Column>
      </form>
    </section>
  );
}

/** Reads the chosen files and checks the bundle in this browser, with the key given. */
function VerifyForm() {
  const { t } = useTranslation();
  const publicKey = usePublicKey();
  const [bundleFile, setBundleFile] = useState<File | null>(null);
  const [earlierFile, setEarlierFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const published = publicKey.data?.verifierKey;
  useEffect(() => {
    if (published && !keyTouched) setKey(published);
  }, [published, keyTouched]);

  const check = useMutation({
    mutationFn: async () => {
      const errors: FormErrors = {};
      if (!bundleFile) errors.file = t('auditBundle.bundleFileMissing');
      if (!key.trim()) errors.key = t('auditBundle.keyMissing');
      if (errors.file || errors.key) throw new FormProblem(errors);
      let bundle: unknown;
      try {
        bundle = JSON.parse(await bundleFile!.text());
      } catch {
        throw new FormProblem({ file: t('auditBundle.bundleFileUnreadable') });
      }
      const earlier = earlierFile ? await earlierFile.text() : undefined;
      try {
        return await verifyBundleInBrowser(bundle, key, earlier);
      } catch (error) {
        if (error instanceof WebCryptoMissing) {
          throw new FormProblem({ crypto: t('auditBundle.noWebCrypto') });
        }
        throw error;
      }
    },
  });
  const formErrors = check.error instanceof FormProblem ? check.error.errors : {};

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    check.mutate();
  };

  return (
    <section aria-labelledby="bundle-verify-heading" className="brug-panel ams-mb-l">
      <Heading level={2} size="level-3" id="bundle-verify-heading" className="ams-mb-s">
        {t('auditBundle.verifyHeading')}
      </Heading>
      <form onSubmit={onSubmit} aria-labelledby="bundle-verify-heading" noValidate>
        <Column>
          <FileField
            id="bundle-file"
            label={t('auditBundle.bundleFile')}
            error={formErrors.file}
            onChange={setBundleFile}
          />
          <FileField
            id="bundle-earlier"
            label={t('auditBundle.earlierFile')}
            hint={t('auditBundle.earlierFileHint')}
            optional
            onChange={setEarlierFile}
          />
          <TextField
            id="bundle-key"
            label={t('auditBundle.key')}
            hint={t('auditBundle.keyHint')}
            value={key}
            onChange={(value) => {
              setKeyTouched(true);
              setKey(value);
            }}
            error={formErrors.key}
          />
          <Row>
            <Button type="submit" disabled={check.isPending}>
              {check.isPending ? t('auditBundle.busy') : t('auditBundle.submit')}
            </Button>
          </Row>
        </Column>
      </form>
      <div role="status" aria-live="polite" className="ams-mt-l">
        {check.data && <BundleOutcomeView outcome={check.data} />}
      </div>
      {(formErrors.crypto || (check.isError && !(check.error instanceof FormProblem))) && (
        <Alert heading={t('verify.failed')} headingLevel={3} severity="error" role="alert">
          <Paragraph>{formErrors.crypto ?? t('common.tryAgainLater')}</Paragraph>
        </Alert>
      )}
    </section>
  );
}

/**
 * The auditor's bundle page (issue 15, item 6): download a case's bundle, and check one in this
 * browser with Web Crypto alone, per event, against the key the auditor trusts.
 */
export function BundlePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('auditBundle.title')} />
      <Paragraph className="ams-mb-l">{t('auditBundle.intro')}</Paragraph>
      <DownloadForm />
      <VerifyForm />
    </>
  );
}
