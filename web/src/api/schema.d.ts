/**
 * The Brug API, as TypeScript types: generated from /api/v1/openapi.json by openapi-typescript.
 * Do not edit by hand. Regenerate with `npm run web:api-types` (see docs/development.md);
 * test/web-api-types.test.ts fails while this file differs from what the API describes.
 */

export interface paths {
    "/admin/audit/erasures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase the data of a case’s or a user’s audit events (Archiefwet, AVG)
         * @description Removes the stored data; envelopes, dataHash and leaves stay, so verification and bundles still pass. The erasure is itself an audit event (`audit.erased`).
         *
         *     Roles: admin.
         */
        post: operations["AuditErasureController_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook and email deliveries of one status (failed by default), newest first, with their last error
         * @description Roles: admin.
         */
        get: operations["DeliveryReplayController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/deliveries/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send failed (or skipped) webhook and email deliveries again: given ids, or every one matching the filters
         * @description Roles: admin.
         */
        post: operations["DeliveryReplayController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/failed-jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Queue jobs that failed their last attempt
         * @description Roles: admin.
         */
        get: operations["FailedJobsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/failed-jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a failed job again
         * @description Roles: admin.
         */
        post: operations["FailedJobsController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/identity-mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The identity mappings, by provider and claim value (at most 1000)
         * @description Roles: admin, auditor.
         */
        get: operations["IdentityMappingsController_list"];
        put?: never;
        /**
         * Map a claim value of a provider to a role, unit and domains
         * @description Roles: admin.
         */
        post: operations["IdentityMappingsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/identity-mappings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One identity mapping
         * @description Roles: admin, auditor.
         */
        get: operations["IdentityMappingsController_get"];
        put?: never;
        post?: never;
        /**
         * Remove a mapping (people with only this value get no access)
         * @description Roles: admin.
         */
        delete: operations["IdentityMappingsController_remove"];
        options?: never;
        head?: never;
        /**
         * Change what a claim value maps to (applies at the next sign-in)
         * @description Roles: admin.
         */
        patch: operations["IdentityMappingsController_update"];
        trace?: never;
    };
    "/admin/queue-board/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the queue dashboard in this browser: sets an HttpOnly cookie for /admin/queues (a bearer token’s; a web session’s cookie opens it already)
         * @description Roles: admin.
         */
        post: operations["QueueBoardController_session"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API clients by name, with their live secrets (never the secret)
         * @description Roles: admin.
         */
        get: operations["ApiClientsController_list"];
        put?: never;
        /**
         * Create an API client: its id and first secret (the secret is shown this once)
         * @description Roles: admin.
         */
        post: operations["ApiClientsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One API client
         * @description Roles: admin.
         */
        get: operations["ApiClientsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-clients/{id}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a second secret (rotation): shown this once; at most two are live
         * @description Roles: admin.
         */
        post: operations["ApiClientsController_createSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api-clients/{id}/secrets/{secretId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Retire a secret: no new token is issued with it
         * @description Roles: admin.
         */
        delete: operations["ApiClientsController_retireSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every action the trail records, with the kind of subject it is about
         * @description The values the `action` filter accepts, for a choice in words.
         *
         *     Roles: auditor, admin.
         */
        get: operations["AuditController_actions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest signed checkpoint (or the one of tree size `size`) as a signed note
         * @description C2SP tlog-checkpoint text signed as a C2SP signed-note with Ed25519.
         *
         *     Roles: auditor, admin.
         */
        get: operations["AuditController_checkpoint"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail, filtered, in keyset pages
         * @description Roles: auditor, admin.
         */
        get: operations["AuditController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The trail as NDJSON, oldest first, streamed (verify it offline)
         * @description Roles: auditor, admin.
         */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest signed checkpoint, as JSON: write size and root down
         * @description Roles: auditor, admin.
         */
        get: operations["AuditController_head"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * RFC 9162 consistency proof: the tree of size `from` is a prefix of `to`
         * @description Roles: auditor, admin.
         */
        get: operations["AuditController_consistency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * RFC 9162 inclusion proof of a leaf in the tree of a checkpoint
         * @description Roles: auditor, admin.
         */
        get: operations["AuditController_inclusion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-note verifier key of the checkpoints
         * @description Access: public.
         */
        get: operations["AuditController_publicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the tree against the latest signed checkpoint (and the old chain)
         * @description `expectCheckpoint=<size>:<root>`: the tree must have had that root at that size. `expectHead=<seq>:<hash>`: the old hash chain (events from before the tree) must pass through it.
         *
         *     Roles: auditor, admin.
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The provider’s answer: signs in and sends the browser on, or to the problem page
         * @description Access: public.
         */
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/oidc/{provider}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in at a provider: a redirect to its sign-in page
         * @description Access: public.
         */
        get: operations["OidcController_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How people sign in here: the providers’ buttons and the form
         * @description Access: public.
         */
        get: operations["OidcController_options"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in, second step: the challenge of the password step and a code
         * @description A code from the authenticator app (each accepted once) or a recovery code (each works once). Wrong codes count per person: after `SECOND_FACTOR_MAX_FAILURES` the step answers `429` until `SECOND_FACTOR_LOCK_SECONDS` have passed.
         *
         *     Access: public.
         */
        post: operations["AuthController_secondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current web session (by its cookie) and its CSRF token; 401 without one
         * @description Access: public.
         */
        get: operations["SessionsController_current"];
        put?: never;
        /**
         * Sign in to the web UI with email and password: sets the session cookie
         * @description Sets `__Host-brug_session` (HttpOnly, Secure, SameSite=Lax) and answers the session with its CSRF token. Only from this site’s own pages (`Origin`). A person with a second factor gets `401 second_factor_required` with a `challenge` for `POST /auth/session/second-factor`. `404` when `PASSWORD_SIGNIN=false`.
         *
         *     Access: public.
         */
        post: operations["SessionsController_signIn"];
        /**
         * Sign out: ends this web session and clears its cookie
         * @description For a session begun at an identity provider, `redirectTo` is the provider’s end-session URL: send the browser there to sign out at the provider too.
         *
         *     Roles: buyer, staff, budget_holder, auditor, admin.
         */
        delete: operations["SessionsController_signOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/session/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in to the web UI, second step: the challenge and a code; sets the cookie
         * @description Access: public.
         */
        post: operations["SessionsController_secondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Get a bearer token: email and password, or an API client’s client credentials
         * @description Without `grant_type` (or `password`): a person’s email and password; a person with a second factor gets `401 second_factor_required` with a `challenge` for `POST /auth/second-factor`. `404` when `PASSWORD_SIGNIN=false`. With `grant_type=client_credentials` (JSON or form-encoded): an API client, authenticated by HTTP Basic or `client_id` and `client_secret`; the answer has RFC 6749’s member names, and a refusal carries RFC 6749’s `error` member beside the problem details.
         *
         *     Access: public.
         */
        post: operations["AuthController_token"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bulk-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign, take on or move up to 1,000 cases (picked with their versions, or every case matching a view’s filters); done in the background, case by case
         * @description Roles: staff, admin.
         */
        post: operations["BulkActionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bulk-actions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The progress of a bulk action: its state, counts per outcome and per-case results (keyset pages)
         * @description Roles: staff, admin.
         */
        get: operations["BulkActionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/bulk-actions/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * How many cases a bulk action would take (the count shown before asking); changes nothing
         * @description Roles: staff, admin.
         */
        post: operations["BulkActionsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/days-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The days off of a year besides ordinary weekends: holidays of the Algemene termijnenwet and designated days, each with its rule
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CalendarController_daysOff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/designated-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The days designated equal to a public holiday (Atw art. 3(3))
         * @description Roles: admin, staff, auditor.
         */
        get: operations["CalendarController_list"];
        put?: never;
        /**
         * Add a designated day: no deadline falls on it from now on
         * @description Roles: admin.
         */
        post: operations["CalendarController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/calendar/designated-days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a designated day (audited with what it was)
         * @description Roles: admin.
         */
        delete: operations["CalendarController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find cases: filters, full text, sort, keyset pages
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CasesController_list"];
        put?: never;
        /**
         * File a cross-domain purchasing question as a case
         * @description Roles: buyer, admin.
         */
        post: operations["CasesController_file"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One case, by id or reference
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a case: content (buyer, while filed or routed), value and deadline (staff, while open), assignee and priority (staff); `editableFields` on the case says what the caller may change
         * @description Roles: buyer, staff, admin.
         */
        patch: operations["CasesController_update"];
        trace?: never;
    };
    "/cases/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail of one case and everything under it
         * @description Roles: auditor, admin.
         */
        get: operations["CaseAuditController_caseAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/audit/bundle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case’s events with inclusion proofs to a signed checkpoint: verify offline
         * @description One self-contained JSON file: each event’s leaf, data (or erasure) and inclusion proof, the signed checkpoint and the verifier key. `since=<size>` adds the consistency proof from a checkpoint you kept.
         *
         *     Roles: auditor, admin.
         */
        get: operations["CaseAuditController_bundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/benefit-shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The benefit share of each domain the case touches (default: lead domain 100 %)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["BenefitSharesController_get"];
        /**
         * Set the benefit shares, in basis points adding up to 10,000, with a reasoning
         * @description Every domain the case touches at most once; one left out has 0. The history is kept (GET …/benefit-shares/history); the budget holders’ answers lapse with the shares.
         *
         *     Roles: staff, admin.
         */
        put: operations["BenefitSharesController_set"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/benefit-shares/{domainCode}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * A budget holder agrees with, or disputes (with a reason), their domain’s share
         * @description Only for a domain the budget holder holds (403 otherwise).
         *
         *     Roles: budget_holder, admin.
         */
        put: operations["BenefitSharesController_answer"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/benefit-shares/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every set of benefit shares the case has had, newest first
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["BenefitSharesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/cofunding-proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The co-funding proposals of a case, newest first (at most 100)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CofundingController_list"];
        put?: never;
        /**
         * Ask domains to pledge their part: by default each its fair share less its money
         * @description The budget holders of the domains asked are told by e-mail, and answer on the case.
         *
         *     Roles: staff, admin.
         */
        post: operations["CofundingController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/cofunding-proposals/{proposalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One co-funding proposal with every domain’s answer
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CofundingController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/cofunding-proposals/{proposalId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A domain accepts (its pledge is recorded) or declines (with a reason)
         * @description A budget holder answers for the domains they hold only (403 otherwise).
         *
         *     Roles: budget_holder, admin.
         */
        post: operations["CofundingController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Why the due times are what they are: every stop, move (suspension, extension, calendar) and breach, oldest first
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["SuspensionsController_deadlines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The documents of a case, oldest first (withdrawn ones left out)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["DocumentsController_list"];
        put?: never;
        /**
         * Add a document: its fields, then the file, as multipart/form-data (buyers: shared only)
         * @description Roles: buyer, staff, admin.
         */
        post: operations["DocumentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/{docId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One document with its newest version
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["DocumentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/{docId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of a document, newest first
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["DocumentsController_versions"];
        put?: never;
        /**
         * Add a version (the file as multipart/form-data); earlier ones stay
         * @description Roles: buyer, staff, admin.
         */
        post: operations["DocumentsController_addVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/{docId}/versions/{n}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of a version, as an attachment; one byte range with `Range`; every read is audited (auditors give `reason`)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["DocumentsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/{docId}/versions/{n}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the stored bytes back and compare their SHA-256 with the recorded and audited one
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["DocumentsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/{docId}/withdrawal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw a document with a reason: hidden from lists, kept, audited
         * @description Roles: staff, admin.
         */
        post: operations["DocumentsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a resumable (tus) upload: Upload-Length, and in Upload-Metadata filename, title, kind, direction, visibility (or documentId with If-Match for a new version)
         * @description Roles: buyer, staff, admin.
         */
        post: operations["DocumentUploadsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/documents/uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Give up an upload: its parts are removed
         * @description Roles: buyer, staff, admin.
         */
        delete: operations["DocumentUploadsController_cancel"];
        options?: never;
        /**
         * How much of an upload has arrived (Upload-Offset)
         * @description Roles: buyer, staff, admin.
         */
        head: operations["DocumentUploadsController_offset"];
        /**
         * Send bytes from Upload-Offset (application/offset+octet-stream); the last part answers with the document, or the problem
         * @description Roles: buyer, staff, admin.
         */
        patch: operations["DocumentUploadsController_append"];
        trace?: never;
    };
    "/cases/{id}/duplicate-of": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close this open case as a duplicate of another open case
         * @description Resolved with outcome `duplicate` and the reason; linked `duplicate_of` the case that stays; each open pledge waits for its budget holder’s consent to move there; the buyer is told.
         *
         *     Roles: staff, admin.
         */
        post: operations["CaseLinksController_closeAsDuplicate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend one open stage’s due time (staff: once per stage, by at most its own length; more needs an admin)
         * @description Roles: staff, admin.
         */
        post: operations["SuspensionsController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/funding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per domain: pledged, committed, disbursed; the gap and the non-paying domains
         * @description With `asOf`, as the ledger stood then: the entries recorded and the benefit shares set by that moment (or the end of that day, Amsterdam), and the case’s status then.
         *
         *     Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_caseFunding"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/funding-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The funding log of a case, oldest first
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_entries"];
        put?: never;
        /**
         * Record a pledge, commitment, disbursement or release of a domain’s money
         * @description Budget holders for the domains they hold; staff pledge and release pledges; buyers pledge; admins all.
         *
         *     Roles: buyer, staff, budget_holder, admin.
         */
        post: operations["FundingController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/funding-entries/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One entry of the funding log
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_entry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The status history, oldest first, the filing included
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CasesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/koppel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change the koppel: both halves, with a reason (the case moves to the team of the MeentCoop half)
         * @description Roles: staff, admin.
         */
        put: operations["CasesController_changeKoppel"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/koppel-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may be either half of the koppel of this case
         * @description Roles: staff, admin.
         */
        get: operations["CasesController_koppelCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/koppel-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The history of the koppel, oldest first, with reasons
         * @description Roles: staff, auditor, admin.
         */
        get: operations["CasesController_koppelHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cases linked to this one: related, sub-cases and parent, duplicates
         * @description Only links whose other case the caller may see (a buyer: both cases in their unit); each with its status, team and money, and the money of the case with its sub-cases.
         *
         *     Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CaseLinksController_list"];
        put?: never;
        /**
         * Link this case to another as related, or as a part (sub-case) of it
         * @description One link per pair of cases; a case is part of one parent, and no chain of parts comes back to itself.
         *
         *     Roles: staff, admin.
         */
        post: operations["CaseLinksController_link"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The notes of a case (buyers and budget holders: shared ones only)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["CasesController_notes"];
        put?: never;
        /**
         * Add a note (buyers: shared only)
         * @description Roles: buyer, staff, admin.
         */
        post: operations["CasesController_addNote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/pledge-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Requests to move a pledge from this case (a duplicate) or to it (the case that stays)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["PledgeTransfersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/pledge-transfers/{transferId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The budget holder consents (the pledge moves) or declines (it stays)
         * @description Accepting releases what is still pledged on the duplicate, up to the amount asked, and pledges it on the case that stays, in one transaction. A budget holder answers for the domains they hold only (403 otherwise).
         *
         *     Roles: budget_holder, admin.
         */
        post: operations["PledgeTransfersController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/sub-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Split off a sub-case for one domain of this open case
         * @description Filed for the parent’s buyer and unit with the parent’s question and the domain as its lead, routed by the routing rules, linked as part of the parent. One per domain.
         *
         *     Roles: staff, admin.
         */
        post: operations["CaseLinksController_fileSubCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/suspensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend the SLA clock (every open stage) while the case waits; the buyer is told why. A second suspension while one lasts is 409
         * @description Roles: staff.
         */
        post: operations["SuspensionsController_suspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/suspensions/current/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restart the SLA clock: every open stage’s due time moves by the working time suspended (see GET deadlines)
         * @description Roles: staff.
         */
        post: operations["SuspensionsController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/cases/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a case along the state machine
         * @description Roles: buyer, staff, admin.
         */
        post: operations["CasesController_transition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the policy domains
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["DomainsController_list"];
        put?: never;
        /**
         * Add a policy domain
         * @description Roles: admin.
         */
        post: operations["DomainsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/domains/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One policy domain
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["DomainsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, deactivate or reactivate a policy domain
         * @description Roles: admin.
         */
        patch: operations["DomainsController_update"];
        trace?: never;
    };
    "/eu-thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The European thresholds for decentralised authorities, per period
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["EuThresholdsController_list"];
        put?: never;
        /**
         * Add a period’s threshold for a kind of contract (not overlapping another)
         * @description Roles: admin.
         */
        post: operations["EuThresholdsController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exports/ocds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An OCDS 1.1 release package with the budget broken down by funding domain
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_ocds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/funding/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payer × beneficiary: whose money pays for whose goals (JSON, or CSV)
         * @description Over every selected case: each paying domain’s committed (and, apart, disbursed) money on a case spread over the case’s domains by their benefit shares, in whole cents (largest remainder), summed per payer and beneficiary, with the sums per domain. `Accept: text/csv` gives the pairs as CSV.
         *
         *     Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_flows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/funding/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open cases with non-paying domains or a funding gap, largest gap first
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_gaps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/funding/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases × domains: who funds what (JSON, or CSV with Accept: text/csv)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_matrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/funding/matrix/by-domain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Domains × domains: per lead domain of the cases, what each domain funds
         * @description Over every selected case, however many: per (lead domain, domain) the money committed, pledged and disbursed, and the cases touched, paid for and not paid for.
         *
         *     Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_domainMatrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process runs
         * @description Access: public.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: PostgreSQL and Redis both answer
         * @description Access: public.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I: the signed-in user, their role, unit and domains
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change my own password (ends all my sessions, this one too)
         * @description Roles: buyer, staff, budget_holder, admin.
         */
        put: operations["AuthController_changePassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether I have a second factor, and whether my role needs one
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["SecondFactorController_status"];
        put?: never;
        /**
         * Start setting up a second factor: a new secret for an authenticator app
         * @description The secret (base32) and its otpauth:// URI are shown this once; confirm with a code from the app. Starting again replaces a secret not yet confirmed.
         *
         *     Roles: buyer, staff, budget_holder, auditor, admin.
         */
        post: operations["SecondFactorController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/second-factor/confirmation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm the second factor with a code from the app; get the recovery codes once
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        post: operations["SecondFactorController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/second-factor/removal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove my second factor, proven with a current code (not when my role needs one)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        post: operations["SecondFactorController_remove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My open web sessions, newest first (at most 100)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["SessionsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of my web sessions (in any browser, this one too)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        delete: operations["SessionsController_endMine"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics of this process
         * @description Access: public.
         */
        get: operations["HealthController_metricsText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisation-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organisation units (municipal units and MeentCoop teams)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["OrganisationUnitsController_list"];
        put?: never;
        /**
         * Add an organisation unit
         * @description Roles: admin.
         */
        post: operations["OrganisationUnitsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organisation-units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One organisation unit
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["OrganisationUnitsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, deactivate or reactivate an organisation unit
         * @description Roles: admin.
         */
        patch: operations["OrganisationUnitsController_update"];
        trace?: never;
    };
    "/reports/commons-share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The share of awarded value that went to commons-type suppliers, against 35% by 2035
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["FundingController_commonsShare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/management": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases incoming, resolved, open, overdue and suspended per team, handler, domain, week
         * @description Over a period of at most 731 days (Amsterdam calendar days, default the last 91): the counts per team, handler, lead domain and ISO week, the median time per stage (filed → accepted → proposed → resolved) and SLA compliance per team, over the cases the caller may see. Counted in SQL. `Accept: text/csv` or `format=csv` answers one table (`table`) as CSV.
         *
         *     Roles: staff, auditor, admin, buyer, budget_holder.
         */
        get: operations["ManagementReportController_management"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/routing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The routing rules, in the order they are tried
         * @description Roles: admin.
         */
        get: operations["RoutingRulesController_list"];
        put?: never;
        /**
         * Add a routing rule
         * @description Roles: admin.
         */
        post: operations["RoutingRulesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/routing-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change, switch off or on a routing rule (never deleted)
         * @description Roles: admin.
         */
        patch: operations["RoutingRulesController_update"];
        trace?: never;
    };
    "/routing-rules/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which team would this case, or this draft, go to? Tries the rules as they stand; changes nothing
         * @description Roles: admin.
         */
        post: operations["RoutingRulesController_dryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your signals, newest first (all, or the unread ones)
         * @description Roles: buyer, staff, budget_holder.
         */
        get: operations["SignalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signals/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your signals read
         * @description Roles: buyer, staff, budget_holder.
         */
        post: operations["SignalsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signals/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How you hear of each kind of signal
         * @description Roles: buyer, staff, budget_holder.
         */
        get: operations["SignalsController_preferences"];
        /**
         * Choose per kind: in the inbox only, also by e-mail, or in a daily digest
         * @description Roles: buyer, staff, budget_holder.
         */
        put: operations["SignalsController_setPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signals/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all your signals read
         * @description Roles: buyer, staff, budget_holder.
         */
        post: operations["SignalsController_markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signals/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many of your signals are unread (for the header)
         * @description Roles: buyer, staff, budget_holder.
         */
        get: operations["SignalsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SLA policies per priority
         * @description Roles: admin.
         */
        get: operations["SlaPoliciesController_list"];
        put?: never;
        /**
         * Add the SLA policy of a priority
         * @description Roles: admin.
         */
        post: operations["SlaPoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sla-policies/{priority}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the SLA policy of a priority (applies to cases routed from now)
         * @description Roles: admin.
         */
        patch: operations["SlaPoliciesController_update"];
        trace?: never;
    };
    "/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the MeentCoop teams
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["TeamsController_list"];
        put?: never;
        /**
         * Add a MeentCoop team
         * @description Roles: admin.
         */
        post: operations["TeamsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/teams/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One MeentCoop team
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["TeamsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, deactivate or reactivate a MeentCoop team
         * @description Roles: admin.
         */
        patch: operations["TeamsController_update"];
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Roles: admin.
         */
        get: operations["UsersController_list"];
        put?: never;
        /**
         * Create a user
         * @description Roles: admin.
         */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One user
         * @description Roles: admin.
         */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user’s name, role, unit, domains or active flag
         * @description Roles: admin.
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a user’s password (ends their sessions)
         * @description Roles: admin.
         */
        put: operations["UsersController_setPassword"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/second-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a user’s second factor (a lost phone); a role that needs one sets up anew
         * @description Roles: admin.
         */
        delete: operations["SecondFactorController_removeFor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End every web session of a user (audited)
         * @description Roles: admin.
         */
        delete: operations["SessionsController_endAllOf"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The views the reader may open: built-in, their own, shared with them
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["ViewsController_list"];
        put?: never;
        /**
         * Save a view (personal, or shared with your team or unit)
         * @description Roles: buyer, staff, budget_holder, admin.
         */
        post: operations["ViewsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One view (a uuid, or `builtin:<key>`)
         * @description Roles: buyer, staff, budget_holder, auditor, admin.
         */
        get: operations["ViewsController_get"];
        put?: never;
        post?: never;
        /**
         * Delete a view you saved
         * @description Roles: buyer, staff, budget_holder, admin.
         */
        delete: operations["ViewsController_remove"];
        options?: never;
        head?: never;
        /**
         * Change a view you saved
         * @description Roles: buyer, staff, budget_holder, admin.
         */
        patch: operations["ViewsController_update"];
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The webhooks (secrets are never shown again)
         * @description Roles: admin.
         */
        get: operations["WebhooksController_list"];
        put?: never;
        /**
         * Register a webhook; the answer shows its signing secret, once
         * @description Roles: admin.
         */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change, deactivate or reactivate a webhook (never deleted)
         * @description Roles: admin.
         */
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddEuThresholdDto: {
            /** @example 21600000 */
            amountCents: number;
            /** @enum {string} */
            kind: "supplies" | "services" | "works" | "social_and_other_specific_services";
            /**
             * Format: date
             * @example 2028-01-01
             */
            validFrom: string;
            /**
             * Format: date
             * @example 2029-12-31
             */
            validTo: string;
        };
        AddNoteDto: {
            body: string;
            /**
             * @description Buyers may only add shared notes.
             * @enum {string}
             */
            visibility: "internal" | "shared";
        };
        AnswerBenefitShareDto: {
            /** @enum {string} */
            answer: "agreed" | "disputed";
            /** @description Required when disputed. */
            reason?: string;
        };
        AnswerCofundingDto: {
            /** @enum {string} */
            answer: "accept" | "decline";
            /**
             * @description Kostenplaats.
             * @example KP-WONEN-2210
             */
            budgetLine?: string;
            /**
             * @description The domain answered for.
             * @example housing
             */
            domainCode: string;
            /** @description Required when declining. */
            reason?: string;
        };
        AnswerPledgeTransferDto: {
            /** @enum {string} */
            answer: "accept" | "decline";
            /**
             * @description Kostenplaats of the pledge on the case that stays.
             * @example KP-WONEN-2210
             */
            budgetLine?: string;
            /** @description Required when declining. */
            reason?: string;
        };
        ApiClientDto: {
            /** @description Deactivate it (PATCH /users/{id}) to end its tokens at once. */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            domains: string[];
            /**
             * Format: uuid
             * @description The client id (`client_id`), also its user id.
             */
            id: string;
            name: string;
            organisationUnit: components["schemas"]["UnitRefDto"] | null;
            /** @enum {string} */
            role: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
            /** @description The live secrets (at most two). */
            secrets: components["schemas"]["ApiClientSecretDto"][];
            /** @description The user version, for If-Match on PATCH /users/{id}. */
            version: number;
        };
        ApiClientListDto: {
            items: components["schemas"]["ApiClientDto"][];
            nextCursor: string | null;
        };
        ApiClientSecretDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description The last token it got.
             */
            lastUsedAt: string | null;
        };
        AuditActionDto: {
            /**
             * @example case.transitioned
             * @enum {string}
             */
            action: "case.filed" | "case.routed" | "case.updated" | "case.assigned" | "case.transitioned" | "case.koppel_changed" | "case.sla_warned" | "case.sla_breached" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "note.added" | "funding.entry_recorded" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered" | "user.created" | "user.updated" | "user.password_set" | "user.second_factor_enrolled" | "user.second_factor_removed" | "user.recovery_code_used" | "user.sessions_ended" | "user.signed_up_by_provider" | "identity_mapping.created" | "identity_mapping.updated" | "identity_mapping.deleted" | "api_client.secret_created" | "api_client.secret_retired" | "api_client.token_issued" | "catalogue.changed" | "eu_threshold.added" | "job.retried" | "deliveries.replayed" | "webhook.failing" | "document.uploaded" | "document.version_added" | "document.withdrawn" | "document.downloaded" | "view.saved" | "view.deleted" | "signal.preferences_set" | "bulk_action.completed" | "audit.erased";
            /**
             * @description What the events of this action are about.
             * @example case
             */
            subjectType: string;
        };
        AuditActionListDto: {
            items: components["schemas"]["AuditActionDto"][];
        };
        AuditEventDto: {
            /** @example case.transitioned */
            action: string;
            /**
             * Format: uuid
             * @description null for Brug itself.
             */
            actorId: string | null;
            /** @description The actor’s display name at the time. */
            actorName: string;
            /** @example staff */
            actorRole: string;
            /** Format: uuid */
            caseId: string | null;
            /** @description What changed: old and new values, or from, to and reason. null when erased. */
            data: {
                [key: string]: unknown;
            } | null;
            /** @description SHA-256 (hex) of the RFC 8785 canonical JSON of data. */
            dataHash: string;
            /** @description Present when the data was erased. */
            erased?: components["schemas"]["ErasedDto"];
            /** @description SHA-256 over prevHash and the canonical content (events from before the tree). */
            hash: string | null;
            /** @description Its leaf in the audit tree; null until the sequencer reached it (seconds). */
            leafIndex: number | null;
            /** Format: date-time */
            occurredAt: string;
            /** @description The old hash chain (events from before the tree only, ADR 30). */
            prevHash: string | null;
            /**
             * @description The event’s number (in the order written).
             * @example 42
             */
            seq: number;
            subjectId: string;
            /** @example case */
            subjectType: string;
        };
        AuditEventListDto: {
            items: components["schemas"]["AuditEventDto"][];
            nextCursor: string | null;
            /** @description Every user, unit and case id on this page (actor, subject, case, and ids inside `data` such as an assignee or the koppel) and every domain code in `data`, by name: resolved in one query per page. An id that names nothing (any more) is left out. */
            references: {
                [key: string]: components["schemas"]["AuditReferenceDto"];
            };
        };
        AuditReferenceDto: {
            /** @enum {string} */
            kind: "user" | "unit" | "case" | "domain";
            /** @description The person’s or unit’s name now, the case’s reference, or the domain’s Dutch name. */
            name: string;
            /** @description A domain’s English name. */
            nameEn?: string;
        };
        AvailableTransitionDto: {
            /** @description A reason is asked for without being required. */
            asksReason: boolean;
            /**
             * @description What the body must carry for this transition.
             * @enum {string|null}
             */
            requires: "reason" | "proposal" | "outcome" | null;
            /** @enum {string} */
            to: "filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn";
        };
        BenefitShareDto: {
            /** @description What the domain’s budget holder said of this share; null: not answered. */
            answer: components["schemas"]["ShareAnswerDto"] | null;
            /**
             * @description Basis points (10,000 = 100 %).
             * @example 4000
             */
            basisPoints: number;
            /** @example energy */
            domainCode: string;
            /**
             * @description null for a domain no longer on the case since the shares were set.
             * @enum {string|null}
             */
            role: "lead" | "affected" | null;
        };
        BenefitShareHistoryDto: {
            /** @description Newest first. */
            items: components["schemas"]["BenefitShareVersionDto"][];
        };
        BenefitShareInput: {
            /**
             * @description Basis points: 1 = 0.01 %, 10,000 = 100 %. A whole number.
             * @example 3000
             */
            basisPoints: number;
            /**
             * @description A domain the case touches.
             * @example energy-poverty
             */
            domainCode: string;
        };
        BenefitSharesDto: {
            /** Format: uuid */
            caseId: string;
            /** @description True while the default holds (nobody set shares). */
            isDefault: boolean;
            reasoning: string | null;
            /** Format: date-time */
            setAt: string | null;
            setBy: components["schemas"]["ShareSetterDto"] | null;
            /** @description Lead domain first, then by code. */
            shares: components["schemas"]["BenefitShareDto"][];
            /**
             * @description How many times the shares were set; 0: never, the default (lead domain 100 %) holds.
             * @example 1
             */
            version: number;
        };
        BenefitShareVersionDto: {
            reasoning: string;
            /** Format: date-time */
            setAt: string;
            setBy: components["schemas"]["ShareSetterDto"];
            shares: components["schemas"]["BenefitShareInput"][];
            version: number;
        };
        BulkActionDto: {
            /** @enum {string} */
            action: "assign" | "take_on" | "transition";
            counts: components["schemas"]["BulkCountsDto"];
            /** Format: date-time */
            createdAt: string;
            filters: components["schemas"]["ViewFiltersDto"] | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description The next page of results. */
            nextCursor: string | null;
            params: components["schemas"]["BulkParamsDto"];
            requestedBy: components["schemas"]["BulkPersonDto"];
            /** @description A page of per-case results, by position. */
            results: components["schemas"]["BulkResultDto"][];
            /** @enum {string} */
            selection: "cases" | "filters";
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            state: "queued" | "running" | "finished";
            total: number;
        };
        BulkActionInput: {
            /** @enum {string} */
            action: "assign" | "take_on" | "transition";
            /**
             * Format: uuid
             * @description Required for (and only with) assign.
             */
            assigneeId?: string;
            /** @description With take_on or assign to oneself: take cases of another team on, moving their team and the MeentCoop half of the koppel; without it such cases are skipped (koppel_team_mismatch). */
            moveKoppel?: boolean;
            /** @description With transition; required when moving to declined or withdrawn. */
            reason?: string;
            selection: components["schemas"]["BulkSelectionDto"];
            /**
             * @description Required for (and only with) transition.
             * @enum {string}
             */
            to?: "accepted" | "declined" | "in_progress" | "withdrawn";
        };
        BulkCaseRefDto: {
            /** Format: uuid */
            id: string;
            /** @description The version of the case the person saw when selecting it. */
            version: number;
        };
        BulkCountsDto: {
            done: number;
            failed: number;
            pending: number;
            skipped: number;
        };
        BulkParamsDto: {
            assignee?: components["schemas"]["BulkPersonDto"];
            /** Format: uuid */
            assigneeId?: string;
            moveKoppel?: boolean;
            reason?: string;
            /** @enum {string} */
            to?: "accepted" | "declined" | "in_progress" | "withdrawn";
        };
        BulkPersonDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        BulkPreviewDto: {
            /** @description How many cases the selection holds now. */
            count: number;
            /** @description True when more match than could be counted (count is a floor). */
            countCapped: boolean;
            /** @example 1000 */
            max: number;
            /** @description Whether the selection may be done in one bulk action. */
            withinLimit: boolean;
        };
        BulkResultDto: {
            /** Format: uuid */
            caseId: string;
            /**
             * @description Null while pending.
             * @enum {string|null}
             */
            outcome: "done" | "skipped" | "failed" | null;
            /** @description The place of the case in the selection, from 1. */
            position: number;
            /** @description Why it was skipped or failed: stale_version (changed since it was selected), no_change, or the error code the single action would answer with (transition_not_allowed, forbidden, case_not_found, koppel_team_mismatch, case_not_editable, …); internal_error when it kept failing. */
            reason: string | null;
            /** @example BRUG-2026-000042 */
            reference: string | null;
        };
        BulkSelectionDto: {
            /** @description The cases picked (a page of the list), each with the version seen; a case changed since is skipped. */
            cases?: components["schemas"]["BulkCaseRefDto"][];
            /** @description The list filters of a view (as GET /cases takes them): every matching case. */
            filters?: components["schemas"]["ViewFiltersDto"];
            /**
             * @description The order cases are done in.
             * @enum {string}
             */
            sort?: "-filedAt" | "filedAt" | "deadline" | "-priority" | "priority" | "-estimatedValue" | "estimatedValue" | "leadDomain" | "-leadDomain" | "buyer" | "-buyer";
        };
        BundleConsistencyDto: {
            fromSize: number;
            proof: string[];
        };
        BundleEventDto: {
            data: {
                [key: string]: unknown;
            } | null;
            erased?: components["schemas"]["ErasedDto"];
            /** @description Inclusion proof to the checkpoint, base64. */
            inclusionProof: string[];
            /** @description The exact canonical envelope text that was hashed as the leaf. */
            leaf: string;
            leafIndex: number;
        };
        CaseBundleDto: {
            /** Format: uuid */
            caseId: string;
            /** @description The signed checkpoint (signed-note text) the proofs lead to. */
            checkpoint: string;
            consistency?: components["schemas"]["BundleConsistencyDto"];
            events: components["schemas"]["BundleEventDto"][];
            /** @enum {string} */
            format: "brug-audit-bundle/1";
            /** @description The case’s events not yet in a checkpoint (sequenced within seconds). */
            pending: number;
            treeSize: number;
            verifierKey: string;
        };
        CaseDomainDto: {
            /** @example energy */
            code: string;
            /** @enum {string} */
            role: "lead" | "affected";
        };
        CaseDomainInput: {
            /** @example energy */
            code: string;
            /** @enum {string} */
            role: "lead" | "affected";
        };
        CaseDto: {
            /** @description The statuses the caller may move this case to now. */
            allowedTransitions: ("filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn")[];
            assignee: components["schemas"]["RefDto"] | null;
            /** @description The transitions the caller may take now, each with what it needs (the state machine read for this person). */
            availableTransitions: components["schemas"]["AvailableTransitionDto"][];
            /** @description What the caller may do with the SLA clock now: suspend it, resume it, extend a stage (ADR 26). */
            clockActions: ("suspend" | "resume" | "extend")[];
            /** @description Touches more than one policy domain. */
            crossDomain: boolean;
            /** Format: date */
            deadline: string | null;
            description: string;
            domains: components["schemas"]["CaseDomainDto"][];
            /** @description The fields the caller may change now with PATCH (the same rule PATCH enforces): buyers the content while the case is filed or routed; staff the value and the deadline while it is open, and priority and assignee. */
            editableFields: ("title" | "description" | "tenderReference" | "procurementStage" | "procurementKind" | "estimatedValueCents" | "deadline" | "domains" | "priority" | "assigneeId")[];
            /** @example 120000000 */
            estimatedValueCents: number;
            /** @description The EU threshold in force on the filing day for the procurement kind (null without a kind or a threshold for the day); a flag, never blocking. */
            euThreshold: components["schemas"]["CaseEuThresholdDto"] | null;
            /** Format: date-time */
            filedAt: string;
            filedBy: components["schemas"]["RefDto"];
            /** @description The status history, oldest first, read with the case (one source for status, team and timeline): in the answers about one case, not in lists. */
            history?: components["schemas"]["StatusChangeDto"][];
            /** Format: uuid */
            id: string;
            koppel: components["schemas"]["KoppelDto"] | null;
            /** @description Whether the caller may change the koppel now (PUT /cases/{id}/koppel). */
            mayChangeKoppel: boolean;
            organisationUnit: components["schemas"]["RefDto"];
            outcome: components["schemas"]["OutcomeDto"] | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @description Why the priority is what it is: the SLA breaches that raised it there, oldest first. Empty when it is the priority a person chose. */
            priorityRaisedBy: components["schemas"]["PriorityRaiseDto"][];
            /** @enum {string|null} */
            procurementKind: "supplies" | "services" | "works" | "social_and_other_specific_services" | null;
            /** @enum {string} */
            procurementStage: "planning" | "tender" | "award" | "contract" | "implementation";
            proposal: string | null;
            /** @example BRUG-2026-000042 */
            reference: string;
            /** @description The SLA clock per stage (empty before routing); ADR 26. */
            sla: components["schemas"]["SlaStageDto"][];
            /** @enum {string} */
            status: "filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn";
            /** @description The current suspension of the SLA clock, if any. */
            suspension: components["schemas"]["SuspensionDto"] | null;
            team: components["schemas"]["RefDto"] | null;
            tenderReference: string | null;
            title: string;
            /** Format: date-time */
            updatedAt: string;
            /** @example 1 */
            version: number;
        };
        CaseEuThresholdDto: {
            /** @example 21600000 */
            amountCents: number;
            /** @description Staff, auditors and admins: the cases sharing the tender reference (null for others, or without a reference shared with another case). */
            group: components["schemas"]["EuThresholdGroupDto"] | null;
            /**
             * @description The period, as an ISO 8601 interval.
             * @example 2026-01-01/2027-12-31
             */
            period: string;
            /** @description The estimated value reaches the threshold. */
            reached: boolean;
        };
        CaseFundingDto: {
            /**
             * Format: date-time
             * @description With `?asOf=`: the moment the answer is as of (the last microsecond of the day for a day). Entries, benefit shares and the status are as recorded by then; the estimated value and the domains are the case’s present ones.
             */
            asOf?: string;
            /** @description Lead domain first, then by code. */
            byDomain: components["schemas"]["DomainFundingDto"][];
            /** Format: uuid */
            caseId: string;
            committedCents: number;
            /** @enum {string} */
            costBasis: "committed" | "estimated";
            /**
             * @description What the fair shares split: the committed total when there is one, else the estimated value.
             * @example 120000000
             */
            costBasisCents: number;
            disbursedCents: number;
            /** @example 120000000 */
            estimatedValueCents: number;
            /** @description Estimated value − committed (negative when more is committed than estimated). */
            gapCents: number;
            /**
             * @description Domains the case touches with nothing committed or pledged.
             * @example [
             *       "energy-poverty",
             *       "care"
             *     ]
             */
            nonPayingDomains: string[];
            pledgedCents: number;
            /** @example BRUG-2026-000042 */
            reference: string;
        };
        CaseLinkDto: {
            case: components["schemas"]["LinkedCaseDto"];
            /** Format: date-time */
            createdAt: string;
            /** @description Who linked them. */
            createdBy: components["schemas"]["HistoryActorDto"];
            /**
             * @description `outgoing`: this case is `kind` the other (a sub-case `part_of` its parent); `incoming`: the other case is `kind` this one (a sub-case of this case, a duplicate of it).
             * @enum {string}
             */
            direction: "outgoing" | "incoming";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "related" | "part_of" | "duplicate_of";
        };
        CaseLinkListDto: {
            /** @description The links of the case whose other case the caller may see (at most 50, oldest first). */
            items: components["schemas"]["CaseLinkDto"][];
            /** @description The money of this case and its sub-cases together; null without sub-cases. */
            withSubCases: components["schemas"]["LinkedMoneyDto"] | null;
        };
        CaseListDto: {
            items: components["schemas"]["CaseDto"][];
            nextCursor: string | null;
            /**
             * @description How many cases match the filters (all pages), counted up to 10000: with `totalCapped` true there are more than that.
             * @example 42
             */
            total: number;
            /** @description More than `total` (10000) cases match. */
            totalCapped: boolean;
        };
        ChangeKoppelDto: {
            /**
             * Format: uuid
             * @description The MeentCoop half: an active staff member.
             */
            meentcoopId: string;
            /**
             * Format: uuid
             * @description The municipal half: an active buyer of the case’s unit (the filer or a colleague), or an active municipal budget holder of one of its domains.
             */
            municipalId: string;
            /** @description Why the koppel changes. */
            reason: string;
        };
        ChangeOwnPasswordDto: {
            currentPassword: string;
            /** @description Any characters; refused when it is a commonly used password. */
            newPassword: string;
        };
        CheckpointDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description The C2SP signed note (tlog-checkpoint), as text. */
            note: string;
            /** @example brug.example/audit */
            origin: string;
            /** @description RFC 9162 root hash, base64. */
            rootHash: string;
            /** @description Leaves in the tree. */
            treeSize: number;
        };
        ClientTokenDto: {
            access_token: string;
            /** @example 3600 */
            expires_in: number;
            /** @enum {string} */
            token_type: "Bearer";
        };
        CloseAsDuplicateDto: {
            /** @description Why it is a duplicate (the buyer reads it; it is the outcome’s summary). */
            reason: string;
            /** @description The open case that stays: its id or its reference. */
            target: string;
        };
        CofundingItemDto: {
            /** @example 24000000 */
            amountCents: number;
            /** Format: date-time */
            answeredAt: string | null;
            answeredBy: components["schemas"]["PersonRefDto"] | null;
            /** @example housing */
            domainCode: string;
            /**
             * Format: uuid
             * @description The pledge an accepted item became (a funding entry).
             */
            pledgeEntryId: string | null;
            /** @description Why the domain declined. */
            reason: string | null;
            /** @enum {string} */
            state: "open" | "accepted" | "declined" | "expired";
        };
        CofundingItemInput: {
            /**
             * @description Default: the domain’s fair share less what it pledged and committed.
             * @example 24000000
             */
            amountCents?: number;
            /**
             * @description A domain the case touches.
             * @example housing
             */
            domainCode: string;
        };
        CofundingProposalDto: {
            /** Format: date-time */
            answerBy: string | null;
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["PersonRefDto"];
            /** Format: uuid */
            id: string;
            /** @description By domain code. */
            items: components["schemas"]["CofundingItemDto"][];
            note: string | null;
            /** @description The benefit shares’ version the amounts were made from. */
            sharesVersion: number;
            /**
             * @description open: items open, none accepted; partly_accepted: some accepted, not all; accepted: all; declined: none accepted, all declined; expired: none accepted and some open past answerBy.
             * @enum {string}
             */
            state: "open" | "partly_accepted" | "accepted" | "declined" | "expired";
            /** @description Counts the answers; the ETag and If-Match of an answer. */
            version: number;
        };
        CofundingProposalListDto: {
            /** @description Newest first. */
            items: components["schemas"]["CofundingProposalDto"][];
        };
        CommonsPipelineDto: {
            /** @description Per status (accepted, in_progress, proposed); adds up to the totals. */
            byStatus: {
                [key: string]: components["schemas"]["PipelineStatusDto"];
            };
            /** @description Cases accepted by MeentCoop and not yet resolved, declined or withdrawn. */
            cases: number;
            /** @description Their estimated value: nothing is awarded yet, and whether a supplier counts towards the commons is known only when the case is resolved. */
            estimatedValueCents: number;
        };
        CommonsShareDto: {
            awardedValueCents: number;
            /** @description Per supplier type (cooperative, collective, foundation_or_association, social_enterprise, private_company, public_body); adds up to the totals. */
            bySupplierType: {
                [key: string]: components["schemas"]["SupplierTypeShareDto"];
            };
            /** @description Of those, the cases awarded to commons-type suppliers. */
            commonsCases: number;
            /** @description commonsValueCents / awardedValueCents. */
            commonsShare: number;
            /** @description Awarded to cooperatives, collectives, foundations or associations and social enterprises. */
            commonsValueCents: number;
            /** @description Beside the resolved share: the cases still on their way to an award, now (whatever the year). */
            pipeline: components["schemas"]["CommonsPipelineDto"];
            /** @description Cases resolved in the year (Amsterdam time): the number the share rests on (one case makes a share of 0% or 100%). */
            resolvedCases: number;
            /** @example 0.35 */
            target: number;
            /** @example 2035 */
            targetYear: number;
            /** @example 2026 */
            year: number;
        };
        ConsistencyProofDto: {
            from: number;
            /** @description RFC 9162 proof hashes, base64, bottom up. */
            proof: string[];
            to: number;
        };
        CreateApiClientDto: {
            /**
             * @example [
             *       "energy"
             *     ]
             */
            domains?: string[];
            /** @example Financieel systeem Energie */
            name: string;
            /** Format: uuid */
            organisationUnitId?: Record<string, never> | null;
            /**
             * @description The one role the integration acts with.
             * @enum {string}
             */
            role: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
        };
        CreateBulkActionDto: {
            /** @enum {string} */
            action: "assign" | "take_on" | "transition";
            /**
             * Format: uuid
             * @description Required for (and only with) assign.
             */
            assigneeId?: string;
            /** @description With take_on or assign to oneself: take cases of another team on, moving their team and the MeentCoop half of the koppel; without it such cases are skipped (koppel_team_mismatch). */
            moveKoppel?: boolean;
            /** @description With transition; required when moving to declined or withdrawn. */
            reason?: string;
            selection: components["schemas"]["BulkSelectionDto"];
            /**
             * @description Required for (and only with) transition.
             * @enum {string}
             */
            to?: "accepted" | "declined" | "in_progress" | "withdrawn";
        };
        CreateCaseLinkDto: {
            /**
             * @description `related`: the cases touch each other; `part_of`: this case is a sub-case of `target`. A duplicate is linked by closing it (`POST /cases/{id}/duplicate-of`).
             * @enum {string}
             */
            kind: "related" | "part_of";
            /** @description The other case: its id or its reference (BRUG-2026-000042). */
            target: string;
        };
        CreateCofundingProposalDto: {
            /**
             * Format: date-time
             * @description Answers are taken until then; items still open after it are expired.
             */
            answerBy?: string;
            /** @description The domains asked, each at most once. Left out: every domain whose fair share is more than it pledged and committed, for the difference. */
            items?: components["schemas"]["CofundingItemInput"][];
            note?: string;
        };
        CreatedApiClientDto: {
            client: components["schemas"]["ApiClientDto"];
            secret: components["schemas"]["NewApiClientSecretDto"];
        };
        CreateDesignatedDayDto: {
            /**
             * Format: date
             * @example 2029-05-11
             */
            date: string;
            /** @example Vrijdag na Hemelvaartsdag */
            name: string;
        };
        CreateDomainDto: {
            /**
             * @description Kebab-case; never changes once created.
             * @example community
             */
            code: string;
            /** @example City villages and neighbourhood initiatives */
            nameEn: string;
            /** @example Stadsdorpen en buurtinitiatieven */
            nameNl: string;
        };
        CreatedWebhookDto: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** @description Only events of cases touching these domains; empty: every domain. */
            domainCodes: string[];
            eventTypes: ("case.filed" | "case.updated" | "case.transitioned" | "case.koppel_changed" | "note.added" | "case.sla_breached" | "case.sla_warning" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "funding.entry_recorded" | "funding.pledge_expired" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered")[];
            /**
             * Format: date-time
             * @description Since when its deliveries fail without one success; null while it answers.
             */
            failingSince: string | null;
            /** Format: uuid */
            id: string;
            /** @description Shown once: keep it to check the Brug-Signature header. */
            secret: string;
            /**
             * Format: date-time
             * @description When Brug switched it off itself (it answered 410 Gone).
             */
            switchedOffAt: string | null;
            /** @example webhook answered 410 */
            switchedOffReason: string | null;
            /** @description Only events of cases of these MeentCoop teams; empty: every team. */
            teamIds: string[];
            /** @example https://collectief.example/brug-events */
            url: string;
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
        };
        CreateErasureDto: {
            /** @enum {string} */
            basis: "archiefwet_vernietiging" | "avg_verwijdering";
            /** @example Bewaartermijn verstreken (selectielijst 2026). */
            reason: string;
            /** Format: uuid */
            subjectId: string;
            /**
             * @description Whose events: a case’s or a user’s.
             * @enum {string}
             */
            subjectType: "case" | "user";
        };
        CreateIdentityMappingDto: {
            /** @example meentcoop-energy */
            claimValue: string;
            domains?: string[];
            /** Format: uuid */
            organisationUnitId?: string | null;
            /** @example meentcoop */
            provider: string;
            /** @enum {string} */
            role: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
        };
        CreateOrganisationUnitDto: {
            /** @example meentcoop-care */
            code: string;
            /** @enum {string} */
            kind: "municipal" | "meentcoop_team";
            /** @example MeentCoop Zorg */
            name: string;
        };
        CreateRoutingRuleDto: {
            anyDomains?: string[];
            /**
             * @example [
             *       "energy"
             *     ]
             */
            leadDomains?: string[];
            maxValueCents?: number | null;
            minValueCents?: number | null;
            /** @example Grote energieaanbestedingen */
            name: string;
            /** @example 15 */
            position: number;
            priorities?: ("low" | "normal" | "high" | "urgent")[];
            /**
             * Format: uuid
             * @description A MeentCoop team.
             */
            teamId: string;
        };
        CreateSlaPolicyDto: {
            acceptSeconds?: number | null;
            acceptWorkingDays?: number;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            proposeSeconds?: number | null;
            proposeWorkingDays?: number;
            warnBeforeSeconds?: number;
        };
        CreateSubCaseDto: {
            /**
             * @description The domain of the parent this sub-case is for; it becomes its lead domain.
             * @example housing
             */
            domainCode: string;
            /** @description Its part of the value; 0 when left out. */
            estimatedValueCents?: number;
            /** @description Its title; the parent’s title when left out. */
            title?: string;
        };
        CreateTeamDto: {
            /** @example meentcoop-care */
            code: string;
            /** @example MeentCoop Zorg */
            name: string;
        };
        CreateUserDto: {
            /**
             * @example [
             *       "energy"
             *     ]
             */
            domains?: string[];
            /** @example a.jansen@amsterdam.example */
            email: string;
            /** @example A. Jansen */
            name: string;
            /** Format: uuid */
            organisationUnitId?: Record<string, never> | null;
            /** @description Optional; without it the user cannot sign in until one is set. Not a common password. */
            password?: string;
            /** @enum {string} */
            role: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
        };
        CreateViewDto: {
            columns?: ("status" | "team" | "assignee" | "sla" | "deadline" | "value" | "unit")[];
            filters?: components["schemas"]["ViewFiltersDto"];
            /** @example Energie, verlopen */
            name: string;
            /** @description Share with your team (staff) or your unit (buyers). */
            shared?: boolean;
            /**
             * @default -filedAt
             * @enum {string}
             */
            sort?: "-filedAt" | "filedAt" | "deadline" | "-priority" | "priority" | "-estimatedValue" | "estimatedValue" | "leadDomain" | "-leadDomain" | "buyer" | "-buyer";
        };
        CreateWebhookDto: {
            description?: string;
            /** @description Empty: every domain. */
            domainCodes?: string[];
            eventTypes: ("case.filed" | "case.updated" | "case.transitioned" | "case.koppel_changed" | "note.added" | "case.sla_breached" | "case.sla_warning" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "funding.entry_recorded" | "funding.pledge_expired" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered")[];
            /** @description Generated when left out. */
            secret?: string;
            /** @description Empty: every team. */
            teamIds?: string[];
            /** @example https://collectief.example/brug-events */
            url: string;
        };
        DayOffDto: {
            /** Format: date */
            date: string;
            /** @description A designated day's name as the administrator gave it. */
            name?: string;
            /**
             * @description Why the day is not a working day.
             * @enum {string}
             */
            rule: "weekend" | "new_years_day" | "good_friday" | "easter_monday" | "kings_day" | "liberation_day" | "ascension_day" | "whit_monday" | "christmas_day" | "boxing_day" | "designated_day";
            /** @description The rule's name in Dutch and English. */
            ruleName: components["schemas"]["RuleNamesDto"];
        };
        DaysOffDto: {
            /** @description Whether Goede Vrijdag counts (CALENDAR_GOOD_FRIDAY). */
            goodFriday: boolean;
            /** @description Every day off of the year other than an ordinary Saturday or Sunday. */
            items: components["schemas"]["DayOffDto"][];
            year: number;
        };
        DeadlineChangeDto: {
            actor: components["schemas"]["HistoryActorDto"];
            /** Format: date-time */
            at: string;
            /**
             * @description `suspension`: stopped, or moved by the working time suspended; `extension`: moved by staff; `calendar`: fell on a day off and rolled to the next working day (`rule`); `breach`: passed while open.
             * @enum {string}
             */
            cause: "suspension" | "extension" | "calendar" | "breach";
            /**
             * Format: date-time
             * @description null: the clock stopped (a suspension began).
             */
            newDueAt: string | null;
            /** Format: date-time */
            oldDueAt: string | null;
            reason: string | null;
            /** @description For `calendar`: the day off it fell on (`kings_day`, `weekend`, …). */
            rule: string | null;
            /** @description For `calendar`: the rule in Dutch and English. */
            ruleName: components["schemas"]["RuleNameDto"] | null;
            /** @description Seconds the due time moved by (for a suspension: the working time suspended). */
            shiftSeconds: number | null;
            /** @enum {string} */
            stage: "accept" | "propose";
            /** Format: uuid */
            suspensionId: string | null;
            /** @enum {string|null} */
            suspensionKind: "waiting_for_buyer" | "waiting_for_funding" | "waiting_for_third_party" | "other" | null;
        };
        DeadlineListDto: {
            /** @description Oldest first. */
            items: components["schemas"]["DeadlineChangeDto"][];
        };
        DeliveryDto: {
            attempts: number;
            /** @enum {string} */
            channel: "email" | "webhook";
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The event (the CloudEvents id).
             */
            eventId: string;
            /** @example case.transitioned */
            eventType: string;
            /** Format: date-time */
            firstAttemptAt: string | null;
            /** Format: uuid */
            id: string;
            /** @example webhook answered 503 */
            lastError: string | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** @description The webhook id, or the email address. */
            recipient: string;
            replays: number;
            /** Format: date-time */
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sending" | "retrying" | "sent" | "failed" | "skipped";
        };
        DeliveryListDto: {
            items: components["schemas"]["DeliveryDto"][];
            nextCursor: string | null;
        };
        DependencyChecksDto: {
            /** @enum {string} */
            database: "up" | "down";
            /** @enum {string} */
            redis: "up" | "down";
        };
        DesignatedDayDto: {
            /** Format: date-time */
            addedAt: string;
            /**
             * Format: uuid
             * @description Who added it; null for the days Brug was shipped with.
             */
            addedById: string | null;
            /**
             * Format: date
             * @example 2026-05-15
             */
            date: string;
            /** @example Vrijdag na Hemelvaartsdag */
            name: string;
        };
        DesignatedDayListDto: {
            items: components["schemas"]["DesignatedDayDto"][];
        };
        DocumentDto: {
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            createdAt: string;
            createdBy: components["schemas"]["RefDto"];
            /** @enum {string} */
            direction: "incoming" | "outgoing" | "internal";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "specification" | "market_consultation" | "offer" | "clarification" | "decision" | "contract" | "correspondence" | "other";
            /** @description The newest version. */
            latest: components["schemas"]["DocumentVersionDto"];
            title: string;
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
            /** @example 2 */
            versionCount: number;
            /** @enum {string} */
            visibility: "internal" | "shared";
            withdrawal: components["schemas"]["WithdrawalDto"] | null;
        };
        DocumentListDto: {
            items: components["schemas"]["DocumentDto"][];
            nextCursor: string | null;
        };
        DocumentUploadDto: {
            /** @enum {string} */
            direction: "incoming" | "outgoing" | "internal";
            /**
             * Format: binary
             * @description The file, as the last part; its name is kept (sanitised).
             */
            file: string;
            /** @enum {string} */
            kind: "specification" | "market_consultation" | "offer" | "clarification" | "decision" | "contract" | "correspondence" | "other";
            /** @example Bestek energiebespaarservice */
            title: string;
            /**
             * @description Buyers may only add shared ones.
             * @enum {string}
             */
            visibility: "internal" | "shared";
        };
        DocumentVersionDto: {
            /** @example bestek-v1.pdf */
            fileName: string;
            /** @example application/pdf */
            mediaType: string;
            /** @example 1 */
            number: number;
            sha256: string;
            /** @example 48213 */
            sizeBytes: number;
            /** Format: date-time */
            uploadedAt: string;
            uploadedBy: components["schemas"]["RefDto"];
        };
        DocumentVersionListDto: {
            items: components["schemas"]["DocumentVersionDto"][];
        };
        DomainDto: {
            active: boolean;
            /** @example energy-poverty */
            code: string;
            /** @example Affordable energy bills */
            nameEn: string;
            /** @example Betaalbare energierekening */
            nameNl: string;
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
        };
        DomainFundingDto: {
            /**
             * @description Committed − fair share: positive, pays for others; negative, others pay for it.
             * @example 72000000
             */
            balanceCents: number;
            /**
             * @description The benefit share in force, in basis points (10,000 = 100 %).
             * @example 4000
             */
            basisPoints: number;
            committedCents: number;
            disbursedCents: number;
            /** @example energy */
            domainCode: string;
            /**
             * @description Benefit share × the case’s cost basis, in whole cents (largest remainder: the fair shares add up to the cost basis exactly).
             * @example 48000000
             */
            fairShareCents: number;
            /** @description Pledged and still open (not committed, not released). */
            pledgedCents: number;
            /**
             * @description null for a domain that has entries but no longer is one of the case’s domains.
             * @enum {string|null}
             */
            role: "lead" | "affected" | null;
        };
        DomainListDto: {
            items: components["schemas"]["DomainDto"][];
        };
        DryRunCaseRefDto: {
            /** Format: uuid */
            id: string;
            /** @example BRUG-2026-000042 */
            reference: string;
            title: string;
        };
        DryRunRuleDto: {
            /** Format: uuid */
            id: string;
            /** @description Whether every condition of the rule holds. */
            matches: boolean;
            name: string;
            position: number;
            team: components["schemas"]["TeamRefDto"];
            /** @description The conditions that do not hold (empty when it matches). */
            unmet: ("leadDomains" | "anyDomains" | "minValueCents" | "maxValueCents" | "priorities")[];
        };
        ErasedDto: {
            /** Format: date-time */
            at: string;
            /** @enum {string} */
            basis: "archiefwet_vernietiging" | "avg_verwijdering";
            /** @description Who erased it (name at the time). */
            by: string;
            /** @description The leaf index of the erasure’s own event; null until sequenced. */
            eventLeafIndex: number | null;
        };
        ErasureDto: {
            /** @enum {string} */
            basis: "archiefwet_vernietiging" | "avg_verwijdering";
            /** Format: date-time */
            erasedAt: string;
            /** @description How many events’ data were erased. */
            events: number;
            /** Format: uuid */
            id: string;
            reason: string;
            /** Format: uuid */
            subjectId: string;
            /** @enum {string} */
            subjectType: "case" | "user";
        };
        EuThresholdDto: {
            /** Format: date-time */
            addedAt: string;
            addedByName: string;
            /** @example 21600000 */
            amountCents: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "supplies" | "services" | "works" | "social_and_other_specific_services";
            /** Format: date */
            validFrom: string;
            /** Format: date */
            validTo: string;
        };
        EuThresholdGroupDto: {
            /** @description Open cases (not withdrawn or declined) with this tender reference. */
            caseCount: number;
            /** @description Together they reach the threshold while each stays below it: a possible split. */
            possibleSplit: boolean;
            /** @example TN-2026-0815 */
            tenderReference: string;
            /** @description Their estimated values together. */
            totalCents: number;
        };
        EuThresholdListDto: {
            /** @description By period, then kind. */
            items: components["schemas"]["EuThresholdDto"][];
        };
        ExtendDeadlineDto: {
            /**
             * Format: date-time
             * @description The new due time, later than the current one. Staff: once per stage, adding at most the stage’s own length; more needs an admin. On a day off it rolls to the next working day.
             */
            dueAt: string;
            reason: string;
            /** @enum {string} */
            stage: "accept" | "propose";
        };
        FailedJobDto: {
            attemptsMade: number;
            data: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            failedAt: string | null;
            failedReason: string;
            /** @description Opaque; use it to retry. */
            id: string;
            /** @example deliver-webhook */
            name: string;
            /** @example notifications */
            queue: string;
        };
        FailedJobListDto: {
            items: components["schemas"]["FailedJobDto"][];
        };
        FieldErrorDto: {
            /**
             * @description The rule the field broke, a stable snake_case identifier (e.g. required, too_long, not_one_of, out_of_range, invalid_text): word it from this and `params`, not from `message`.
             * @example too_long
             */
            code: string;
            /** @example domains[1].code */
            field: string;
            /** @example must be shorter than or equal to 200 characters */
            message: string;
            /**
             * @description The values the rule names, e.g. { max: 200 }, { allowed: [...] }, { min, max }.
             * @example {
             *       "max": 200
             *     }
             */
            params?: {
                [key: string]: unknown;
            };
        };
        FileCaseDto: {
            /**
             * Format: date
             * @example 2027-03-01
             */
            deadline?: string | null;
            description?: string;
            domains: components["schemas"]["CaseDomainInput"][];
            /** @example 120000000 */
            estimatedValueCents: number;
            /** @description Funding known today; every domain is one of the case’s domains. */
            initialFunding?: components["schemas"]["InitialFundingInput"][];
            /**
             * Format: uuid
             * @description The municipal unit the case is filed for: a buyer’s own (may be left out); required when an admin files.
             */
            organisationUnitId?: string;
            /**
             * @default normal
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "urgent";
            /**
             * @description What is bought, for the EU threshold in force on the filing day.
             * @enum {string|null}
             */
            procurementKind?: "supplies" | "services" | "works" | "social_and_other_specific_services" | null;
            /**
             * @default planning
             * @enum {string}
             */
            procurementStage?: "planning" | "tender" | "award" | "contract" | "implementation";
            /** @example TN-2026-0815 */
            tenderReference?: string | null;
            /** @example Aanbesteding energiebespaarservice 2027 */
            title: string;
        };
        FundingActorDto: {
            /**
             * Format: uuid
             * @description null for Brug.
             */
            id: string | null;
            name: string;
            /** @example budget_holder */
            role: string;
        };
        FundingDomainCellDto: {
            committedCents: number;
            disbursedCents: number;
            /**
             * @description The domain touched by, or funding, them.
             * @example housing
             */
            domain: string;
            /**
             * @description The lead domain of the cases counted (null only for a case without a lead).
             * @example energy
             */
            leadDomain: string | null;
            /** @description Cases that touch the domain (lead or affected) with nothing committed or pledged by it. */
            nonPayingCases: number;
            /** @description Cases for which the domain has money committed or pledged. */
            payingCases: number;
            pledgedCents: number;
            /** @description Cases that touch the domain (lead or affected). */
            touchedCases: number;
        };
        FundingDomainMatrixDto: {
            /**
             * @description How many cases the filters select.
             * @example 1234
             */
            caseCount: number;
            /** @description One cell per (lead domain, domain) pair with at least one case: over the selected cases led by `leadDomain`, what `domain` committed, pledged and disbursed, and how many of them it touches, pays for and does not pay for. A case counts in one cell per domain, so the cells of a domain add up to its totals. At most (domains + 1)² cells, however many cases. Ordered by lead domain, then domain. */
            cells: components["schemas"]["FundingDomainCellDto"][];
            /** @description Every domain that leads, is touched by or funds a selected case, by code. */
            domains: string[];
            /** @description Per domain, over every selected case: the sums of its cells (the same numbers as the totals of `GET /funding/matrix`, with `nonPayingCases`). */
            totals: {
                [key: string]: components["schemas"]["FundingDomainTotalsDto"];
            };
        };
        FundingDomainTotalsDto: {
            committedCents: number;
            disbursedCents: number;
            /** @description Cases that touch the domain (lead or affected) with nothing committed or pledged by it. */
            nonPayingCases: number;
            /** @description Cases for which the domain has money committed or pledged. */
            payingCases: number;
            pledgedCents: number;
            /** @description Cases that touch the domain (lead or affected). */
            touchedCases: number;
        };
        FundingEntryDto: {
            actor: components["schemas"]["FundingActorDto"];
            /** @example 45000000 */
            amountCents: number;
            budgetLine: string | null;
            /** Format: uuid */
            caseId: string;
            /** @example energy */
            domainCode: string;
            /**
             * Format: date-time
             * @description A pledge’s expiry (Brug releases what is open of it then); else null.
             */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "pledge" | "commit" | "disburse" | "release";
            note: string | null;
            /**
             * @description For `commit`: how much of the open pledge became committed; else 0.
             * @example 45000000
             */
            pledgeConvertedCents: number;
            /**
             * @description Why Brug recorded the entry itself: `case_closed`, the release of an open pledge when the case was declined or withdrawn; `expired`, the release of what was open of a pledge when its `expiresAt` passed. null for entries people record.
             * @enum {string|null}
             */
            reason: "case_closed" | "expired" | null;
            /** Format: date-time */
            recordedAt: string;
            /** @enum {string|null} */
            releaseFrom: "pledge" | "commitment" | null;
            /**
             * @description The order of entries (rising).
             * @example 42
             */
            seq: number;
        };
        FundingEntryListDto: {
            /** @description Oldest first. */
            items: components["schemas"]["FundingEntryDto"][];
        };
        FundingFlowDto: {
            /**
             * @description The domain whose goals it serves.
             * @example energy-poverty
             */
            beneficiary: string;
            /**
             * @description The payer’s committed money on the selected cases, each case’s spread over its domains by their benefit shares (largest remainder, whole cents).
             * @example 36000000
             */
            committedCents: number;
            /** @description The same for the money disbursed. */
            disbursedCents: number;
            /**
             * @description The domain whose money it is.
             * @example energy
             */
            payer: string;
        };
        FundingFlowsDto: {
            /** @description Per domain: what it pays (row sums) and what serves it (column sums). */
            byDomain: {
                [key: string]: components["schemas"]["FundingFlowTotalsDto"];
            };
            /**
             * @description How many cases the filters select.
             * @example 1234
             */
            caseCount: number;
            /** @description Committed money of the selected cases, all pairs together. */
            committedCents: number;
            disbursedCents: number;
            /** @description Every payer and beneficiary, by code. */
            domains: string[];
            /** @description Every pair with money, by payer then beneficiary (a domain may pay for itself). */
            flows: components["schemas"]["FundingFlowDto"][];
        };
        FundingFlowTotalsDto: {
            /** @description Committed money of this domain, to every beneficiary. */
            paidCommittedCents: number;
            paidDisbursedCents: number;
            /** @description Committed money serving this domain’s goals, from every payer (its benefit-weighted total). */
            receivedCommittedCents: number;
            receivedDisbursedCents: number;
        };
        FundingGapDto: {
            /** Format: uuid */
            caseId: string;
            committedCents: number;
            estimatedValueCents: number;
            /** @description Estimated value − committed. */
            gapCents: number;
            nonPayingDomains: string[];
            pledgedCents: number;
            /** @example BRUG-2026-000042 */
            reference: string;
            /** @enum {string} */
            status: "filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn";
            title: string;
        };
        FundingGapListDto: {
            /** @description Largest gap first. */
            items: components["schemas"]["FundingGapDto"][];
            nextCursor: string | null;
        };
        FundingMatrixCellDto: {
            committedCents: number;
            /** @description Paid out of what is committed. */
            disbursedCents: number;
            /** @description Pledged and open; always 0 on a declined or withdrawn case. */
            pledgedCents: number;
            /** @enum {string|null} */
            role: "lead" | "affected" | null;
        };
        FundingMatrixDto: {
            /**
             * @description How many cases the filters select.
             * @example 1234
             */
            caseCount: number;
            /** @description The domains of the columns: those touched by (or funding) the rows, by code. */
            domains: string[];
            /**
             * @description The page `rows` holds: 1 is the newest `pageSize` of the selected cases.
             * @example 1
             */
            page: number;
            /**
             * @description Cases per page (the last page may hold fewer).
             * @example 1000
             */
            pageSize: number;
            /** @description One row per case, oldest filed first: a page of the selected cases counted from the newest (`page`, `pageSize`; by default the newest 1,000; see `truncated`). The CSV has a row for every case. */
            rows: components["schemas"]["FundingMatrixRowDto"][];
            /** @description Per domain, over every selected case (also those without a row). */
            totals: {
                [key: string]: components["schemas"]["FundingMatrixTotalDto"];
            };
            /** @description True when `rows` does not hold every selected case (a page of them). */
            truncated: boolean;
        };
        FundingMatrixRowDto: {
            /** Format: uuid */
            caseId: string;
            /** @description Per domain code: the domains the case touches (or has entries for). */
            cells: {
                [key: string]: components["schemas"]["FundingMatrixCellDto"];
            };
            /** @example BRUG-2026-000042 */
            reference: string;
            title: string;
        };
        FundingMatrixTotalDto: {
            committedCents: number;
            disbursedCents: number;
            /** @description Cases for which the domain has money committed or pledged. */
            payingCases: number;
            pledgedCents: number;
            /** @description Cases that touch the domain (lead or affected). */
            touchedCases: number;
        };
        HistoryActorDto: {
            /**
             * Format: uuid
             * @description null for Brug itself.
             */
            id: string | null;
            name: string;
            /**
             * @description A role, or `system`.
             * @example staff
             */
            role: string;
        };
        HistoryDto: {
            items: components["schemas"]["StatusChangeDto"][];
        };
        IdentityMappingDto: {
            /**
             * @description A value of the roles claim.
             * @example meentcoop-energy
             */
            claimValue: string;
            /** @description Budget domains (budget holders only). */
            domains: string[];
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description Unit or team.
             */
            organisationUnitId: string | null;
            /**
             * @description The provider id (`OIDC_PROVIDERS`).
             * @example meentcoop
             */
            provider: string;
            /** @enum {string} */
            role: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
            /** @description Counted up by every change; the ETag. */
            version: number;
        };
        IdentityMappingListDto: {
            items: components["schemas"]["IdentityMappingDto"][];
        };
        InclusionProofDto: {
            leafIndex: number;
            /** @description RFC 9162 proof hashes, base64, bottom up. */
            proof: string[];
            treeSize: number;
        };
        InitialFundingInput: {
            /** @example 45000000 */
            amountCents: number;
            /**
             * @description Kostenplaats.
             * @example KP-ENERGIE-7710
             */
            budgetLine?: string;
            /**
             * @description One of the case’s domains.
             * @example energy
             */
            domainCode: string;
        };
        KoppelCandidateDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Their team or municipal unit. */
            unit: components["schemas"]["RefDto"] | null;
        };
        KoppelCandidatesDto: {
            /** @description Active MeentCoop staff, by name. */
            meentcoop: components["schemas"]["KoppelCandidateDto"][];
            /** @description The municipal people who may be the municipal half of this case, by name. */
            municipal: components["schemas"]["KoppelCandidateDto"][];
        };
        KoppelChangeDto: {
            actor: components["schemas"]["HistoryActorDto"];
            /** Format: date-time */
            at: string;
            from: components["schemas"]["KoppelSideDto"];
            /**
             * @description `routed`: set by routing; `taken_on`: a staff member of another team took the case on; `changed`: set by staff.
             * @enum {string}
             */
            kind: "routed" | "taken_on" | "changed";
            reason: string | null;
            to: components["schemas"]["KoppelSideDto"];
        };
        KoppelDto: {
            /** @description The MeentCoop half: the contact routing chose, or who took the case on since. */
            meentcoop: components["schemas"]["RefDto"];
            /** @description The municipal half: the buyer who filed the case, or who staff named since. */
            municipal: components["schemas"]["RefDto"];
        };
        KoppelHistoryDto: {
            /** @description Oldest first. */
            items: components["schemas"]["KoppelChangeDto"][];
        };
        KoppelSideDto: {
            meentcoop: components["schemas"]["RefDto"] | null;
            municipal: components["schemas"]["RefDto"] | null;
            /** @description The MeentCoop team of the case. */
            team: components["schemas"]["RefDto"] | null;
        };
        LinkedCaseDto: {
            domains: components["schemas"]["CaseDomainDto"][];
            /** @description Its money, summed over its domains. */
            funding: components["schemas"]["LinkedMoneyDto"];
            /** Format: uuid */
            id: string;
            /** @example BRUG-2026-000042 */
            reference: string;
            /** @enum {string} */
            status: "filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn";
            /** @description The team it is routed to. */
            team: components["schemas"]["RefDto"] | null;
            title: string;
        };
        LinkedMoneyDto: {
            committedCents: number;
            disbursedCents: number;
            pledgedCents: number;
        };
        LiveDto: {
            /** @enum {string} */
            status: "live";
        };
        ManagementReportDto: {
            /** @description Per lead domain of the case. */
            domains: components["schemas"]["ReportGroupRowDto"][];
            /** Format: date */
            from: string;
            /** @description Per handler (the case’s handler now). */
            handlers: components["schemas"]["ReportGroupRowDto"][];
            /** @description The cases open now (whatever the period) per team and status, most first. */
            openNow: components["schemas"]["ReportOpenNowRowDto"][];
            /** @description SLA compliance per team. */
            sla: components["schemas"]["ReportSlaRowDto"][];
            stages: components["schemas"]["ReportStageRowDto"][];
            /** Format: uuid */
            team: string | null;
            /** @description Per team (the case’s team now). */
            teams: components["schemas"]["ReportGroupRowDto"][];
            /** Format: date */
            to: string;
            /** @description Over every case the rows count. */
            totals: components["schemas"]["ReportCountsDto"];
            /** @description The trend: one row per ISO week. */
            weeks: components["schemas"]["ReportWeekRowDto"][];
        };
        MarkedReadDto: {
            /** @description How many signals this marked read. */
            marked: number;
        };
        MeDto: {
            /** @description The domain codes a budget holder holds. */
            domains: string[];
            /** @example buyer@brug.example */
            email: string;
            /** Format: uuid */
            id: string;
            /** @example Bo Inkoper */
            name: string;
            organisationUnit: components["schemas"]["UnitRefDto"] | null;
            /** @enum {string} */
            role: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
        };
        MySessionDto: {
            /** @description The address it began from. */
            address: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The session this request was made in. */
            current: boolean;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastSeenAt: string;
            /** @enum {string} */
            method: "password" | "oidc";
            provider: string | null;
            userAgent: string | null;
        };
        MySessionsDto: {
            items: components["schemas"]["MySessionDto"][];
        };
        NewApiClientSecretDto: {
            /** @description Shown once; Brug keeps only its argon2id hash. */
            clientSecret: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description The last token it got.
             */
            lastUsedAt: string | null;
        };
        NoteDto: {
            author: components["schemas"]["RefDto"];
            body: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            visibility: "internal" | "shared";
        };
        NoteListDto: {
            items: components["schemas"]["NoteDto"][];
        };
        OcdsPublisherDto: {
            /** @example MeentCoop Brug */
            name: string;
            /** Format: uri */
            uri?: string;
        };
        OcdsReleasePackageDto: {
            /** @description The URL of the Budget Breakdown extension. */
            extensions: string[];
            /**
             * Format: date-time
             * @description The latest change of anything exported.
             */
            publishedDate: string;
            publisher: components["schemas"]["OcdsPublisherDto"];
            /** @description One OCDS release per case: `ocid` = `<OCDS_OCID_PREFIX>-<reference>`, the buyer and every paying domain as parties (`funder`, `sourceParty`), `planning.budget` with the estimated value and a `budgetBreakdown` per paying domain (committed + pledged). */
            releases: {
                [key: string]: unknown;
            }[];
            /**
             * Format: uri
             * @description This export’s address, with its filters.
             */
            uri: string;
            /** @example 1.1 */
            version: string;
        };
        OrganisationUnitDto: {
            active: boolean;
            /** @example meentcoop-energy */
            code: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "municipal" | "meentcoop_team";
            /** @example MeentCoop Energie */
            name: string;
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
        };
        OrganisationUnitListDto: {
            items: components["schemas"]["OrganisationUnitDto"][];
        };
        OutcomeDto: {
            awardedValueCents: number | null;
            /**
             * @description `awarded`: the buyer accepted the proposal and named the supplier; `duplicate`: staff closed the case as a duplicate of another (its `links` name which; ADR 44), and the supplier fields are null.
             * @enum {string}
             */
            kind: "awarded" | "duplicate";
            /** @description What was decided; for a duplicate, why staff closed it. */
            summary: string;
            supplierName: string | null;
            /** @enum {string|null} */
            supplierType: "cooperative" | "collective" | "foundation_or_association" | "social_enterprise" | "private_company" | "public_body" | null;
        };
        OutcomeInput: {
            awardedValueCents: number;
            /** @example Gegund aan Energiecoöperatie Zuiderlicht in samenwerking met buurtzorg */
            summary: string;
            /** @example Energiecoöperatie Zuiderlicht */
            supplierName: string;
            /** @enum {string} */
            supplierType: "cooperative" | "collective" | "foundation_or_association" | "social_enterprise" | "private_company" | "public_body";
        };
        PersonRefDto: {
            /** Format: uuid */
            id: string | null;
            name: string;
        };
        PipelineStatusDto: {
            cases: number;
            /** @description Their estimated value. */
            estimatedValueCents: number;
        };
        PledgeTransferDto: {
            /** @description The pledge open on the duplicate when it was closed. */
            amountCents: number;
            /** Format: date-time */
            answeredAt: string | null;
            answeredBy: components["schemas"]["PersonRefDto"] | null;
            /** Format: date-time */
            createdAt: string;
            domainCode: string;
            /** @description The case closed as a duplicate. */
            fromCase: components["schemas"]["TransferCaseDto"];
            /** Format: uuid */
            id: string;
            /** @description What moved, once accepted. */
            movedCents: number | null;
            reason: string | null;
            /** @enum {string} */
            state: "open" | "accepted" | "declined";
            /** @description The case that stays. */
            toCase: components["schemas"]["TransferCaseDto"];
            /** @description Counts the answers; the ETag for `If-Match`. */
            version: number;
        };
        PledgeTransferListDto: {
            /** @description Requests from or to this case, newest first (at most 100). */
            items: components["schemas"]["PledgeTransferDto"][];
        };
        PriorityRaiseDto: {
            /**
             * Format: date-time
             * @description When Brug recorded the breach.
             */
            breachedAt: string;
            /**
             * Format: date-time
             * @description The due time of that stage.
             */
            dueAt: string;
            /** @enum {string} */
            from: "low" | "normal" | "high" | "urgent";
            /**
             * @description The SLA stage whose due time passed.
             * @enum {string}
             */
            stage: "accept" | "propose";
            /** @enum {string} */
            to: "low" | "normal" | "high" | "urgent";
        };
        ProblemDto: {
            /**
             * @description A stable, machine-readable code.
             * @example validation_failed
             */
            code: string;
            /** @example title: must be longer than or equal to 5 characters */
            detail: string;
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example /api/v1/cases */
            instance?: string;
            /**
             * @description The values a client needs to word the problem from its `code` in its own language (amounts in cents, domain codes, statuses, limits); `detail` says it in English.
             * @example {
             *       "rule": "disburse_exceeds_committed",
             *       "amountCents": 35000001
             *     }
             */
            params?: {
                [key: string]: unknown;
            };
            /** @description Also in the X-Request-Id header and the logs. */
            requestId?: string;
            /** @example 400 */
            status: number;
            /** @example The request is not valid */
            title: string;
            /**
             * Format: uri
             * @example urn:brug:problem:validation-failed
             */
            type: string;
        };
        PublicKeyDto: {
            /** @example brug.example/audit */
            origin: string;
            /** @description The signed-note verifier key: <name>+<key id>+<base64 key>. */
            verifierKey: string;
        };
        ReadinessDto: {
            checks: components["schemas"]["DependencyChecksDto"];
            relay: components["schemas"]["RelayLagDto"] | null;
            replica: components["schemas"]["ReplicaStatusDto"];
            /** @enum {string} */
            status: "ready" | "unavailable";
        };
        RecordFundingEntryDto: {
            /**
             * @description Euro cents, a whole number. Zero, negative or above 10^13 is refused with 422 (a ledger rule).
             * @example 45000000
             */
            amountCents: number;
            /**
             * @description Kostenplaats.
             * @example KP-ENERGIE-7710
             */
            budgetLine?: string;
            /**
             * @description A domain the case touches.
             * @example energy
             */
            domainCode: string;
            /**
             * Format: date-time
             * @description Only for a pledge, in the future: when it passes, Brug releases what is still open of the pledge (reason `expired`). A commitment before then makes it binding.
             * @example 2027-01-31T23:00:00Z
             */
            expiresAt?: string;
            /** @enum {string} */
            kind: "pledge" | "commit" | "disburse" | "release";
            note?: string;
            /**
             * @description Required for (and only with) kind `release`.
             * @enum {string}
             */
            releaseFrom?: "pledge" | "commitment";
        };
        RecoveryCodesDto: {
            /** @description Shown this once; each signs in once instead of a code from the app. */
            recoveryCodes: string[];
        };
        RefDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        RelayLagDto: {
            /** @description Age of the oldest of them, in seconds (0 when none). */
            oldestSeconds: number;
            /** @description Outbox events not yet published to the queues. */
            unpublished: number;
        };
        ReplayDeliveriesDto: {
            /** @enum {string} */
            channel?: "email" | "webhook";
            deliveryIds?: string[];
            /** @enum {string} */
            eventType?: "case.filed" | "case.updated" | "case.transitioned" | "case.koppel_changed" | "note.added" | "case.sla_breached" | "case.sla_warning" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "funding.entry_recorded" | "funding.pledge_expired" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered" | "webhook.failing" | "webhook.switched_off";
            /**
             * Format: date-time
             * @description Deliveries recorded at or after.
             */
            from?: string;
            /**
             * @default failed
             * @enum {string}
             */
            status?: "failed" | "skipped";
            /**
             * Format: date-time
             * @description Deliveries recorded before.
             */
            to?: string;
            /**
             * Format: uuid
             * @description The deliveries to this webhook.
             */
            webhookId?: string;
        };
        ReplayResultDto: {
            /** @description More matched than one call replays (5000): call again. */
            more: boolean;
            /** @description Deliveries queued again (each with a fresh retry window). */
            replayed: number;
        };
        ReplicaStatusDto: {
            /** @description How far its replay was behind the primary at the last probe, in seconds. */
            lagSeconds: number | null;
            /**
             * @description Why the replica is not used; null while it is.
             * @enum {string|null}
             */
            reason: "unreachable" | "lagging" | "not_in_recovery" | null;
            /**
             * @description The read replica: `degraded` while the lists, searches, exports and reports are read from the primary instead (the service stays ready); `off` when none is configured.
             * @enum {string}
             */
            state: "up" | "degraded" | "off";
        };
        ReportCountsDto: {
            /** @description Filed in the period. */
            incoming: number;
            /** @description Open at the end of the period (of the week, in `weeks`). */
            open: number;
            /** @description Whose SLA stage was breached in the period: its due time fell in it. */
            overdue: number;
            /** @description Resolved in the period (closed with an outcome). */
            resolved: number;
            /** @description Whose SLA clock stood still at some moment of the period. */
            suspended: number;
        };
        ReportGroupRowDto: {
            /** @description Filed in the period. */
            incoming: number;
            /** @description The team or handler id, or the domain code; null: none (not routed, no handler). */
            key: string | null;
            /** @description Its name; null when `key` is. */
            name: string | null;
            /** @description Open at the end of the period (of the week, in `weeks`). */
            open: number;
            /** @description Whose SLA stage was breached in the period: its due time fell in it. */
            overdue: number;
            /** @description Resolved in the period (closed with an outcome). */
            resolved: number;
            /** @description Whose SLA clock stood still at some moment of the period. */
            suspended: number;
        };
        ReportOpenNowRowDto: {
            accepted: number;
            /** @description Filed, not routed yet. */
            filed: number;
            in_progress: number;
            /** @description The team id; null: not routed. */
            key: string | null;
            name: string | null;
            proposed: number;
            routed: number;
            /** @description All of them. */
            total: number;
        };
        ReportSlaRowDto: {
            /** @description SLA stages due in the period that were breached. */
            breached: number;
            /** @description met / (met + breached); null when no stage was decided. */
            compliance: number | null;
            /** @description The team id; null: not routed. */
            key: string | null;
            /** @description SLA stages due in the period that were met. */
            met: number;
            name: string | null;
        };
        ReportStageRowDto: {
            /** @description Cases that ended this stage in the period. */
            cases: number;
            /** @description Their median time in the stage, in seconds (calendar time); null: no cases. */
            medianSeconds: number | null;
            /** @enum {string} */
            stage: "filed_accepted" | "accepted_proposed" | "proposed_resolved";
        };
        ReportWeekRowDto: {
            /** @description Filed in the period. */
            incoming: number;
            /** @description Open at the end of the period (of the week, in `weeks`). */
            open: number;
            /** @description Whose SLA stage was breached in the period: its due time fell in it. */
            overdue: number;
            /** @description Resolved in the period (closed with an outcome). */
            resolved: number;
            /** @description Whose SLA clock stood still at some moment of the period. */
            suspended: number;
            /**
             * @description The ISO week.
             * @example 2026-W07
             */
            week: string;
            /**
             * Format: date
             * @description Its Monday (the period may start later).
             */
            weekStart: string;
        };
        RoutingDryRunDto: {
            /**
             * @description A case (its id or reference, BRUG-2026-000042) whose facts are tried; leave out to try a draft instead.
             * @example BRUG-2026-000042
             */
            caseId?: string;
            /** @description The draft: the other domains it touches (the lead domain counts too). */
            domains?: string[];
            /** @description The draft: its estimated value in cents. */
            estimatedValueCents?: number;
            /**
             * @description The draft: its lead domain.
             * @example energy
             */
            leadDomain?: string;
            /**
             * @description The draft: its priority.
             * @enum {string}
             */
            priority?: "low" | "normal" | "high" | "urgent";
        };
        RoutingDryRunResultDto: {
            /** @description The case tried, if any. */
            case: components["schemas"]["DryRunCaseRefDto"] | null;
            /** @description What the rules looked at. */
            facts: components["schemas"]["RoutingFactsDto"];
            /** @description The first matching rule (null: none matches, the intake team takes it). */
            rule: components["schemas"]["DryRunRuleDto"] | null;
            /** @description The team the case would go to now (null: no rule matches and no intake team). */
            team: components["schemas"]["TeamRefDto"] | null;
            /** @description The active rules in the order routing tries them, up to and including the first match. */
            tried: components["schemas"]["DryRunRuleDto"][];
        };
        RoutingFactsDto: {
            domains: string[];
            estimatedValueCents: number;
            leadDomain: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
        };
        RoutingRuleDto: {
            active: boolean;
            /** @description The case touches one of these (empty: any). */
            anyDomains: string[];
            /** Format: uuid */
            id: string;
            /** @description The lead domain is one of these (empty: any). */
            leadDomains: string[];
            maxValueCents: number | null;
            minValueCents: number | null;
            name: string;
            /** @description Lower positions are tried first. */
            position: number;
            /** @description Empty: any priority. */
            priorities: ("low" | "normal" | "high" | "urgent")[];
            team: components["schemas"]["TeamRefDto"];
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
        };
        RoutingRuleListDto: {
            items: components["schemas"]["RoutingRuleDto"][];
        };
        RuleNameDto: {
            /** @example King's Day */
            en: string;
            /** @example Koningsdag */
            nl: string;
        };
        RuleNamesDto: {
            /** @example King's Day */
            en: string;
            /** @example Koningsdag */
            nl: string;
        };
        SecondFactorCodeDto: {
            /** @example 123456 */
            code: string;
        };
        SecondFactorEnrolmentDto: {
            /** @description The secret in base32, to type into an app; shown this once. */
            secret: string;
            /** @description The same as an otpauth:// URI (what a QR code would hold). */
            uri: string;
        };
        SecondFactorSignInDto: {
            /** @description The `challenge` of the `second_factor_required` answer. */
            challenge: string;
            /**
             * @description Six digits from the authenticator app, or a recovery code.
             * @example 123456
             */
            code: string;
        };
        SecondFactorStatusDto: {
            /** @description A confirmed second factor is asked for at every sign-in. */
            enabled: boolean;
            /** @description Unused recovery codes. */
            recoveryCodesLeft: number;
            /** @description Your role needs one (MFA_REQUIRED_ROLES). */
            required: boolean;
        };
        SessionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description Send as `X-CSRF-Token` with every change signed by the session cookie (with an `Origin` of this site). */
            csrfToken: string;
            /**
             * Format: date-time
             * @description The absolute end, however busy.
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description The end without another request.
             */
            idleExpiresAt: string;
            /** @enum {string} */
            method: "password" | "oidc";
            /** @description The identity provider, for oidc. */
            provider: string | null;
        };
        SessionSignInDto: {
            /** @example buyer@brug.example */
            email: string;
            /** @example brug-demo-2026 */
            password: string;
        };
        SetBenefitSharesDto: {
            /** @example De dienst helpt vooral huishoudens in energiearmoede. */
            reasoning: string;
            /** @description One share per domain the case touches, adding up to 10,000 basis points (100 %). A touched domain left out has 0. */
            shares: components["schemas"]["BenefitShareInput"][];
        };
        SetPasswordDto: {
            /** @description Any characters; refused when it is a commonly used password. */
            password: string;
        };
        SetSignalPreferencesDto: {
            /** @description The kinds to set (each at most once); kinds left out keep their choice. */
            items: components["schemas"]["SignalPreferenceDto"][];
        };
        ShareAnswerDto: {
            /** @enum {string} */
            answer: "agreed" | "disputed";
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            byId: string | null;
            byName: string;
            reason: string | null;
        };
        ShareSetterDto: {
            /** Format: uuid */
            id: string | null;
            name: string;
            role: string;
        };
        SignalCaseDto: {
            /** Format: uuid */
            id: string;
            /** @example BRUG-2026-000001 */
            reference: string;
            title: string;
        };
        SignalDto: {
            case: components["schemas"]["SignalCaseDto"];
            /** Format: date-time */
            createdAt: string;
            /** @description Facts of the event, by kind: a deadline its `stage` and `dueAt`; a funding request its `domainCodes`; an assignment `to` (`team` or `you`). */
            detail: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "case_assigned" | "deadline_due_soon" | "deadline_breached" | "proposal_awaiting" | "funding_requested" | "note_shared" | "closed_as_duplicate";
            /** Format: date-time */
            readAt: string | null;
        };
        SignalListDto: {
            /** @description Newest first. */
            items: components["schemas"]["SignalDto"][];
            /** @description Pass as `cursor` for the next page. */
            nextCursor: string | null;
        };
        SignalPreferenceDto: {
            /**
             * @description In the inbox only, also by e-mail at once, or in the inbox and a daily digest.
             * @enum {string}
             */
            delivery: "in_app" | "email" | "daily_digest";
            /** @enum {string} */
            kind: "case_assigned" | "deadline_due_soon" | "deadline_breached" | "proposal_awaiting" | "funding_requested" | "note_shared" | "closed_as_duplicate";
        };
        SignalPreferencesDto: {
            /** @description Every kind, in the order of kinds. */
            items: components["schemas"]["SignalPreferenceDto"][];
        };
        SignInOptionsDto: {
            /** @description Whether the email and password form is offered. */
            passwordSignIn: boolean;
            providers: {
                displayName: string;
                id: string;
                startUrl: string;
            }[];
            /** @description Whom to ask for access. */
            supportContact: string | null;
        };
        SignOutDto: {
            /** @description The identity provider’s end-session URL for an OIDC session; null otherwise. */
            redirectTo: string | null;
        };
        SlaPolicyDto: {
            /** @description When set, wins over the working days. */
            acceptSeconds: number | null;
            /** @example 2 */
            acceptWorkingDays: number;
            /** @enum {string} */
            priority: "low" | "normal" | "high" | "urgent";
            /** @description When set, wins over the working days. */
            proposeSeconds: number | null;
            /** @example 15 */
            proposeWorkingDays: number;
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
            /** @example 14400 */
            warnBeforeSeconds: number;
        };
        SlaPolicyListDto: {
            items: components["schemas"]["SlaPolicyDto"][];
        };
        SlaStageDto: {
            /** Format: date-time */
            breachedAt: string | null;
            /** @description The stage whose clock counts now and that the work queue shows: accept while routed, then propose; none once proposed or closed. */
            current: boolean;
            /**
             * Format: date-time
             * @description The due time now: moved by suspensions (the working time suspended), extensions and the calendar (see GET /cases/{id}/deadlines).
             */
            dueAt: string;
            /** @description Seconds added to the due time by extensions. */
            extendedBy: number;
            /** @description Whether the stage is open (accept until accepted, propose until proposed): its clock counts, or stands still while suspended, and its due time may move. */
            open: boolean;
            /**
             * @description accept: taking the case on; propose: a proposal.
             * @enum {string}
             */
            stage: "accept" | "propose";
            /**
             * @description open stages: suspended (the clock stands still), breached (its due time passed), due_soon (within 24 hours), on_time; closed stages: breached if they ever were, else met.
             * @enum {string}
             */
            state: "on_time" | "due_soon" | "breached" | "suspended" | "met";
            /**
             * Format: date-time
             * @description While suspended: since when.
             */
            suspendedSince: string | null;
        };
        StatusChangeDto: {
            actor: components["schemas"]["HistoryActorDto"];
            /** Format: date-time */
            at: string;
            /** @enum {string|null} */
            from: "filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn" | null;
            reason: string | null;
            /** @enum {string} */
            to: "filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn";
        };
        SupplierTypeShareDto: {
            awardedValueCents: number;
            /** @description Resolved cases awarded to this type of supplier. */
            cases: number;
            /** @description Counts towards the commons share. */
            commons: boolean;
        };
        SuspendCaseDto: {
            /**
             * Format: date
             * @description When staff expect the wait to end (for the reader; nothing restarts by it).
             */
            expectedEnd?: string | null;
            /**
             * @description What the case waits for. `waiting_for_buyer`: the clock restarts by itself when the buyer adds a shared note.
             * @enum {string}
             */
            kind: "waiting_for_buyer" | "waiting_for_funding" | "waiting_for_third_party" | "other";
            /** @description Why the clock stops (the buyer reads it). */
            reason: string;
        };
        SuspensionDto: {
            /** @description Who suspended the clock. */
            by: components["schemas"]["RefDto"];
            /** Format: date */
            expectedEnd: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "waiting_for_buyer" | "waiting_for_funding" | "waiting_for_third_party" | "other";
            reason: string;
            /** Format: date-time */
            since: string;
        };
        TeamRefDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        TokenDto: {
            accessToken: string;
            /**
             * @description Seconds until the token expires.
             * @example 3600
             */
            expiresIn: number;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TokenRequestDto: {
            /**
             * Format: uuid
             * @description Client credentials (or HTTP Basic).
             */
            client_id?: string;
            /** @description Client credentials (or HTTP Basic). */
            client_secret?: string;
            /**
             * @description Password grant.
             * @example buyer@brug.example
             */
            email?: string;
            /**
             * @default password
             * @enum {string}
             */
            grant_type?: "password" | "client_credentials";
            /**
             * @description Password grant.
             * @example brug-demo-2026
             */
            password?: string;
            /** @description Accepted and ignored: a client has its one role. */
            scope?: string;
        };
        TransferCaseDto: {
            /** Format: uuid */
            id: string;
            reference: string;
        };
        TransitionDto: {
            /** @description Only with accepted: staff taking on a case of another team say true to move the case’s team and the MeentCoop half of its koppel to them; without it the answer is 409 koppel_team_mismatch. */
            moveKoppel?: boolean;
            /** @description Required for (and only with) resolved. */
            outcome?: components["schemas"]["OutcomeInput"];
            /** @description Required for (and only with) proposed. */
            proposal?: string;
            /** @description Required for declined and withdrawn; allowed with any transition. */
            reason?: string;
            /**
             * @description The status to move to.
             * @enum {string}
             */
            to: "filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn";
        };
        UnitRefDto: {
            /** @example inkoop-duurzaamheid */
            code: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "municipal" | "meentcoop_team";
            /** @example Inkoop Duurzaamheid */
            name: string;
        };
        UnreadCountDto: {
            /** @description True when there are more than `max`: show "max+". */
            capped: boolean;
            /**
             * @description Unread signals, counted up to `max`.
             * @example 3
             */
            count: number;
            /** @example 999 */
            max: number;
        };
        UpdateCaseDto: {
            /**
             * Format: uuid
             * @description A MeentCoop staff member; null to unassign.
             */
            assigneeId?: string | null;
            /** Format: date */
            deadline?: string | null;
            description?: string;
            domains?: components["schemas"]["CaseDomainInput"][];
            estimatedValueCents?: number;
            /** @description Staff assigning a case of another team to themselves: true moves the case’s team and the MeentCoop half of its koppel to them; without it the answer is 409 koppel_team_mismatch. */
            moveKoppel?: boolean;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            /** @enum {string|null} */
            procurementKind?: "supplies" | "services" | "works" | "social_and_other_specific_services" | null;
            /** @enum {string} */
            procurementStage?: "planning" | "tender" | "award" | "contract" | "implementation";
            tenderReference?: string | null;
            title?: string;
        };
        UpdateDomainDto: {
            /** @description false deactivates the domain; nothing is ever deleted. */
            active?: boolean;
            nameEn?: string;
            nameNl?: string;
        };
        UpdateIdentityMappingDto: {
            domains?: string[];
            /** Format: uuid */
            organisationUnitId?: string | null;
            /** @enum {string} */
            role?: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
        };
        UpdateOrganisationUnitDto: {
            /** @description false deactivates the unit; nothing is ever deleted. */
            active?: boolean;
            name?: string;
        };
        UpdateRoutingRuleDto: {
            /** @description false switches the rule off; rules are never deleted. */
            active?: boolean;
            anyDomains?: string[];
            /**
             * @example [
             *       "energy"
             *     ]
             */
            leadDomains?: string[];
            maxValueCents?: number | null;
            minValueCents?: number | null;
            name?: string;
            position?: number;
            priorities?: ("low" | "normal" | "high" | "urgent")[];
            /** Format: uuid */
            teamId?: string;
        };
        UpdateSlaPolicyDto: {
            acceptSeconds?: number | null;
            acceptWorkingDays?: number;
            proposeSeconds?: number | null;
            proposeWorkingDays?: number;
            warnBeforeSeconds?: number;
        };
        UpdateUserDto: {
            /** @description false deactivates the user; users are never deleted. */
            active?: boolean;
            /**
             * @example [
             *       "energy"
             *     ]
             */
            domains?: string[];
            name?: string;
            /**
             * Format: uuid
             * @description null removes the unit.
             */
            organisationUnitId?: Record<string, never> | null;
            /** @enum {string} */
            role?: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
        };
        UpdateViewDto: {
            columns?: ("status" | "team" | "assignee" | "sla" | "deadline" | "value" | "unit")[];
            filters?: components["schemas"]["ViewFiltersDto"];
            name?: string;
            /** @description Share with your team (staff) or your unit (buyers). */
            shared?: boolean;
            /**
             * @default -filedAt
             * @enum {string}
             */
            sort?: "-filedAt" | "filedAt" | "deadline" | "-priority" | "priority" | "-estimatedValue" | "estimatedValue" | "leadDomain" | "-leadDomain" | "buyer" | "-buyer";
        };
        UpdateWebhookDto: {
            active?: boolean;
            description?: string;
            /** @description Empty: every domain. */
            domainCodes?: string[];
            eventTypes?: ("case.filed" | "case.updated" | "case.transitioned" | "case.koppel_changed" | "note.added" | "case.sla_breached" | "case.sla_warning" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "funding.entry_recorded" | "funding.pledge_expired" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered")[];
            /** @description Empty: every team. */
            teamIds?: string[];
            url?: string;
        };
        UserDto: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description The domain codes a budget holder holds. */
            domains: string[];
            /** @example buyer@brug.example */
            email: string;
            /** Format: uuid */
            id: string;
            /**
             * @description A person, or the system user of an API client (an integration).
             * @enum {string}
             */
            kind: "person" | "api_client";
            /** @example Bo Inkoper */
            name: string;
            organisationUnit: components["schemas"]["UnitRefDto"] | null;
            /** @enum {string} */
            role: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
        };
        UserListDto: {
            items: components["schemas"]["UserDto"][];
            nextCursor: string | null;
        };
        VerificationDto: {
            /** @description The SHA-256 in the audit trail. */
            auditedSha256: string | null;
            /** @description All three agree. */
            intact: boolean;
            /** @example 1 */
            number: number;
            /** @description The SHA-256 recorded with the version. */
            recordedSha256: string;
            /** @description The SHA-256 of the bytes read back now; null when they are missing. */
            storedSha256: string | null;
        };
        VerifyResultDto: {
            /** @description The signed checkpoint verified against (signed-note text). */
            checkpoint?: string | null;
            /** @description Events of the old hash chain checked (ADR 30). */
            events?: number;
            /** @description The first leaf that does not match. */
            firstInvalidLeafIndex?: number | null;
            /** @description The first event that does not match. */
            firstInvalidSeq?: number | null;
            headHash?: string | null;
            headSeq?: number | null;
            /** @description Leaves of the tree checked. */
            leaves?: number;
            /**
             * @description Why the chain fails, in English.
             * @example hash mismatch
             */
            reason?: string;
            /**
             * @description The reason as a stable code, to word it in another language.
             * @enum {string}
             */
            reasonCode?: "gap" | "out_of_order" | "broken_link" | "hash_mismatch" | "missed_head" | "malformed" | "leaf_gap" | "data_hash_mismatch" | "leaf_hash_mismatch" | "missed_checkpoint" | "root_mismatch" | "bad_signature" | "missing_leaves";
            /** @description Its root hash, base64. */
            rootHash?: string | null;
            /** @description The latest checkpoint’s tree size. */
            treeSize?: number;
            valid: boolean;
        };
        VersionUploadDto: {
            /**
             * Format: binary
             * @description The file of the new version.
             */
            file: string;
        };
        ViewDto: {
            /** @enum {string|null} */
            builtIn: "my_cases" | "waiting_on_me" | "deadline_due" | "suspended" | "unassigned" | "open_cases" | null;
            columns: ("status" | "team" | "assignee" | "sla" | "deadline" | "value" | "unit")[];
            filters: components["schemas"]["ViewFiltersDto"];
            /**
             * @description A uuid for a saved view; `builtin:<key>` for a built-in one.
             * @example builtin:my_cases
             */
            id: string;
            /** @description Whether the reader may change and delete it. */
            mayChange: boolean;
            /** @description As saved; a built-in view is worded by the UI from its key. */
            name: string;
            /** @description Null for a built-in view. */
            owner: components["schemas"]["ViewOwnerDto"] | null;
            /** @description Shared with the owner's team (staff) or unit (buyers). */
            shared: boolean;
            /** @enum {string} */
            sort: "-filedAt" | "filedAt" | "deadline" | "-priority" | "priority" | "-estimatedValue" | "estimatedValue" | "leadDomain" | "-leadDomain" | "buyer" | "-buyer";
            /** @description Counted up by every change; send it back in If-Match (0 built-in). */
            version: number;
        };
        ViewFiltersDto: {
            /** @description A user id, `me` (whoever opens the view) or `none`. */
            assignee?: string;
            /** @example energy */
            domain?: string;
            /** Format: date */
            filedFrom?: string;
            /** Format: date */
            filedTo?: string;
            overdue?: boolean;
            /** @enum {string} */
            priority?: "low" | "normal" | "high" | "urgent";
            q?: string;
            sla?: ("on_time" | "due_soon" | "breached" | "suspended" | "met")[];
            status?: ("filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn")[];
            /**
             * @description A MeentCoop team, by code.
             * @example meentcoop-energy
             */
            team?: string;
        };
        ViewListDto: {
            /** @description Built-in views first, then the reader’s own, then those shared with them, by name. */
            items: components["schemas"]["ViewDto"][];
        };
        ViewOwnerDto: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        WebhookDto: {
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            description: string;
            /** @description Only events of cases touching these domains; empty: every domain. */
            domainCodes: string[];
            eventTypes: ("case.filed" | "case.updated" | "case.transitioned" | "case.koppel_changed" | "note.added" | "case.sla_breached" | "case.sla_warning" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "funding.entry_recorded" | "funding.pledge_expired" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered")[];
            /**
             * Format: date-time
             * @description Since when its deliveries fail without one success; null while it answers.
             */
            failingSince: string | null;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description When Brug switched it off itself (it answered 410 Gone).
             */
            switchedOffAt: string | null;
            /** @example webhook answered 410 */
            switchedOffReason: string | null;
            /** @description Only events of cases of these MeentCoop teams; empty: every team. */
            teamIds: string[];
            /** @example https://collectief.example/brug-events */
            url: string;
            /**
             * @description Counted up by every change; send it back in If-Match.
             * @example 1
             */
            version: number;
        };
        WebhookListDto: {
            items: components["schemas"]["WebhookDto"][];
        };
        WithdrawalDto: {
            /** Format: date-time */
            at: string;
            by: components["schemas"]["RefDto"];
            reason: string;
        };
        WithdrawDocumentDto: {
            reason: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description The full semantic version of the API. */
        "API-Version": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AuditErasureController_erase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateErasureDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DeliveryReplayController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                eventType?: "case.filed" | "case.updated" | "case.transitioned" | "case.koppel_changed" | "note.added" | "case.sla_breached" | "case.sla_warning" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "funding.entry_recorded" | "funding.pledge_expired" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered" | "webhook.failing" | "webhook.switched_off";
                pageSize?: number;
                status?: "pending" | "sending" | "retrying" | "sent" | "failed" | "skipped";
                /** @description The deliveries to this webhook. */
                webhookId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DeliveryReplayController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplayDeliveriesDto"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResultDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FailedJobsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedJobListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FailedJobsController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    IdentityMappingsController_list: {
        parameters: {
            query?: {
                /** @description Only this provider’s mappings. */
                provider?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityMappingListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    IdentityMappingsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIdentityMappingDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityMappingDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    IdentityMappingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityMappingDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    IdentityMappingsController_remove: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    IdentityMappingsController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateIdentityMappingDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityMappingDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    QueueBoardController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiClientsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiClientsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiClientDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiClientDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiClientsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiClientsController_createSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NewApiClientSecretDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiClientsController_retireSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                secretId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_actions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditActionListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_checkpoint: {
        parameters: {
            query?: {
                /** @description An older checkpoint, by its tree size. */
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_events: {
        parameters: {
            query?: {
                /** @description One of the actions `GET /audit/actions` lists. */
                action?: "case.filed" | "case.routed" | "case.updated" | "case.assigned" | "case.transitioned" | "case.koppel_changed" | "case.sla_warned" | "case.sla_breached" | "case.suspended" | "case.resumed" | "case.deadline_extended" | "case.linked" | "case.closed_as_duplicate" | "note.added" | "funding.entry_recorded" | "funding.benefit_shares_set" | "funding.benefit_share_answered" | "funding.cofunding_proposed" | "funding.cofunding_answered" | "funding.pledge_transfer_requested" | "funding.pledge_transfer_answered" | "user.created" | "user.updated" | "user.password_set" | "user.second_factor_enrolled" | "user.second_factor_removed" | "user.recovery_code_used" | "user.sessions_ended" | "user.signed_up_by_provider" | "identity_mapping.created" | "identity_mapping.updated" | "identity_mapping.deleted" | "api_client.secret_created" | "api_client.secret_retired" | "api_client.token_issued" | "catalogue.changed" | "eu_threshold.added" | "job.retried" | "deliveries.replayed" | "webhook.failing" | "document.uploaded" | "document.version_added" | "document.withdrawn" | "document.downloaded" | "view.saved" | "view.deleted" | "signal.preferences_set" | "bulk_action.completed" | "audit.erased";
                actorId?: string;
                caseId?: string;
                /** @description The events of the case with this reference, everything under it included (notes, funding entries); none when no case has it. */
                caseReference?: string;
                cursor?: string;
                /** @description Events at or after (a date or a timestamp). */
                from?: string;
                order?: "asc" | "desc";
                pageSize?: number;
                subjectId?: string;
                subjectType?: string;
                /** @description Events before (a date or a timestamp). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_export: {
        parameters: {
            query?: {
                fromSeq?: number;
                toSeq?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One event a line */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_head: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckpointDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_consistency: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsistencyProofDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_inclusion: {
        parameters: {
            query: {
                leafIndex: number;
                treeSize: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InclusionProofDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_publicKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicKeyDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: {
                /** @description A checkpoint written down earlier, `<tree size>:<root hash>` (base64 or hex): the tree must have had exactly that root at that size. */
                expectCheckpoint?: string;
                /** @description A head written down earlier, `<seq>:<hash>`: the chain must still pass through it. */
                expectHead?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifyResultDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the web UI, or to the sign-in problem page */
            303: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_start: {
        parameters: {
            query?: {
                /** @description A path of the web UI. */
                returnTo?: unknown;
            };
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider, or to the sign-in problem page */
            303: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_options: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOptionsDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_secondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorSignInDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionSignInDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignOutDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_secondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorSignInDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_token: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TokenRequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["TokenRequestDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"] | components["schemas"]["ClientTokenDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BulkActionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateBulkActionDto"];
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkActionDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BulkActionsController_get: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description Only results of this outcome. */
                outcome?: "done" | "skipped" | "failed";
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkActionDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BulkActionsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkActionInput"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkPreviewDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_daysOff: {
        parameters: {
            query: {
                year: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DaysOffDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DesignatedDayListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDesignatedDayDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DesignatedDayDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                /** @description A user id, `me`, or `none` (no handler yet). */
                assignee?: string;
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description A domain code the case touches. */
                domain?: string;
                /** @description Filed on or after this day (Amsterdam). */
                filedFrom?: string;
                /** @description Filed on or before this day (Amsterdam). */
                filedTo?: string;
                /** @description Only cases whose open SLA stage is past its due time while its clock runs (a suspended case is not overdue). */
                overdue?: boolean;
                pageSize?: number;
                priority?: "low" | "normal" | "high" | "urgent";
                /** @description Search: Dutch full text over reference, title, description and tender reference, or every word of 3 or more letters as a part of a word ("bespaar" finds "energiebespaarservice"; case and accents ignored) in those, the proposal, the outcome or a note the caller may read. */
                q?: string;
                /** @description Only cases whose current SLA stage (accept while routed, then propose) is in one of these states: suspended, breached, due_soon (within 24 hours), on_time; met: no stage open and the propose stage not breached. Repeatable: `sla=breached&sla=due_soon`. */
                sla?: ("on_time" | "due_soon" | "breached" | "suspended" | "met")[];
                /** @description A leading `-` sorts descending. `priority` sorts by rank (urgent highest), then filing time; `leadDomain` by the lead domain's code; `buyer` by the name of the person who filed; ties by id. */
                sort?: "-filedAt" | "filedAt" | "deadline" | "-priority" | "priority" | "-estimatedValue" | "estimatedValue" | "leadDomain" | "-leadDomain" | "buyer" | "-buyer";
                /** @description Repeatable: `status=routed&status=accepted`. */
                status?: ("filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn")[];
                /** @description A MeentCoop team, by id or code. */
                team?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_file: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays with the same key and body return the first response (24 hours). */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FileCaseDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCaseDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CaseAuditController_caseAudit: {
        parameters: {
            query?: {
                cursor?: string;
                order?: "asc" | "desc";
                pageSize?: number;
            };
            header?: never;
            path: {
                /** @description The case id or reference. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CaseAuditController_bundle: {
        parameters: {
            query?: {
                /** @description The tree size of a checkpoint you kept: adds the consistency proof from it. */
                since?: number;
            };
            header?: never;
            path: {
                /** @description The case id or reference. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseBundleDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BenefitSharesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitSharesDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BenefitSharesController_set: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetBenefitSharesDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitSharesDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BenefitSharesController_answer: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                domainCode: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerBenefitShareDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitSharesDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    BenefitSharesController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BenefitShareHistoryDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CofundingController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CofundingProposalListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CofundingController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCofundingProposalDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CofundingProposalDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CofundingController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CofundingProposalDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CofundingController_answer: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
                proposalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerCofundingDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CofundingProposalDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SuspensionsController_deadlines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlineListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: {
                /** @description The `nextCursor` of the page before. */
                cursor?: string;
                /** @description Staff, auditors and admins: include withdrawn ones. */
                withdrawn?: string;
            };
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["DocumentUploadDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                docId: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                docId: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_addVersion: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                docId: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["VersionUploadDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_content: {
        parameters: {
            query?: {
                /** @description Why the content is read; required of auditors, kept in the audit event. */
                reason?: string;
            };
            header?: {
                /** @description One range, e.g. `bytes=0-1023`. */
                Range?: string;
            };
            path: {
                docId: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
                n: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The range asked for */
            206: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                docId: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
                n: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentsController_withdraw: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                docId: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDocumentDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentUploadsController_create: {
        parameters: {
            query?: never;
            header: {
                "Upload-Length": string;
                "Upload-Metadata": string;
            };
            path: {
                /** @description The case id (UUID) or its reference. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created; Location names the upload */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentUploadsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference. */
                id: string;
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentUploadsController_offset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference. */
                id: string;
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Upload-Offset and Upload-Length */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DocumentUploadsController_append: {
        parameters: {
            query?: never;
            header: {
                /** @description tus: where these bytes start; the concurrency check of an upload (409 when stale) */
                "Upload-Offset": string;
            };
            path: {
                /** @description The case id (UUID) or its reference. */
                id: string;
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The last part: the document or version recorded */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Received; Upload-Offset says how far */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CaseLinksController_closeAsDuplicate: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CloseAsDuplicateDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SuspensionsController_extend: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendDeadlineDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_caseFunding: {
        parameters: {
            query?: {
                /** @description Answer from the ledger as it stood then: a moment with its offset (`2026-03-01T12:00:00+01:00`), or a day (`2026-03-01`: at the end of that day, Amsterdam). */
                asOf?: string;
            };
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseFundingDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_entries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingEntryListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordFundingEntryDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingEntryDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingEntryDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_changeKoppel: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeKoppelDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_koppelCandidates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KoppelCandidatesDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_koppelHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KoppelHistoryDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CaseLinksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseLinkListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CaseLinksController_link: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseLinkDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseLinkDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_notes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_addNote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddNoteDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NoteDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PledgeTransfersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PledgeTransferListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    PledgeTransfersController_answer: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
                transferId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerPledgeTransferDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PledgeTransferDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CaseLinksController_fileSubCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubCaseDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SuspensionsController_suspend: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SuspendCaseDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SuspensionsController_end: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CasesController_transition: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                /** @description The case id (UUID) or its reference (BRUG-2026-000042). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransitionDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DomainsController_list: {
        parameters: {
            query?: {
                /** @description Also list deactivated domains. */
                includeInactive?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DomainsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDomainDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DomainsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    DomainsController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDomainDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DomainDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EuThresholdsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EuThresholdListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    EuThresholdsController_add: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddEuThresholdDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EuThresholdDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_ocds: {
        parameters: {
            query?: {
                /** @description Filed on or after this day (Amsterdam). */
                filedFrom?: string;
                /** @description Filed on or before this day (Amsterdam). */
                filedTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OcdsReleasePackageDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_flows: {
        parameters: {
            query?: {
                /** @description A domain code the case touches. */
                domain?: string;
                /** @description Filed on or after this day (Amsterdam). */
                filedFrom?: string;
                /** @description Filed on or before this day (Amsterdam). */
                filedTo?: string;
                /** @description Repeatable: `status=routed&status=accepted`. */
                status?: ("filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingFlowsDto"];
                    "text/csv": components["schemas"]["FundingFlowsDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_gaps: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description Only cases touching this domain. */
                domain?: string;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingGapListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_matrix: {
        parameters: {
            query?: {
                /** @description A domain code the case touches. */
                domain?: string;
                /** @description Filed on or after this day (Amsterdam). */
                filedFrom?: string;
                /** @description Filed on or before this day (Amsterdam). */
                filedTo?: string;
                /** @description Page 1 holds the newest `pageSize` cases, page 2 the ones before, and so on. */
                page?: number;
                pageSize?: number;
                /** @description Repeatable: `status=routed&status=accepted`. */
                status?: ("filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingMatrixDto"];
                    "text/csv": components["schemas"]["FundingMatrixDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_domainMatrix: {
        parameters: {
            query?: {
                /** @description A domain code the case touches. */
                domain?: string;
                /** @description Filed on or after this day (Amsterdam). */
                filedFrom?: string;
                /** @description Filed on or before this day (Amsterdam). */
                filedTo?: string;
                /** @description Repeatable: `status=routed&status=accepted`. */
                status?: ("filed" | "routed" | "accepted" | "in_progress" | "proposed" | "resolved" | "declined" | "withdrawn")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FundingDomainMatrixDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A dependency is unavailable */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeOwnPasswordDto"];
            };
        };
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecondFactorStatusDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_start: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecondFactorEnrolmentDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorCodeDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorCodeDto"];
            };
        };
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Well-formed, but breaks a business rule */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MySessionsDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_endMine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_metricsText: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": unknown;
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OrganisationUnitsController_list: {
        parameters: {
            query?: {
                /** @description Also list deactivated units. */
                includeInactive?: boolean;
                kind?: "municipal" | "meentcoop_team";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OrganisationUnitsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationUnitDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OrganisationUnitsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OrganisationUnitsController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationUnitDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FundingController_commonsShare: {
        parameters: {
            query?: {
                /** @description The year cases were resolved in (Amsterdam time); default: this year. */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommonsShareDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ManagementReportController_management: {
        parameters: {
            query?: {
                /** @description `csv` answers one table as CSV (as `Accept: text/csv` does); a link can say it. */
                format?: "json" | "csv";
                /** @description First day of the period (Amsterdam). Default: 90 days before `to`. */
                from?: string;
                /** @description Which table the CSV holds (default `teams`). */
                table?: "teams" | "handlers" | "domains" | "weeks" | "stages" | "sla";
                /** @description Only the cases of this MeentCoop team. */
                team?: string;
                /** @description Last day of the period (Amsterdam), at most 731 days after `from`. Default: today. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ManagementReportDto"];
                    "text/csv": components["schemas"]["ManagementReportDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Problem */
            406: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RoutingRulesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RoutingRulesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRoutingRuleDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RoutingRulesController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRoutingRuleDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingRuleDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RoutingRulesController_dryRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoutingDryRunDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoutingDryRunResultDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SignalsController_list: {
        parameters: {
            query?: {
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                pageSize?: number;
                /** @description Only the unread signals. */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SignalsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SignalsController_preferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalPreferencesDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SignalsController_setPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetSignalPreferencesDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalPreferencesDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SignalsController_markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedReadDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SignalsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SlaPoliciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SlaPoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSlaPolicyDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SlaPoliciesController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                priority: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSlaPolicyDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaPolicyDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TeamsController_list: {
        parameters: {
            query?: {
                /** @description Also list deactivated teams. */
                includeInactive?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TeamsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTeamDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TeamsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TeamsController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationUnitDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationUnitDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                active?: boolean;
                /** @description The nextCursor of the previous page. */
                cursor?: string;
                /** @description The user with exactly this email address (any case). */
                email?: string;
                /** @description The members of this organisation unit (a City unit or a MeentCoop team). */
                organisationUnitId?: string;
                pageSize?: number;
                role?: "buyer" | "staff" | "budget_holder" | "auditor" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserListDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_setPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPasswordDto"];
            };
        };
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SecondFactorController_removeFor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_endAllOf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateViewDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_remove: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, no content */
            204: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateViewDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhookDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version you read, e.g. `"3"`. Compared strongly: a weak tag (`W/"3"`) never matches. */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "API-Version": components["headers"]["API-Version"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description Bad request: the input breaks a rule; `errors` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not signed in, or the token is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The caller’s role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such resource, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The If-Match version is stale */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match is required */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Internal error; quote the request id */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
