import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Upload, type DetailedError } from 'tus-js-client';
import { api, API_BASE, call, download, ifMatch, type Role, type Schemas } from '../api/client';
import { ApiProblem } from '../api/problem';
import { session } from '../auth/session';

export type DocumentDto = Schemas['DocumentDto'];
export type DocumentVersion = Schemas['DocumentVersionDto'];
export type DocumentKind = DocumentDto['kind'];
export type DocumentDirection = DocumentDto['direction'];
export type DocumentVisibility = DocumentDto['visibility'];

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'specification',
  'market_consultation',
  'offer',
  'clarification',
  'decision',
  'contract',
  'correspondence',
  'other',
];
export const DOCUMENT_DIRECTIONS: readonly DocumentDirection[] = [
  'incoming',
  'outgoing',
  'internal',
];

export const documentKeys = {
  all: (caseId: string) => ['case', caseId, 'documents'] as const,
  versions: (caseId: string, docId: string) => ['case', caseId, 'documents', docId] as const,
};

/** What the signed-in role may do with documents (the API decides; this only hides buttons). */
export const documentRights = (role: Role) => ({
  upload: role === 'buyer' || role === 'staff' || role === 'admin',
  withdraw: role === 'staff' || role === 'admin',
  /** Auditors read content only with a reason, which the audit event keeps. */
  reasonForContent: role === 'auditor',
});

/** The documents of a case, a page of 50 at a time (withdrawn ones left out). */
export function useDocuments(caseId: string) {
  return useInfiniteQuery({
    queryKey: documentKeys.all(caseId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/cases/{id}/documents', {
          params: { path: { id: caseId }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useVersions(caseId: string, docId: string) {
  return useQuery({
    queryKey: documentKeys.versions(caseId, docId),
    queryFn: () =>
      call(
        api.GET('/cases/{id}/documents/{docId}/versions', {
          params: { path: { id: caseId, docId } },
        }),
      ),
  });
}

export function useWithdraw(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, reason }: { document: DocumentDto; reason: string }) =>
      call(
        api.POST('/cases/{id}/documents/{docId}/withdrawal', {
          params: { path: { id: caseId, docId: document.id }, header: ifMatch(document.version) },
          body: { reason },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: documentKeys.all(caseId) }),
  });
}

/** Saves one version's bytes (the download is audited; auditors give their reason). */
export function downloadVersion(
  caseId: string,
  docId: string,
  version: DocumentVersion,
  reason?: string,
): Promise<void> {
  const query = reason ? `?reason=${encodeURIComponent(reason)}` : '';
  return download(
    `/cases/${caseId}/documents/${docId}/versions/${version.number}/content${query}`,
    version.fileName,
    '*/*',
  );
}

export interface NewDocumentFields {
  title: string;
  kind: DocumentKind;
  direction: DocumentDirection;
  visibility: DocumentVisibility;
}

export interface UploadCallbacks {
  onProgress: (sent: number, total: number) => void;
  onSuccess: (document: DocumentDto) => void;
  onError: (error: unknown) => void;
}

/** Interruptions without an answer, and "busy, try again", are retried from where they stopped. */
const RETRY_DELAYS_MS = [0, 1_000, 3_000, 5_000, 10_000, 20_000];
const RETRIED_STATUSES = new Set([409, 423, 502, 504]);

/**
 * Uploads a file resumably (tus, ADR 32): a new document (`fields`) or a new version of
 * `document`. A dropped connection continues from the last byte the API has, as many times as
 * RETRY_DELAYS_MS allows; the last PATCH answers with the document or the problem. `abort`
 * stops and lets the API remove what arrived.
 */
export function startUpload(
  caseId: string,
  file: File,
  target: { fields: NewDocumentFields } | { document: DocumentDto },
  callbacks: UploadCallbacks,
): { abort: () => Promise<void> } {
  const metadata: Record<string, string> =
    'fields' in target
      ? { filename: file.name, ...target.fields }
      : { filename: file.name, documentId: target.document.id };
  const upload = new Upload(file, {
    endpoint: `${window.location.origin}${API_BASE}/cases/${caseId}/documents/uploads`,
    metadata,
    retryDelays: RETRY_DELAYS_MS,
    // A retry continues this upload; a page reload starts afresh (the fields may have changed).
    storeFingerprintForResuming: false,
    onBeforeRequest: (req) => {
      // The session cookie goes by itself; a change carries the CSRF token (ADR 34).
      const csrf = session.csrfToken();
      if (csrf && req.getMethod() !== 'HEAD') req.setHeader('X-CSRF-Token', csrf);
      if (req.getMethod() === 'POST' && 'document' in target) {
        req.setHeader('If-Match', ifMatch(target.document.version)['If-Match']);
      }
    },
    onShouldRetry: (error) => {
      const status = error.originalResponse?.getStatus();
      return !status || RETRIED_STATUSES.has(status);
    },
    onProgress: callbacks.onProgress,
    onSuccess: ({ lastResponse }) => {
      try {
        callbacks.onSuccess(JSON.parse(lastResponse.getBody()) as DocumentDto);
      } catch (error) {
        callbacks.onError(error);
      }
    },
    onError: (error) => callbacks.onError(problemOf(error as DetailedError)),
  });
  upload.start();
  return { abort: () => upload.abort(true).catch(() => undefined) };
}

/** The API's answer inside a tus error, as the rest of the interface sees refusals. */
function problemOf(error: DetailedError): unknown {
  const response = error.originalResponse;
  if (!response) return error;
  const status = response.getStatus();
  if (status === 401) session.expire();
  let body: unknown;
  try {
    body = JSON.parse(response.getBody());
  } catch {
    body = null;
  }
  return new ApiProblem(status, body);
}
