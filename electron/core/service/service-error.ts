// The one error the delivery service's client throws, and what kind of failure it is.
export type ServiceErrorKind =
  /** The token was refused: the user must sign in again. */
  | 'unauthorized'
  /** No answer: connection refused, DNS, timeout. The app is offline. */
  | 'unreachable'
  /** The cursor is too old (410): start a full resync. */
  | 'gone'
  /** The service answered with an error status. */
  | 'http'
  /** The service answered 2xx with a body that breaks the contract. */
  | 'invalid'
  /** Another service than the one this cache was filled from answers here: nothing is sent. */
  | 'other-service'
  /** The service asked us to wait longer than we wait within one sync: nothing is sent until then. */
  | 'busy'

export class ServiceError extends Error {
  readonly kind: ServiceErrorKind
  readonly status: number | null
  constructor(kind: ServiceErrorKind, message: string, status: number | null = null) {
    super(message)
    this.name = 'ServiceError'
    this.kind = kind
    this.status = status
  }
}
