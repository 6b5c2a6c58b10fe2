/**
 * Why a personal-data primitive refused: a configuration fault (`weak_secret`, `secret_file`,
 * `no_secret`, `key_id_collision`), a stored value that cannot be read (`malformed`,
 * `unknown_key`, `not_authentic`) or a programming fault (`invalid_argument`).
 */
export type PersonalDataFault =
  | 'weak_secret'
  | 'secret_file'
  | 'no_secret'
  | 'key_id_collision'
  | 'malformed'
  | 'unknown_key'
  | 'not_authentic'
  | 'invalid_argument';

/**
 * A fault of the server itself, never a client's mistake: the caller logs it and answers 500.
 * That is why it is not a TesseraError (those are shown to clients). Messages never hold a secret,
 * a key or a plaintext value.
 */
export class PersonalDataError extends Error {
  readonly fault: PersonalDataFault;

  constructor(fault: PersonalDataFault, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PersonalDataError';
    this.fault = fault;
  }
}
