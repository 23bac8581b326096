import { ImportError } from './report';

/** Why a file is refused: not a kind the importer reads, or a damaged / unreadable one. */
export type RefusalCode = 'unsupported' | 'invalid-document';

/**
 * An ImportError that also says why (the host's result code). Thrown by the pipeline's own
 * steps (sniffing, the zip guard, text decoding, container readers); recognisers throw plain
 * ImportError, which counts as `invalid-document`.
 */
export class ImportRefusal extends ImportError {
  constructor(
    message: string,
    readonly code: RefusalCode = 'invalid-document',
    /** What the engine said (English), for the log only; never shown to the clerk. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }
}
