/**
 * The full semantic version of the HTTP API (NLGov API Design Rules: the `API-Version` header).
 * Its major is the `v1` in the path; raise the minor for additions and the patch for fixes.
 */
export const API_VERSION = '1.0.0';
export const API_BASE_PATH = '/api/v1';
