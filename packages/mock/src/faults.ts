/**
 * Nova's error body: `{"<faultName>": {"code": N, "message": "..."}}`, with the fault name Nova's
 * `wsgi.Fault` picks for the status (anything unnamed is `computeFault`).
 */
const FAULT_NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

export function faultName(status: number): string {
  return FAULT_NAMES[status] ?? 'computeFault';
}

export function faultBody(status: number, message: string): Record<string, { code: number; message: string }> {
  return { [faultName(status)]: { code: status, message } };
}
