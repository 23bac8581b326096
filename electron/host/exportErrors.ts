/** The document cannot be exported as it is; the message says why and what to do. */
export class ExportContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportContentError';
  }
}
