import { DomainError, ValidationFailed, type FieldError } from '../common/errors';

export class DocumentNotFound extends DomainError {
  readonly code = 'document_not_found';
  readonly title = 'Document not found';
  constructor(what: string) {
    super(`There is no ${what} on this case that you may see.`);
  }
}

export class DocumentTooLarge extends DomainError {
  readonly code = 'document_too_large';
  readonly title = 'The file is too large';
  constructor(maxBytes: number) {
    super(`A document may hold at most ${maxBytes} bytes.`, { params: { maxBytes } });
  }
}

export class DocumentTypeNotAllowed extends DomainError {
  readonly code = 'document_type_not_allowed';
  readonly title = 'This kind of file is not accepted';
  constructor(extension: string, detected: string | null, allowed: readonly string[]) {
    super(
      detected
        ? `The file's content is ${detected}, which its name (.${extension || '?'}) does not allow, or which is not accepted.`
        : `The file's content is not one of the accepted kinds for .${extension || '?'}.`,
      { params: { extension, detected, allowed: [...allowed] } },
    );
  }
}

export class UnsupportedContentType extends DomainError {
  readonly code = 'unsupported_content_type';
  readonly title = 'Send the document as multipart/form-data';
  constructor() {
    super('Upload a document as multipart/form-data: its fields first, the file part last.', {
      params: { expected: 'multipart/form-data' },
    });
  }
}

export class DocumentWithdrawn extends DomainError {
  readonly code = 'document_withdrawn';
  readonly title = 'The document was withdrawn';
  constructor() {
    super('A withdrawn document takes no new versions and cannot be withdrawn again.');
  }
}

export class RangeNotSatisfiable extends DomainError {
  readonly code = 'range_not_satisfiable';
  readonly title = 'Range not satisfiable';
  constructor(size: number) {
    super(`The content has ${size} bytes; the range asked for lies outside it.`, {
      params: { size },
      headers: { 'Content-Range': `bytes */${size}` },
    });
  }
}

/** A problem with the file part itself, named on the field `file`. */
export function fileProblem(error: Omit<FieldError, 'field'>): ValidationFailed {
  return new ValidationFailed([{ field: 'file', ...error }]);
}
