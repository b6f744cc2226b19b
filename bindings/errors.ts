// Errors of the signer. Primitive functions throw TypeError / RangeError naming the argument;
// the signer throws SigningError with a code and the offending field. No message ever contains a
// secret: messages name fields, never echo credential values.

/** Why a request could not be signed. */
export type SigningErrorCode =
  | "InvalidCredentials"
  | "InvalidOption"
  | "InvalidDate"
  | "InvalidExpires"
  | "InvalidUrl"
  | "InvalidMethod"
  | "InvalidHeaderName"
  | "InvalidHeaderValue"
  | "InvalidPercentEncoding"
  | "InvalidBody"
  | "PayloadHashMismatch"
  | "RequestTooLarge";

export class SigningError extends Error {
  override readonly name = "SigningError";
  /** A stable identifier of the rule that was broken. */
  readonly code: SigningErrorCode;
  /** The input that broke it, as a path into the arguments (`headers.x-amz-meta-a`, `options.expiresIn`). */
  readonly field: string;

  constructor(code: SigningErrorCode, field: string, message: string) {
    super(`${field}: ${message}`);
    // Lowered to ES5 (the script bundle for Rhino), super() returns a plain Error: restore the prototype so instanceof holds.
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = code;
    this.field = field;
  }
}
